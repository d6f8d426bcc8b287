using Microsoft.AspNetCore.Identity;
using ObligationTracker.Cli.Commands;
using ObligationTracker.Cli.Web.Security;
using ObligationTracker.Storage.Database;
using ObligationTracker.Storage.Users;
using Xunit;

namespace ObligationTracker.Cli.Tests.Commands;

/// <summary><c>ot user add|list|passwd</c>: roles checked, institution users tied to an existing institution, passwords stored hashed.</summary>
public sealed class UserCommandTests : IDisposable
{
    private readonly string _data = Path.Combine(Path.GetTempPath(), "ot-user-cli-" + Guid.NewGuid().ToString("N"));

    private StoreSettings Store => StoreSettings.Sqlite(_data);

    [Fact]
    public void Add_Officer_StoresAHashNotThePassword()
    {
        var (code, output, _) = Run((o, e) => UserCommand.RunAdd(Store, "wang", "officer", null, "s3cret-password", TimeProvider.System, o, e));

        Assert.Equal(0, code);
        Assert.Contains("added wang (officer)", output, StringComparison.Ordinal);
        using var users = UserStore.Open(Store, TimeProvider.System);
        var user = users.Find("wang")!;
        Assert.DoesNotContain("s3cret-password", user.PasswordHash, StringComparison.Ordinal);
        Assert.Equal(PasswordVerificationResult.Success, Passwords.Verify(user, "s3cret-password"));
        Assert.Equal(PasswordVerificationResult.Failed, Passwords.Verify(user, "s3cret-passwore"));
    }

    [Theory]
    [InlineData("admin", null, "long-enough-1", "Unknown role 'admin'")]
    [InlineData("institution", null, "long-enough-1", "needs --institution")]
    [InlineData("auditor", "某信托", "long-enough-1", "--institution goes with --role institution only")]
    [InlineData("institution", "没有这家机构", "long-enough-1", "No institution named")]
    [InlineData("officer", null, "short", "shorter than 8")]
    public void Add_BadArguments_RefusedWithAMessage(string role, string? institution, string password, string message)
    {
        var (code, _, errors) = Run((o, e) => UserCommand.RunAdd(Store, "li", role, institution, password, TimeProvider.System, o, e));

        Assert.Equal(CommandBoundary.UsageError, code);
        Assert.Contains(message, errors, StringComparison.Ordinal);
    }

    [Fact]
    public void Add_InstitutionUser_IsTiedToTheInstitutionAndListed()
    {
        Assert.Equal(0, InstitutionCommand.RunAdd(Store, "某信托", ["信托公司"], null, null, TimeProvider.System, TextWriter.Null, TextWriter.Null));

        Assert.Equal(0, Run((o, e) => UserCommand.RunAdd(Store, "zhao", "institution", "某信托", "long-enough-1", TimeProvider.System, o, e)).Code);
        var (code, listed, _) = Run((o, _) => UserCommand.RunList(Store, TimeProvider.System, o));

        Assert.Equal(0, code);
        Assert.StartsWith("zhao\tinstitution\t1\t", listed, StringComparison.Ordinal);
    }

    [Fact]
    public void Add_SameNameTwice_SecondFails()
    {
        Assert.Equal(0, Run((o, e) => UserCommand.RunAdd(Store, "wang", "officer", null, "long-enough-1", TimeProvider.System, o, e)).Code);

        var (code, _, errors) = Run((o, e) => UserCommand.RunAdd(Store, "wang", "auditor", null, "long-enough-2", TimeProvider.System, o, e));

        Assert.Equal(CommandBoundary.UsageError, code);
        Assert.Contains("exists already", errors, StringComparison.Ordinal);
    }

    [Fact]
    public void Passwd_ChangesThePassword()
    {
        Run((o, e) => UserCommand.RunAdd(Store, "wang", "officer", null, "first-password", TimeProvider.System, o, e));

        Assert.Equal(0, Run((o, e) => UserCommand.RunPasswd(Store, "wang", "second-password", TimeProvider.System, o, e)).Code);

        using var users = UserStore.Open(Store, TimeProvider.System);
        Assert.Equal(PasswordVerificationResult.Success, Passwords.Verify(users.Find("wang"), "second-password"));
        Assert.Equal(PasswordVerificationResult.Failed, Passwords.Verify(users.Find("wang"), "first-password"));
        Assert.Equal(CommandBoundary.UsageError, Run((o, e) => UserCommand.RunPasswd(Store, "nobody", "third-password", TimeProvider.System, o, e)).Code);
    }

    private static (int Code, string Output, string Errors) Run(Func<TextWriter, TextWriter, int> command)
    {
        using var output = new StringWriter();
        using var errors = new StringWriter();
        var code = command(output, errors);
        return (code, output.ToString(), errors.ToString());
    }

    public void Dispose()
    {
        if (Directory.Exists(_data)) Directory.Delete(_data, recursive: true);
    }
}
