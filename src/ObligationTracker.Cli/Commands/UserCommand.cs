using System.CommandLine;
using System.Text;
using ObligationTracker.Cli.Web.Security;
using ObligationTracker.Storage;
using ObligationTracker.Storage.Database;
using ObligationTracker.Storage.Users;

namespace ObligationTracker.Cli.Commands;

/// <summary><c>ot user add|list|passwd</c>: the users who sign in to the web app, with their roles.</summary>
internal static class UserCommand
{
    public static Command Create()
    {
        var command = new Command("user", "Add and list the web app's users; change a password.");
        command.Subcommands.Add(Add());
        command.Subcommands.Add(List());
        command.Subcommands.Add(Passwd());
        return command;
    }

    private static Option<bool> PasswordStdin() => new("--password-stdin") { Description = "Read the password from the first line of standard input instead of asking." };

    private static Command Add()
    {
        var name = new Argument<string>("NAME") { Description = "The name the user signs in with." };
        var role = new Option<string>("--role") { Description = "officer (everything), institution (its own institution's tracking) or auditor (read-only).", Required = true };
        var institution = new Option<string?>("--institution") { Description = "With --role institution: the institution's name or id." };
        var stdin = PasswordStdin();
        var command = new Command("add", "Add a user; asks for the password twice unless --password-stdin.") { name, role, institution, stdin };
        command.SetAction(r => CommandBoundary.Run(Console.Error, () => RunAdd(
            CliOptions.ResolveStore(r), r.GetRequiredValue(name), r.GetRequiredValue(role), r.GetValue(institution), ReadPassword(r.GetValue(stdin), Console.Error),
            TimeProvider.System, Console.Out, Console.Error)));
        return command;
    }

    private static Command List()
    {
        var command = new Command("list", "List users: name, role, institution.");
        command.SetAction(r => CommandBoundary.Run(Console.Error, () => RunList(CliOptions.ResolveStore(r), TimeProvider.System, Console.Out)));
        return command;
    }

    private static Command Passwd()
    {
        var name = new Argument<string>("NAME") { Description = "The user." };
        var stdin = PasswordStdin();
        var command = new Command("passwd", "Set a user's password; asks twice unless --password-stdin.") { name, stdin };
        command.SetAction(r => CommandBoundary.Run(Console.Error, () => RunPasswd(
            CliOptions.ResolveStore(r), r.GetRequiredValue(name), ReadPassword(r.GetValue(stdin), Console.Error), TimeProvider.System, Console.Out, Console.Error)));
        return command;
    }

    /// <param name="password">The password read, or null when none could be read (the problem was already written).</param>
    internal static int RunAdd(StoreSettings settings, string name, string roleText, string? institutionName, string? password, TimeProvider clock, TextWriter output, TextWriter errors)
    {
        if (string.IsNullOrWhiteSpace(name)) return CommandBoundary.Fail(errors, "The user name is empty.");
        if (UserRoles.Parse(roleText) is not { } role) return CommandBoundary.Fail(errors, $"Unknown role '{roleText}'; use officer, institution or auditor.");
        if (role == UserRole.Institution && string.IsNullOrWhiteSpace(institutionName)) return CommandBoundary.Fail(errors, "--role institution needs --institution NAME-OR-ID.");
        if (role != UserRole.Institution && institutionName is not null) return CommandBoundary.Fail(errors, "--institution goes with --role institution only.");
        if (password is null) return CommandBoundary.UsageError;
        if (Passwords.Problem(password) is { } weak) return CommandBoundary.Fail(errors, weak);

        long? institutionId = null;
        if (institutionName is not null)
        {
            using var register = RegulationStore.Open(settings, clock);
            if (register.Institutions.Find(institutionName) is not { } institution) return InstitutionCommand.NotFound(errors, institutionName);
            institutionId = institution.Id;
        }

        using var users = UserStore.Open(settings, clock);
        var added = users.Add(name, Passwords.Hash(password), role, institutionId);
        if (added is null) return CommandBoundary.Fail(errors, $"A user named '{name.Trim()}' exists already (change the password with `ot user passwd`).");
        output.WriteLine($"added {added.Name} ({added.Role.Name()}{(institutionId is { } i ? $", institution {i}" : "")})");
        return 0;
    }

    internal static int RunList(StoreSettings settings, TimeProvider clock, TextWriter output)
    {
        using var users = UserStore.Open(settings, clock);
        foreach (var u in users.List())
            output.WriteLine($"{u.Name}\t{u.Role.Name()}\t{(u.InstitutionId is { } i ? i.ToString(System.Globalization.CultureInfo.InvariantCulture) : "-")}\t{u.CreatedAt:yyyy-MM-dd}");
        return 0;
    }

    internal static int RunPasswd(StoreSettings settings, string name, string? password, TimeProvider clock, TextWriter output, TextWriter errors)
    {
        if (password is null) return CommandBoundary.UsageError;
        if (Passwords.Problem(password) is { } weak) return CommandBoundary.Fail(errors, weak);
        using var users = UserStore.Open(settings, clock);
        if (!users.SetPasswordHash(name, Passwords.Hash(password))) return CommandBoundary.Fail(errors, $"No user named '{name}' (see `ot user list`).");
        output.WriteLine($"password of {name.Trim()} changed");
        return 0;
    }

    /// <summary>The first line of standard input, or asked twice at the terminal without echo; null (with the problem written) when neither works.</summary>
    private static string? ReadPassword(bool fromStdin, TextWriter errors)
    {
        if (fromStdin) return Console.In.ReadLine() is { } line ? line.TrimEnd('\r', '\n') : Fail("no password on standard input.");
        if (Console.IsInputRedirected) return Fail("standard input is not a terminal: pass --password-stdin and the password on the first line.");
        var first = Prompt("Password: ");
        var second = Prompt("Again: ");
        return first == second ? first : Fail("the passwords differ.");

        string? Fail(string message)
        {
            errors.WriteLine($"error: {message}");
            return null;
        }
    }

    private static string Prompt(string label)
    {
        Console.Error.Write(label);
        var text = new StringBuilder();
        while (true)
        {
            var key = Console.ReadKey(intercept: true);
            if (key.Key == ConsoleKey.Enter) break;
            if (key.Key == ConsoleKey.Backspace) { if (text.Length > 0) text.Length--; }
            else if (!char.IsControl(key.KeyChar)) text.Append(key.KeyChar);
        }

        Console.Error.WriteLine();
        return text.ToString();
    }
}
