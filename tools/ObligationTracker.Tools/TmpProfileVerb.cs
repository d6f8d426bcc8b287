using System.Diagnostics;
using ObligationTracker.Core.Structure;

namespace ObligationTracker.Tools;

internal sealed class TmpProfileVerb : IToolVerb
{
    public string Name => "tmp-profile";
    public string Summary => "";
    public Task<int> RunAsync(string[] args)
    {
        var texts = CorpusFiles.Resolve([]).Select(f => CorpusText.ReadNormalised(f)).ToList();
        var p = new RegulationParser();
        for (var w = 0; w < 3; w++) foreach (var t in texts) p.Parse("x", t);
        long Min(Action a) { var best = long.MaxValue; for (var r = 0; r < 7; r++) { var sw = Stopwatch.StartNew(); a(); best = Math.Min(best, sw.ElapsedMilliseconds); } return best; }
        Console.WriteLine($"split {Min(() => { foreach (var t in texts) TextLine.Split(t); })}");
        Console.WriteLine($"split+body {Min(() => { foreach (var t in texts) { var l = TextLine.Split(t); var d = new List<ObligationTracker.Core.Diagnostics.Diagnostic>(); BodyParser.Parse("x", t, l, 0, false, d); } })}");
        Console.WriteLine($"all {Min(() => { foreach (var t in texts) p.Parse("x", t); })}");
        return Task.FromResult(0);
    }
}
