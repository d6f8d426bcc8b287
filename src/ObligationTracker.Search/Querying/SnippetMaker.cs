using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Search.Highlight;
using ObligationTracker.Search.Indexing;

namespace ObligationTracker.Search.Querying;

/// <summary>Highlighted passages of an article's text: Lucene's Highlighter over the query words found in the text
/// (<see cref="TermMatchTokenStream"/>; the text is not segmented again).</summary>
internal sealed class SnippetMaker
{
    private const int FragmentLength = 70;
    private const int Fragments = 2;

    private readonly IReadOnlyCollection<string> _terms;
    private readonly Highlighter? _highlighter;
    private readonly string _start;
    private readonly string _end;

    /// <param name="terms">Folded words to mark.</param>
    public SnippetMaker(IReadOnlyCollection<string> terms, string start, string end)
    {
        _terms = terms;
        _start = start;
        _end = end;
        if (terms.Count == 0) return;
        var query = new BooleanQuery(disableCoord: true);
        foreach (var term in terms) query.Add(new TermQuery(new Term(ArticleFields.Text, term)), Occur.SHOULD);
        _highlighter = new Highlighter(new SimpleHTMLFormatter(start, end), new QueryTermScorer(query, ArticleFields.Text))
        {
            TextFragmenter = new SimpleFragmenter(FragmentLength),
        };
    }

    public string Snippet(string text)
    {
        string? snippet = null;
        if (_highlighter is not null)
        {
            using var stream = new TermMatchTokenStream(text, _terms);
            var fragments = _highlighter.GetBestFragments(stream, text, Fragments);
            if (fragments.Length > 0) snippet = string.Join(" … ", fragments.Select(f => f.Trim()));
        }

        snippet ??= text.Length <= FragmentLength ? text : text[..FragmentLength] + "…";
        // Adjacent marked words read as one marked phrase.
        return snippet.Replace(_end + _start, "", StringComparison.Ordinal).Replace('\n', ' ');
    }
}
