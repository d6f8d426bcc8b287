using System.Runtime.InteropServices;

namespace ObligationTracker.Tools;

/// <summary>CPU time used by the calling thread (Linux getrusage RUSAGE_THREAD): a per-query cost that machine load does not inflate.</summary>
internal static partial class ThreadCpu
{
    private const int RusageThread = 1;

    /// <summary>User + system CPU time of this thread, or null where the call is not available.</summary>
    public static TimeSpan? Now()
    {
        if (!OperatingSystem.IsLinux()) return null;
        return GetRusage(RusageThread, out var usage) == 0
            ? TimeSpan.FromMicroseconds((usage.UserSeconds + usage.SystemSeconds) * 1_000_000.0 + usage.UserMicroseconds + usage.SystemMicroseconds)
            : null;
    }

    /// <summary>This thread's CPU time in milliseconds from CLOCK_THREAD_CPUTIME_ID (nanosecond resolution), or null
    /// where the call is not available: fine enough to time the stages of one search.</summary>
    public static double? PreciseMilliseconds()
    {
        if (!OperatingSystem.IsLinux()) return null;
        return ClockGetTime(ClockThreadCpuTime, out var time) == 0 ? time.Seconds * 1e3 + time.Nanoseconds / 1e6 : null;
    }

    private const int ClockThreadCpuTime = 3;

    [StructLayout(LayoutKind.Sequential)]
    private struct TimeSpec
    {
        public long Seconds;
        public long Nanoseconds;
    }

    [LibraryImport("libc", EntryPoint = "clock_gettime")]
    [DefaultDllImportSearchPaths(DllImportSearchPath.SafeDirectories)]
    private static partial int ClockGetTime(int clock, out TimeSpec time);

    /// <summary>The head of struct rusage (x86-64/arm64 Linux: two timevals first, 144 bytes in all).</summary>
    [StructLayout(LayoutKind.Sequential, Size = 144)]
    private struct Rusage
    {
        public long UserSeconds;
        public long UserMicroseconds;
        public long SystemSeconds;
        public long SystemMicroseconds;
    }

    [LibraryImport("libc", EntryPoint = "getrusage")]
    [DefaultDllImportSearchPaths(DllImportSearchPath.SafeDirectories)]
    private static partial int GetRusage(int who, out Rusage usage);
}
