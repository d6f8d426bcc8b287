using System.Diagnostics;
using ObligationTracker.Core.Ingest;
using ObligationTracker.Core.Structure;

namespace ObligationTracker.Tools;

/// <summary>
/// <c>compare-originals [--diffs N] [--dump DIR] [FILTER]</c>: reads every original in shared/corpora/originals/MAP.tsv that has a
/// text version, and prints how closely the reader's text agrees with the text version (white space removed),
/// with pages and PDF pages per second; then parses both and compares article counts and each article's text.
/// </summary>
internal sealed class CompareOriginalsVerb : IToolVerb
{
    public string Name => "compare-originals";

    public string Summary => "Read the real originals (PDF, DOCX, GB18030) and compare their text with the text versions.";

    public Task<int> RunAsync(string[] args)
    {
        var showDiffs = 0;
        string? filter = null, dump = null;
        for (var i = 0; i < args.Length; i++)
        {
            if (args[i] == "--diffs" && i + 1 < args.Length) showDiffs = int.Parse(args[++i]);
            else if (args[i] == "--dump" && i + 1 < args.Length) dump = args[++i];
            else filter = args[i];
        }

        var originals = RepoPaths.SharedOriginals;
        var rows = File.ReadAllLines(Path.Combine(originals, "MAP.tsv")).Skip(1)
            .Select(l => l.Split('\t'))
            .Where(c => c.Length >= 2 && (filter is null || c[0].Contains(filter, StringComparison.Ordinal)))
            .ToList();
        var readers = new DocumentReaders();

        Console.WriteLine("| original | format | pages | chars orig | chars text | similarity | articles orig | articles text | article sim min | mean | < 0.97 | ms | pages/s | note |");
        Console.WriteLine("|---|---|--:|--:|--:|--:|--:|--:|--:|--:|--:|--:|--:|---|");
        var parser = new RegulationParser();
        var articleSims = new List<double>();
        int countsEqual = 0, countsCompared = 0;
        var similarities = new List<double>();
        long pdfPages = 0, pdfTicks = 0;
        foreach (var cols in rows)
        {
            var (original, textVersion) = (cols[0], cols[1]);
            var watch = Stopwatch.StartNew();
            var read = readers.ReadFile(Path.Combine(originals, original));
            watch.Stop();
            var ms = watch.Elapsed.TotalMilliseconds;
            var name = Path.GetFileNameWithoutExtension(original);
            var shortName = name.Length > 28 ? name[..28] + "…" : name;
            var ext = Path.GetExtension(original);
            if (read.Source is not { } source)
            {
                Console.WriteLine($"| {shortName}{ext} | – | – | – | – | – | – | – | – | – | – | {ms:0} | – | {read.Diagnostics[0].Code}: {Trim(read.Diagnostics[0].Message)} |");
                continue;
            }
            if (dump is not null)
            {
                Directory.CreateDirectory(dump);
                File.WriteAllText(Path.Combine(dump, original + ".txt"), source.Text);
            }
            if (string.IsNullOrEmpty(textVersion))
            {
                Console.WriteLine($"| {shortName}{ext} | {source.Format} | {source.PageCount} | {source.Text.Length} | – | – | – | – | – | – | – | {ms:0} | – | no text version |");
                continue;
            }

            var text = readers.ReadFile(Path.Combine(RepoPaths.SharedRegulations, textVersion)).Source?.Text ?? "";
            var a = TextSimilarity.StripWhiteSpace(source.Text);
            var b = TextSimilarity.StripWhiteSpace(text);
            var (similarity, diffs) = TextSimilarity.Compare(a, b);
            similarities.Add(similarity);
            var pagesPerSecond = source.PageCount is { } p ? $"{p / watch.Elapsed.TotalSeconds:0}" : "–";
            if (source.Format == SourceFormat.Pdf)
            {
                pdfPages += source.PageCount ?? 0;
                pdfTicks += watch.Elapsed.Ticks;
            }
            var warnings = read.Diagnostics.Count == 0 ? "" : $"{read.Diagnostics.Count} warning(s)";

            var fromOriginal = parser.Parse(original, source.Text);
            var fromText = parser.Parse(textVersion, text);
            var pairs = ArticleComparison.Pair(fromOriginal, fromText);
            var sims = pairs.Select(p => p.Similarity).ToList();
            articleSims.AddRange(sims);
            countsCompared++;
            if (fromOriginal.Articles.Count == fromText.Articles.Count) countsEqual++;
            var articleColumns = sims.Count == 0
                ? $"{fromOriginal.Articles.Count} | {fromText.Articles.Count} | – | – | –"
                : $"{fromOriginal.Articles.Count} | {fromText.Articles.Count} | {sims.Min():0.0000} | {sims.Average():0.0000} | {sims.Count(x => x < 0.97)}";
            Console.WriteLine($"| {shortName}{ext} | {source.Format} | {source.PageCount?.ToString() ?? "–"} | {a.Length} | {b.Length} | {similarity:0.0000} | {articleColumns} | {ms:0} | {pagesPerSecond} | {warnings} |");
            foreach (var low in pairs.Where(p => p.Similarity < 0.97).Take(showDiffs))
                Console.WriteLine($"    article {low.Label}: {low.Similarity:0.0000}");
            foreach (var fragment in TextSimilarity.Fragments(diffs).Take(showDiffs))
                Console.WriteLine($"    {fragment}");
        }

        if (similarities.Count > 0)
            Console.WriteLine($"\n{similarities.Count} compared: mean whole-text similarity {similarities.Average():0.0000}, min {similarities.Min():0.0000}.");
        if (articleSims.Count > 0)
            Console.WriteLine($"Articles: counts equal in {countsEqual}/{countsCompared} documents; {articleSims.Count} article pairs, " +
                $"mean similarity {articleSims.Average():0.0000}, min {articleSims.Min():0.0000}, {articleSims.Count(x => x >= 0.97)} of them >= 0.97.");
        if (pdfTicks > 0)
            Console.WriteLine($"PDF: {pdfPages} pages in {TimeSpan.FromTicks(pdfTicks).TotalSeconds:0.00} s = {pdfPages / TimeSpan.FromTicks(pdfTicks).TotalSeconds:0} pages/s (first file includes JIT warm-up).");
        return Task.FromResult(0);
    }

    private static string Trim(string message) => message.Length > 70 ? message[..70] + "…" : message;
}
