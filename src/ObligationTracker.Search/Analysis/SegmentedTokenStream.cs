using Lucene.Net.Analysis;
using Lucene.Net.Analysis.TokenAttributes;
using Lucene.Net.Util;

namespace ObligationTracker.Search.Analysis;

/// <summary>Replays words segmented once, so a text is not segmented again for each field it feeds
/// (the lead sentence is a prefix of the article; the title is the same for every article of a regulation).</summary>
internal sealed class SegmentedTokenStream : TokenStream
{
    private readonly string _folded;
    private readonly IReadOnlyList<SegmentToken> _tokens;
    private readonly int _count;
    private readonly int _length;
    private readonly ICharTermAttribute _term;
    private readonly IOffsetAttribute _offset;
    private readonly IPositionIncrementAttribute _position;
    private int _next;

    /// <param name="attributes">Attributes shared by the streams of one batch of documents, which Lucene consumes one
    /// after the other on one thread: creating attributes per stream costs a lock in Lucene.Net.</param>
    /// <param name="folded">The folded text, whose characters are the tokens' terms (see <see cref="SegmentToken"/>).</param>
    /// <param name="count">Replay only the first <paramref name="count"/> tokens.</param>
    /// <param name="length">Length of the text the offsets refer to.</param>
    public SegmentedTokenStream(AttributeSource attributes, string folded, IReadOnlyList<SegmentToken> tokens, int count, int length)
        : base(attributes)
    {
        _folded = folded;
        _tokens = tokens;
        _count = count;
        _length = length;
        _term = AddAttribute<ICharTermAttribute>();
        _offset = AddAttribute<IOffsetAttribute>();
        _position = AddAttribute<IPositionIncrementAttribute>();
    }

    public override bool IncrementToken()
    {
        if (_next >= _count) return false;
        ClearAttributes();
        var token = _tokens[_next++];
        if (token.Term is { } term) _term.SetEmpty().Append(term);
        else _term.SetEmpty().Append(_folded, token.Start, token.End - token.Start);
        _offset.SetOffset(token.Start, token.End);
        _position.PositionIncrement = token.PositionIncrement;
        return true;
    }

    public override void Reset()
    {
        base.Reset();
        _next = 0;
    }

    public override void End()
    {
        base.End();
        _offset.SetOffset(_length, _length);
    }
}
