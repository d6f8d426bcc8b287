using Lucene.Net.Analysis;
using Lucene.Net.Analysis.TokenAttributes;
using Lucene.Net.Util;

namespace ObligationTracker.Search.Analysis;

/// <summary>One token, the whole value, as Lucene's StringField indexes it; reused for one value after another.</summary>
/// <param name="attributes">Attributes shared by the streams of one batch of documents (see <see cref="SegmentedTokenStream"/>).</param>
internal sealed class KeywordTokenStream(AttributeSource attributes) : TokenStream(attributes)
{
    private readonly ICharTermAttribute _term = attributes.AddAttribute<ICharTermAttribute>();
    private readonly IOffsetAttribute _offset = attributes.AddAttribute<IOffsetAttribute>();
    private string _value = "";
    private bool _used = true;

    /// <summary>The stream, to replay <paramref name="value"/> once reset.</summary>
    public KeywordTokenStream Of(string value)
    {
        _value = value;
        _used = true;
        return this;
    }

    public override bool IncrementToken()
    {
        if (_used) return false;
        ClearAttributes();
        _term.SetEmpty().Append(_value);
        _offset.SetOffset(0, _value.Length);
        _used = true;
        return true;
    }

    public override void Reset()
    {
        base.Reset();
        _used = false;
    }

    public override void End()
    {
        base.End();
        _offset.SetOffset(_value.Length, _value.Length);
    }
}
