using System.Diagnostics;
using System.Text;
using ObligationTracker.Search.Analysis;

namespace ObligationTracker.Tools;

/// <summary>How fast this machine is, by the yardstick issue 3 states its targets against: jieba.NET alone segmenting the
/// corpus's articles on one thread (4.4 MB/s on the machine the issue was measured on).</summary>
/// <remarks>Sessions run on different machines, so a throughput or latency figure means little without this one beside
/// it. It is a rough guide: on a shared virtual machine it varied from 2.2 to 4.3 MB per CPU-second between runs.</remarks>
internal static class MachineSpeed
{
    /// <summary>jieba.NET's speed on one core where issue 3 measured it.</summary>
    public const double IssueReference = 4.4;

    /// <summary>Plain jieba.NET Cut over every text, as issue 3 measured it.</summary>
    public static void JiebaCut(IReadOnlyList<string> texts)
    {
        JiebaNet.Segmenter.ConfigManager.ConfigFileBaseDir = Path.Combine(AppContext.BaseDirectory, ChineseSegmenter.ResourceFolder);
        var jieba = new JiebaNet.Segmenter.JiebaSegmenter();
        foreach (var text in texts) _ = jieba.Cut(text).Count();
    }

    /// <summary>The line the benchmarks print: jieba.NET's MB per CPU-second here, beside the issue's.</summary>
    public static string Describe(IReadOnlyList<string> texts)
    {
        var mb = Megabytes(texts);
        var (cpu, _) = BestOfThree(() => JiebaCut(texts));
        var here = mb / cpu;
        return $"this machine: jieba.NET alone segments {here:0.00} MB per CPU-second on one thread ({IssueReference} on the machine issue 3 "
            + $"was measured on: roughly x{here / IssueReference:0.00} of that machine's speed, as far as one run tells)";
    }

    /// <summary>The texts' size as the speed figures count it: UTF-8 megabytes.</summary>
    public static double Megabytes(IEnumerable<string> texts) => texts.Sum(t => Encoding.UTF8.GetByteCount(t)) / 1e6;

    /// <summary>CPU and wall seconds of the least disturbed of three runs, after two warm-ups: the machine is shared.</summary>
    public static (double CpuSeconds, double WallSeconds) BestOfThree(Action action)
    {
        action();
        action();
        var best = (Cpu: double.MaxValue, Wall: 0.0);
        for (var run = 0; run < 3; run++)
        {
            var cpu = Process.GetCurrentProcess().TotalProcessorTime;
            var wall = Stopwatch.StartNew();
            action();
            var used = (Process.GetCurrentProcess().TotalProcessorTime - cpu).TotalSeconds;
            if (used < best.Cpu) best = (used, wall.Elapsed.TotalSeconds);
        }

        return best;
    }
}
