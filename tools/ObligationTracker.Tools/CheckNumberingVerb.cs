using ObligationTracker.Core.Diagnostics;
using ObligationTracker.Core.Structure;

namespace ObligationTracker.Tools;

/// <summary><c>check-numbering [DIR|FILE...]</c>: parses each regulation and reports its article count, numbering gaps and diagnostics.</summary>
internal sealed class CheckNumberingVerb : IToolVerb
{
    public string Name => "check-numbering";

    public string Summary => "Per file: article count, numbering gaps, diagnostics (default: the shared regulations corpus).";

    public Task<int> RunAsync(string[] args)
    {
        var files = CorpusFiles.Resolve(args);
        var parser = new RegulationParser();
        int clean = 0, explained = 0, unexplained = 0, empty = 0, total = 0;
        foreach (var file in files)
        {
            var regulation = parser.Parse(file, CorpusText.ReadNormalised(file));
            var main = regulation.Articles.Where(a => !a.InAttachment).Select(a => a.Number).ToList();
            var attached = regulation.Articles.Count - main.Count;
            var sequential = main.Count > 0 && main.Select((n, i) => n == i + 1).All(ok => ok);
            var numbering = regulation.Diagnostics.Where(d => d.Code is DiagnosticCodes.ArticleGap or DiagnosticCodes.ArticleDuplicate).ToList();
            var restarts = main.Count > 0 && !sequential && numbering.Count == 0; // points numbered anew per chapter
            string status;
            if (main.Count == 0) { empty++; status = "NO-ARTICLES"; }
            else if (numbering.Count > 0) { explained++; status = "DIAGNOSED"; }
            else if (sequential || restarts) { clean++; status = "OK"; }
            else { unexplained++; status = "FAIL"; }
            total += regulation.Articles.Count;
            Console.WriteLine($"{status,-11} {Path.GetFileName(file)}  articles={main.Count}{(attached > 0 ? $"+{attached} in attachments" : "")}"
                + $"{(main.Count > 0 ? $" last={main[^1]}" : "")}");
            foreach (var d in regulation.Diagnostics) Console.WriteLine($"    {d}");
        }

        Console.WriteLine($"summary: {files.Count} files, {total} articles; {clean} numbered without gap, {explained} with a diagnosed gap or duplicate, "
            + $"{empty} without articles, {unexplained} unexplained");
        return Task.FromResult(unexplained == 0 ? 0 : 1);
    }
}
