using ObligationTracker.Core.Structure;

namespace ObligationTracker.Tools;

/// <summary><c>compare-manifest</c>: parses the shared regulations and compares title, issuers, document number and date with MANIFEST.tsv.</summary>
internal sealed class CompareManifestVerb : IToolVerb
{
    public string Name => "compare-manifest";

    public string Summary => "Agreement of parsed title/issuer/doc number/issue date with the shared MANIFEST.tsv (--all prints every row; --without-md-title drops the .md's '# title' line).";

    public Task<int> RunAsync(string[] args)
    {
        var all = args.Contains("--all");
        // The .md files open with a '# title' line the originals (PDF, Word) do not have: without it, titles must be found in the text.
        var dropFirst = args.Contains("--without-md-title");
        var parser = new RegulationParser();
        var rows = RegulationManifest.Read(Path.Combine(RepoPaths.SharedRegulations, "MANIFEST.tsv"));
        int[] hit = new int[4], of = new int[4];
        int numberHitInText = 0, numberInTextRows = 0;
        foreach (var row in rows)
        {
            var text = CorpusText.ReadNormalised(Path.Combine(RepoPaths.SharedRegulations, row.File));
            if (dropFirst && text.IndexOf('\n', StringComparison.Ordinal) is var nl and > 0) text = text[(nl + 1)..];
            var r = parser.Parse(row.File, text);
            var numberInText = row.DocumentNumber is not null && ManifestRow.Canonical(DocumentNumber.NormaliseBrackets(text)).Contains(ManifestRow.Canonical(row.DocumentNumber), StringComparison.Ordinal);
            var checks = new (string Name, bool Applies, bool Ok, string Got, string Want)[]
            {
                ("title", true, ManifestRow.Canonical(r.Title) == ManifestRow.Canonical(row.Title), r.Title, row.Title),
                ("issuer", !row.Issuers.Any(i => i.Contains('等')), r.Issuers.Order().SequenceEqual(row.Issuers.Select(IssuerNames.ToFullName).Order()), string.Join(" ", r.Issuers), string.Join(" ", row.Issuers)),
                ("docno", row.DocumentNumber is not null, ManifestRow.Canonical(r.DocumentNumber) == ManifestRow.Canonical(row.DocumentNumber), r.DocumentNumber ?? "-", row.DocumentNumber ?? "-"),
                ("date", row.Date is not null, r.Issued == row.Date, r.Issued?.ToString("yyyy-MM-dd") ?? "-", row.Date?.ToString("yyyy-MM-dd") ?? "-"),
            };
            for (var i = 0; i < checks.Length; i++)
            {
                if (!checks[i].Applies) continue;
                of[i]++;
                if (checks[i].Ok) hit[i]++;
                else Console.WriteLine($"MISS {checks[i].Name,-6} {row.File}{(row.Unverified ? " (unverified row)" : "")}{(i == 2 && !numberInText ? " (number not in the text)" : "")}\n       got  {checks[i].Got}\n       want {checks[i].Want}");
            }

            if (numberInText)
            {
                numberInTextRows++;
                if (checks[2].Ok) numberHitInText++;
            }

            if (all) Console.WriteLine($"{row.File}\t{r.Title}\t{r.Issuer}\t{r.DocumentNumber}\t{r.Issued:yyyy-MM-dd}\t{r.Effective:yyyy-MM-dd}");
        }

        string[] names = ["title", "issuer", "doc number", "issue date"];
        Console.WriteLine($"doc number where the text holds it: {numberHitInText}/{numberInTextRows} ({100.0 * numberHitInText / Math.Max(1, numberInTextRows):F1}%)");
        Console.WriteLine("summary: " + string.Join("; ", names.Select((n, i) => $"{n} {hit[i]}/{of[i]} ({100.0 * hit[i] / Math.Max(1, of[i]):F1}%)")));
        return Task.FromResult(0);
    }
}
