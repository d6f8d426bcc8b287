using System.Data.Common;

namespace ObligationTracker.Cli;

/// <summary>Where a command's exceptions stop: a clear one-line message on stderr and a non-zero exit, never a stack trace.</summary>
internal static class CommandBoundary
{
    public const int UsageError = 2;
    public const int StoreError = 3;

    public static int Run(TextWriter errors, Func<int> action)
    {
        try
        {
            return action();
        }
        catch (FormatException ex)
        {
            errors.WriteLine($"error: {ex.Message}");
            return UsageError;
        }
        catch (DbException ex)
        {
            errors.WriteLine($"error: the store failed: {ex.Message}");
            return StoreError;
        }
        catch (InvalidOperationException ex)
        {
            errors.WriteLine($"error: {ex.Message}");
            return StoreError;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or TimeoutException or System.Net.Sockets.SocketException)
        {
            errors.WriteLine($"error: {ex.Message}");
            return StoreError;
        }
    }

    /// <summary>Reports a usage problem (what is wrong, in the user's terms) and returns the usage exit code.</summary>
    public static int Fail(TextWriter errors, string message)
    {
        errors.WriteLine($"error: {message}");
        return UsageError;
    }

    /// <summary>Who history rows name: --by, else $OT_USER, else the login name.</summary>
    public static string Actor(string? by) =>
        !string.IsNullOrWhiteSpace(by) ? by.Trim()
        : Environment.GetEnvironmentVariable("OT_USER") is { Length: > 0 } user ? user
        : Environment.UserName;
}
