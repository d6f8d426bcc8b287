using System.Buffers;

namespace ObligationTracker.Search.Analysis;

/// <summary>jieba's precise cut with its HMM (<c>JiebaSegmenter.Cut(text, cutAll: false, hmm: true)</c>): the most
/// probable path through the dictionary's words, and the HMM for runs of characters no word covers. Immutable.</summary>
/// <remarks>
/// The same algorithm, dictionary and model as jieba.NET, so the same words (a test compares the two over the real
/// corpus), but over a <see cref="WordTrie"/> and arrays: jieba.NET allocated a string for every candidate word at
/// every character and a dictionary per character in its HMM, and ran at a tenth of this speed, while segmentation
/// dominated indexing.
/// </remarks>
internal sealed class JiebaCut(WordTrie words, HanHmm hmm)
{
    /// <summary>Longest dictionary word reported inside a segmented run (see <see cref="Cut"/>'s lengths).</summary>
    public const int MaximumInnerWord = 6;

    public WordTrie Words { get; } = words;

    /// <summary>jieba's words of <paramref name="text"/> (precise mode with HMM), as the offset where each one ends.</summary>
    /// <remarks>As jieba: maximal runs of Han characters (U+4E00–U+9FD5), ASCII letters and digits and +#&amp;._%·- are
    /// segmented; any other character is a word by itself (jieba keeps "\r\n" together: neither is indexable).</remarks>
    /// <param name="lengths">Where given, bit n of lengths[i] is set for each dictionary word of n (2 to 6) characters
    /// at offset i inside a segmented run.</param>
    public void Cut(string text, List<int> ends, byte[]? lengths)
    {
        var route = ArrayPool<double>.Shared.Rent(text.Length + 1);
        var next = ArrayPool<int>.Shared.Rent(text.Length + 1);
        try
        {
            for (var i = 0; i < text.Length;)
            {
                if (!IsBlockChar(text[i]))
                {
                    i += text[i] == '\r' && i + 1 < text.Length && text[i + 1] == '\n' ? 2 : 1;
                    ends.Add(i);
                    continue;
                }

                var end = i + 1;
                while (end < text.Length && IsBlockChar(text[end])) end++;
                CutBlock(text, i, end, route, next, ends, lengths);
                i = end;
            }
        }
        finally
        {
            ArrayPool<double>.Shared.Return(route);
            ArrayPool<int>.Shared.Return(next);
        }
    }

    /// <summary>jieba's CutDag over text[start, end): the most probable path through the dictionary words, then the HMM
    /// for each run of single characters that is not itself a word.</summary>
    private void CutBlock(string text, int start, int end, double[] route, int[] next, List<int> ends, byte[]? lengths)
    {
        // Best route from each position to the end, right to left; ties go to the shorter word, as in jieba.
        route[end - start] = 0;
        for (var i = end - 1; i >= start; i--)
        {
            var best = double.MinValue;
            var bestEnd = -1;
            var node = Words.First(text[i]);
            for (var k = i; node != 0;)
            {
                if (WordTrie.IsWord(node))
                {
                    if (lengths is not null && k > i && k - i < MaximumInnerWord) lengths[i] |= (byte)(1 << (k - i + 1));
                    var score = Words.Weight(node) + route[k + 1 - start];
                    if (best < score)
                    {
                        best = score;
                        bestEnd = k;
                    }
                }

                if (++k >= end) break;
                node = Words.Next(node, text[k]);
            }

            if (bestEnd < 0)
            {
                best = Words.UnknownWeight + route[i + 1 - start];
                bestEnd = i;
            }

            route[i - start] = best;
            next[i - start] = bestEnd + 1;
        }

        var single = -1; // start of the pending run of one-character steps
        for (var i = start; i < end;)
        {
            var to = next[i - start];
            if (to - i == 1)
            {
                if (single < 0) single = i;
            }
            else
            {
                if (single >= 0) CutSingles(text, single, i, ends);
                single = -1;
                ends.Add(to);
            }

            i = to;
        }

        if (single >= 0) CutSingles(text, single, end, ends);
    }

    /// <summary>jieba's handling of a run of one-character steps: a known word is split into its characters, an
    /// unknown run goes to its FinalSeg: Han characters to the HMM, which may join them into new words, the rest split
    /// into numbers and Latin words.</summary>
    private void CutSingles(string text, int start, int end, List<int> ends)
    {
        if (end - start > 1 && !Words.Contains(text.AsSpan(start, end - start)))
        {
            for (var i = start; i < end;)
            {
                var han = HanHmm.IsHan(text[i]);
                var runEnd = i + 1;
                while (runEnd < end && HanHmm.IsHan(text[runEnd]) == han) runEnd++;
                if (han) hmm.Cut(text, i, runEnd, ends);
                else CutLatin(text, i, runEnd, ends);
                i = runEnd;
            }

            return;
        }

        for (var i = start + 1; i <= end; i++) ends.Add(i);
    }

    /// <summary>jieba's FinalSeg split of a run without Han characters (its RegexSkip): each [a-zA-Z0-9]+(\.\d+)?%? is
    /// a word, and so is each stretch between two of them.</summary>
    private static void CutLatin(string text, int start, int end, List<int> ends)
    {
        for (var i = start; i < end;)
        {
            if (!char.IsAsciiLetterOrDigit(text[i]))
            {
                while (i < end && !char.IsAsciiLetterOrDigit(text[i])) i++;
                ends.Add(i);
                continue;
            }

            while (i < end && char.IsAsciiLetterOrDigit(text[i])) i++;
            if (i + 1 < end && text[i] == '.' && char.IsAsciiDigit(text[i + 1]))
            {
                i += 2;
                while (i < end && char.IsAsciiDigit(text[i])) i++;
            }

            if (i < end && text[i] == '%') i++;
            ends.Add(i);
        }
    }

    /// <summary>jieba's RegexChineseDefault: [\u4E00-\u9FD5a-zA-Z0-9+#&amp;\._%·\-].</summary>
    private static bool IsBlockChar(char c) =>
        c is (>= '\u4E00' and <= '\u9FD5') or (>= 'a' and <= 'z') or (>= 'A' and <= 'Z') or (>= '0' and <= '9')
            or '+' or '#' or '&' or '.' or '_' or '%' or '·' or '-';
}
