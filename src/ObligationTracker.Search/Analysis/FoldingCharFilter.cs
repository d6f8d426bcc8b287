using Lucene.Net.Analysis;

namespace ObligationTracker.Search.Analysis;

/// <summary>Applies <see cref="TextNormalizer"/> as text is read; one character for one, so offsets need no correction.</summary>
internal sealed class FoldingCharFilter(TextReader input) : CharFilter(input)
{
    public override int Read(char[] buffer, int index, int count)
    {
        var read = m_input.Read(buffer, index, count);
        if (read > 0) TextNormalizer.Fold(buffer.AsSpan(index, read));
        return read;
    }

    protected override int Correct(int currentOff) => currentOff;
}
