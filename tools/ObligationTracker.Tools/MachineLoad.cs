namespace ObligationTracker.Tools;

/// <summary>The machine's load when a benchmark ran: the cores are shared, so every figure is printed beside it.</summary>
internal static class MachineLoad
{
    /// <summary>The 1, 5 and 15 minute load averages, or "n/a" where the system does not publish them.</summary>
    public static string Averages()
    {
        try
        {
            return File.Exists("/proc/loadavg") ? string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "n/a";
        }
        catch (IOException)
        {
            return "n/a";
        }
    }
}
