using Lucene.Net.Analysis;
using Lucene.Net.Analysis.TokenAttributes;

namespace ObligationTracker.Search.Analysis;

/// <summary>A Lucene tokenizer over jieba's search-mode segmentation of the folded text, with offsets into the original.</summary>
internal sealed class JiebaTokenizer : Tokenizer
{
    private readonly ChineseSegmenter _segmenter;
    private readonly ICharTermAttribute _term;
    private readonly IOffsetAttribute _offset;
    private readonly IPositionIncrementAttribute _position;
    private readonly List<SegmentToken> _tokens = [];
    private int _next;
    private int _length;
    private string _folded = "";

    public JiebaTokenizer(TextReader input, ChineseSegmenter segmenter)
        : base(input)
    {
        _segmenter = segmenter;
        _term = AddAttribute<ICharTermAttribute>();
        _offset = AddAttribute<IOffsetAttribute>();
        _position = AddAttribute<IPositionIncrementAttribute>();
    }

    public override bool IncrementToken()
    {
        if (_next >= _tokens.Count) return false;
        ClearAttributes();
        var token = _tokens[_next++];
        _term.SetEmpty().Append(_folded, token.Start, token.End - token.Start);
        _offset.SetOffset(CorrectOffset(token.Start), CorrectOffset(token.End));
        _position.PositionIncrement = token.PositionIncrement;
        return true;
    }

    public override void Reset()
    {
        base.Reset();
        var text = m_input.ReadToEnd();
        _length = text.Length;
        _tokens.Clear();
        _next = 0;
        _folded = TextNormalizer.Fold(text);
        _segmenter.Tokenize(_folded, _tokens);
    }

    public override void End()
    {
        base.End();
        var final = CorrectOffset(_length);
        _offset.SetOffset(final, final);
    }
}
