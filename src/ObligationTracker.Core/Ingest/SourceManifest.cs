using System.Globalization;
using System.Text.RegularExpressions;
using ObligationTracker.Core.Diagnostics;
using ObligationTracker.Core.Structure;

namespace ObligationTracker.Core.Ingest;

/// <summary>
/// A <c>MANIFEST.tsv</c> beside source files: a header row naming its columns (<c>file</c> required; <c>title</c>, <c>issuer</c>,
/// <c>doc_number</c>, <c>date</c> read where present, any others ignored), then one tab-separated row per file.
/// </summary>
/// <remarks>
/// Published texts often leave out their own 文号 or date (a web page without the notice that carried it, a PDF of the
/// measures alone), while the collection they come from lists them. Ingest takes from the manifest only what the text does
/// not say (<see cref="Complete"/>): where both give a value, the text wins.
/// </remarks>
public sealed partial class SourceManifest
{
    public const string FileName = "MANIFEST.tsv";

    private readonly Dictionary<string, ManifestEntry> _entries;

    private SourceManifest(string path, Dictionary<string, ManifestEntry> entries, IReadOnlyList<Diagnostic> diagnostics)
    {
        Path = path;
        _entries = entries;
        Diagnostics = diagnostics;
    }

    public string Path { get; }

    /// <summary>The rows, in manifest order.</summary>
    public IReadOnlyList<ManifestEntry> Entries => [.. _entries.Values.OrderBy(e => e.Line)];

    /// <summary>Rows that could not be read (warnings naming the manifest and line); the other rows still count.</summary>
    public IReadOnlyList<Diagnostic> Diagnostics { get; }

    public ManifestEntry? For(string file) => _entries.GetValueOrDefault(System.IO.Path.GetFileName(file));

    /// <summary>Reads the manifest at <paramref name="path"/>.</summary>
    public static SourceManifest Read(string path) => Parse(path, File.ReadAllText(path));

    /// <summary>Parses a manifest's text; <paramref name="path"/> names it in diagnostics.</summary>
    public static SourceManifest Parse(string path, string text)
    {
        var entries = new Dictionary<string, ManifestEntry>(StringComparer.Ordinal);
        var diagnostics = new List<Diagnostic>();
        var lines = text.ReplaceLineEndings("\n").Split('\n');
        var header = lines[0].TrimStart('\uFEFF').Split('\t').Select(h => h.Trim().ToLowerInvariant()).ToList();
        int Column(string name) => header.IndexOf(name);
        var (file, title, issuer, number, date) = (Column("file"), Column("title"), Column("issuer"), Column("doc_number"), Column("date"));
        if (file < 0)
        {
            diagnostics.Add(Warning(path, 1, "The header row has no 'file' column, so no row can be matched to a source file."));
            return new SourceManifest(path, entries, diagnostics);
        }

        for (var i = 1; i < lines.Length; i++)
        {
            if (string.IsNullOrWhiteSpace(lines[i]) || lines[i].StartsWith('#')) continue;
            var cells = lines[i].Split('\t');
            string? Cell(int column) => column >= 0 && column < cells.Length && cells[column].Trim() is { Length: > 0 } value ? value : null;
            var name = Cell(file);
            if (name is null)
            {
                diagnostics.Add(Warning(path, i + 1, "The row has no file name; it is ignored."));
                continue;
            }

            var notes = new List<string>();
            var rawDate = Cell(date) is { } written ? Strip(written, notes) : null;
            DateOnly? parsedDate = null;
            if (rawDate is { Length: > 0 } && !Imprecise().IsMatch(rawDate)) // a year or a month alone says too little to date a regulation
            {
                if (IsoDate().Match(rawDate) is { Success: true } m && DateOnly.TryParseExact(m.Value, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d))
                    parsedDate = d;
                else
                    diagnostics.Add(Warning(path, i + 1, $"The date '{rawDate}' of {name} is not yyyy-MM-dd; it is ignored."));
            }

            var entry = new ManifestEntry(
                System.IO.Path.GetFileName(name),
                i + 1,
                Cell(title), // a title's own brackets stay: …办法（试行）
                Cell(issuer) is { } s ? Strip(s, notes).Split([' ', '、', '，', ','], StringSplitOptions.RemoveEmptyEntries) : [],
                Cell(number) is { } n ? Number(n, notes) : null,
                parsedDate,
                notes);
            if (!entries.TryAdd(entry.File, entry))
                diagnostics.Add(Warning(path, i + 1, $"{entry.File} is listed again (first on line {entries[entry.File].Line}); this row is ignored."));
        }

        return new SourceManifest(path, entries, diagnostics);
    }

    /// <summary>The regulation with what its text leaves out taken from its row: document number, issuers, date of issue.</summary>
    public Regulation Complete(Regulation regulation)
    {
        if (For(regulation.File) is not { } entry) return regulation;
        return regulation with
        {
            DocumentNumber = regulation.DocumentNumber ?? entry.DocumentNumber,
            Issuers = regulation.Issuers.Count > 0
                ? regulation.Issuers
                : [.. entry.Issuers.Where(i => !i.EndsWith('等')).Select(IssuerNames.ToFullName).Distinct()],
            Issued = regulation.Issued ?? entry.Date,
        };
    }

    /// <summary>The number as written, without its annotations (首次公布：…, trailing （未核实）) and spaces, brackets as 〔〕.</summary>
    private static string? Number(string value, List<string> notes)
    {
        var colon = value.IndexOfAny(['：', ':']);
        if (colon > 0 && colon < 8) value = value[(colon + 1)..]; // a label: 首次公布：国务院令第660号
        value = Strip(value, notes);
        value = DocumentNumber.NormaliseBrackets(string.Concat(value.Where(c => !char.IsWhiteSpace(c))));
        return value.Length == 0 ? null : value;
    }

    /// <summary>Takes trailing parenthesised notes off a value, keeping them in <paramref name="notes"/>.</summary>
    private static string Strip(string value, List<string> notes)
    {
        for (var m = TrailingNote().Match(value); m.Success; m = TrailingNote().Match(value))
        {
            notes.Add(m.Groups[1].Value);
            value = value[..m.Index].TrimEnd();
        }

        return value.Trim();
    }

    private static Diagnostic Warning(string path, int line, string message) =>
        new(DiagnosticSeverity.Warning, DiagnosticCodes.ManifestRow, message, path, Line: line);

    // A note in brackets at the end, not a bracketed year: 银监办发〔2008〕53号（未核实）, 国务院令第660号 (2015年修订).
    [GeneratedRegex(@"[（(]([^（()）]*[^\d（()）][^（()）]*)[）)]\s*$")]
    private static partial Regex TrailingNote();

    [GeneratedRegex(@"^\d{4}-\d{2}-\d{2}")]
    private static partial Regex IsoDate();

    [GeneratedRegex(@"^\d{4}(?:年|-\d{1,2}|年\d{1,2}月)?$")]
    private static partial Regex Imprecise();
}
