using Microsoft.AspNetCore.Html;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using ObligationTracker.Cli.Commands;
using ObligationTracker.Core.Structure;
using ObligationTracker.Storage;
using ObligationTracker.Storage.Register;

namespace ObligationTracker.Cli.Web.Pages.Regulations;

/// <summary>GET /regulations/{id}: a regulation's particulars and its articles in order, each provision marked by modality with its addressees and deadline.</summary>
/// <remarks>Each article has an anchor (#art-N; #att-N in an attachment) that search hits link to.</remarks>
internal sealed class ShowModel(StorePool pool, TimeProvider clock) : PageModel
{
    public StoredRegulation Stored { get; private set; } = null!;

    public Regulation Regulation { get; private set; } = null!;

    public IReadOnlyList<ArticleBlock> Articles { get; private set; } = [];

    /// <summary>Obligations whose offsets fall in no article (listed after the articles so none is hidden).</summary>
    public IReadOnlyList<StoredObligation> Unplaced { get; private set; } = [];

    /// <summary>All of <see cref="Unplaced"/> stand in the issuing notice (关于印发…的通知) that carries the regulation.</summary>
    public bool UnplacedInNotice => Regulation.Notice is { } notice && Unplaced.All(o => o.Start >= notice.Start && o.Start < notice.End);

    public IReadOnlyDictionary<string, int> ByModality { get; private set; } = new Dictionary<string, int>();

    public string RegulationStatusCode { get; private set; } = "in-force";

    public IActionResult OnGet(long id)
    {
        var loaded = pool.Use(s => s.Register.Find(id.ToString(System.Globalization.CultureInfo.InvariantCulture)) is { } stored && stored.Id == id && s.Register.Load(id) is { } regulation
            ? (stored, regulation, s.Register.Obligations(id))
            : default((StoredRegulation, Regulation, IReadOnlyList<StoredObligation>)?));
        if (loaded is not var (stored, regulation, obligations)) return NotFound();

        Stored = stored;
        Regulation = regulation;
        RegulationStatusCode = stored.Status == RegulationStatus.Repealed ? "repealed"
            : stored.Effective is { } effective && effective > CliDates.Today(clock) ? "not-yet-effective"
            : "in-force";
        ByModality = obligations.GroupBy(o => o.Modality).ToDictionary(g => g.Key, g => g.Count());
        var anchors = new HashSet<string>(StringComparer.Ordinal);
        var placed = new HashSet<long>();
        Articles = [.. regulation.Articles.Select(a =>
        {
            var mine = obligations.Where(o => o.Start >= a.Span.Start && o.Start < a.Span.End).OrderBy(o => o.Start).ThenBy(o => o.Sequence)
                .Select((o, i) => new ProvisionMark(i + 1, o)).ToList();
            placed.UnionWith(mine.Select(m => m.Obligation.Id));
            var anchor = RegulationModel.Anchor(a.Number, a.InAttachment);
            return new ArticleBlock(a, anchors.Add(anchor) ? anchor : null, [.. a.Paragraphs.Select(p => Segments(regulation.Text, p, mine))], mine);
        })];
        Unplaced = [.. obligations.Where(o => !placed.Contains(o.Id))];
        return Page();
    }

    /// <summary>A paragraph's segments as HTML: text encoded, provisions in &lt;mark&gt; coloured by modality, numbered where they open.</summary>
    /// <remarks>Built in one piece so no template whitespace falls inside the paragraph, whose line breaks (items) are shown.</remarks>
    public static IHtmlContent Paragraph(IReadOnlyList<Segment> segments)
    {
        ArgumentNullException.ThrowIfNull(segments);
        var html = new HtmlContentBuilder();
        foreach (var segment in segments)
        {
            if (segment.Provision is not { } mark)
            {
                html.Append(segment.Text);
                continue;
            }

            var modality = mark.Obligation.Modality;
            html.AppendHtml("<mark class=\"prov m-").Append(modality).AppendHtml("\" title=\"").Append(Display.Modality(modality)).AppendHtml("\">");
            if (segment.Opens) html.AppendHtml("<span class=\"prov-no\">").Append(mark.Circled).AppendHtml("</span>");
            html.Append(segment.Text).AppendHtml("</mark>");
        }

        return html;
    }

    /// <summary>A paragraph cut into plain text and provision marks; a provision overlapping one already marked is listed but not marked again.</summary>
    private static List<Segment> Segments(string text, Paragraph p, IReadOnlyList<ProvisionMark> provisions)
    {
        var start = p.Start;
        var end = p.Start + p.Text.Length;
        if (end > text.Length || string.CompareOrdinal(text, start, p.Text, 0, p.Text.Length) != 0) return [new Segment(p.Text, null, false)];
        var segments = new List<Segment>();
        var cursor = start;
        foreach (var mark in provisions)
        {
            var o = mark.Obligation;
            var s = Math.Max(o.Start, cursor);
            var e = Math.Min(o.Start + o.Text.Length, end);
            if (e <= s) continue;
            if (s > cursor) segments.Add(new Segment(text[cursor..s], null, false));
            segments.Add(new Segment(text[s..e], mark, s == o.Start || s == start));
            cursor = e;
        }

        if (cursor < end) segments.Add(new Segment(text[cursor..end], null, false));
        return segments;
    }
}

/// <summary>An article as the page shows it: its anchor (null when a number repeats), its paragraphs cut into segments, its provisions numbered.</summary>
internal sealed record ArticleBlock(Article Article, string? Anchor, IReadOnlyList<IReadOnlyList<Segment>> Paragraphs, IReadOnlyList<ProvisionMark> Provisions);

/// <summary>A provision of an article with its number there (①②…).</summary>
internal sealed record ProvisionMark(int Number, StoredObligation Obligation)
{
    public string Circled => Number is >= 1 and <= 20 ? ((char)('①' + Number - 1)).ToString() : $"({Number})";
}

/// <summary>A run of an article's text: plain, or inside a provision (<see cref="Opens"/> where the provision's label goes).</summary>
internal sealed record Segment(string Text, ProvisionMark? Provision, bool Opens);
