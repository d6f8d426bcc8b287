using Lucene.Net.Analysis;
using Lucene.Net.Analysis.TokenAttributes;
using ObligationTracker.Search.Analysis;

namespace ObligationTracker.Search.Querying;

/// <summary>The tokens the highlighter needs from an article's text, found without segmenting it: each occurrence of a
/// query word (the longest where several start at one place), and short filler tokens between them so that the
/// fragmenter can cut anywhere.</summary>
/// <remarks>
/// Re-segmenting each hit's text with jieba cost a quarter of a search's CPU. The words to mark are known strings, and
/// folding keeps every offset (<see cref="TextNormalizer"/>), so plain string search on the folded text finds them.
/// A word is marked wherever its characters stand, also inside a longer word (银行 in 商业银行), as search-mode
/// segmentation did for dictionary words.
/// </remarks>
internal sealed class TermMatchTokenStream : TokenStream
{
    /// <summary>Longest filler token: the finest grain at which a fragment can start or end.</summary>
    private const int FillerLength = 4;

    private readonly string _text;
    private readonly int[] _matchLength;
    private readonly ICharTermAttribute _term;
    private readonly IOffsetAttribute _offset;
    private int _at;

    /// <param name="text">The text as stored (offsets refer to it).</param>
    /// <param name="terms">Folded query words; empty ones are ignored.</param>
    public TermMatchTokenStream(string text, IReadOnlyCollection<string> terms)
    {
        _text = text;
        _term = AddAttribute<ICharTermAttribute>();
        _offset = AddAttribute<IOffsetAttribute>();
        _matchLength = new int[text.Length];
        var folded = TextNormalizer.Fold(text);
        foreach (var term in terms)
        {
            if (term.Length == 0) continue;
            for (var at = folded.IndexOf(term, StringComparison.Ordinal); at >= 0; at = folded.IndexOf(term, at + 1, StringComparison.Ordinal))
                if (!InsideLatinOrNumber(folded, at, term.Length)) _matchLength[at] = Math.Max(_matchLength[at], term.Length);
        }
    }

    /// <summary>Whether a match of a word that begins or ends with a Latin letter or digit continues a longer one there:
    /// 1 of T+1 is no match in 2019 or 10.5, nor app in apply. Han words are marked inside longer words.</summary>
    private static bool InsideLatinOrNumber(string folded, int at, int length) =>
        Joined(folded, at - 1, at) || Joined(folded, at + length - 1, at + length);

    /// <summary>Whether the characters at <paramref name="left"/> and <paramref name="right"/> (adjacent) are of one Latin
    /// word or number, a decimal point between digits included.</summary>
    private static bool Joined(string folded, int left, int right)
    {
        if (left < 0 || right >= folded.Length) return false;
        if (char.IsAsciiLetterOrDigit(folded[left]) && char.IsAsciiLetterOrDigit(folded[right])) return true;
        return (folded[left] == '.' && char.IsAsciiDigit(folded[right]) && left > 0 && char.IsAsciiDigit(folded[left - 1]))
            || (folded[right] == '.' && char.IsAsciiDigit(folded[left]) && right + 1 < folded.Length && char.IsAsciiDigit(folded[right + 1]));
    }

    public override bool IncrementToken()
    {
        if (_at >= _text.Length) return false;
        ClearAttributes();
        var start = _at;
        var length = _matchLength[start];
        if (length > 0)
        {
            // A match: its folded form is the query word the scorer knows.
            _term.SetEmpty().Append(TextNormalizer.Fold(_text.Substring(start, length)));
        }
        else
        {
            length = 1;
            while (length < FillerLength && start + length < _text.Length && _matchLength[start + length] == 0) length++;
            _term.SetEmpty().Append('\u0000');
        }

        _offset.SetOffset(start, start + length);
        _at = start + length;
        return true;
    }

    public override void Reset()
    {
        base.Reset();
        _at = 0;
    }

    public override void End()
    {
        base.End();
        _offset.SetOffset(_text.Length, _text.Length);
    }
}
