using System.Text.RegularExpressions;

namespace ObligationTracker;

/// <summary>One row of the shared corpus's MANIFEST.tsv, with the annotations (（未核实）, 首次公布：, (最新修订/修正日期)) taken off.</summary>
internal sealed record ManifestRow(string File, string Title, IReadOnlyList<string> Issuers, string? DocumentNumber, DateOnly? Date, bool Unverified)
{
    /// <summary>Compares titles and numbers as the normaliser leaves them: no spaces, full-width brackets.</summary>
    public static string Canonical(string? s) =>
        s is null ? "" : s.Replace(" ", "", StringComparison.Ordinal).Replace('(', '（').Replace(')', '）').Replace('[', '〔').Replace(']', '〕');
}

/// <summary>Reads MANIFEST.tsv (file, title, issuer, doc_number, date, source, chars).</summary>
internal static partial class RegulationManifest
{
    [GeneratedRegex(@"[（(][^（()）]*[）)]\s*$")]
    private static partial Regex TrailingNote();

    [GeneratedRegex(@"^(\d{4})-(\d{2})-(\d{2})")]
    private static partial Regex IsoDate();

    public static IReadOnlyList<ManifestRow> Read(string path)
    {
        var rows = new List<ManifestRow>();
        foreach (var line in File.ReadLines(path).Skip(1))
        {
            var f = line.Split('\t');
            if (f.Length < 5) continue;
            var unverified = line.Contains("未核实", StringComparison.Ordinal);
            var number = f[3].Trim();
            if (number.StartsWith("首次公布：", StringComparison.Ordinal)) number = number["首次公布：".Length..];
            while (TrailingNote().IsMatch(number)) number = TrailingNote().Replace(number, "").Trim();
            var issuers = TrailingNote().Replace(f[2], "").Split(' ', StringSplitOptions.RemoveEmptyEntries);
            var date = IsoDate().Match(f[4]) is { Success: true } m
                ? new DateOnly(int.Parse(m.Groups[1].Value), int.Parse(m.Groups[2].Value), int.Parse(m.Groups[3].Value))
                : (DateOnly?)null;
            rows.Add(new ManifestRow(f[0], f[1].Trim(), issuers, number.Length == 0 ? null : number, date, unverified));
        }

        return rows;
    }
}
