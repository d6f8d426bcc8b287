namespace ObligationTracker.Search.Analysis;

/// <summary>The tokens <see cref="BigramAnalyzer"/> makes of a folded text, computed directly for the texts regulations
/// are made of: Han characters, ASCII letters and digits, spaces and punctuation.</summary>
/// <remarks>
/// BigramAnalyzer's StandardTokenizer makes each Han character a token and each run of letters and digits a word (UAX #29),
/// and CJKBigramFilter pairs adjacent Han characters (a lone one stays a unigram). Here: overlapping pairs of each run of
/// Han characters, and the runs of ASCII letters and digits as words, joined as UAX #29 joins them (3.5, 1,000, a.b).
/// A text with any other character (kana, hangul, rarer Han, other scripts, apostrophes) is left to the analyzer.
/// A test compares the two over every article of the corpus; the index and the queries must agree token for token.
/// </remarks>
internal static class HanBigrams
{
    /// <summary>Longest word StandardTokenizer emits whole (BigramAnalyzer's MaxTokenLength); a longer run goes to the analyzer.</summary>
    private const int MaximumWord = 255;

    /// <summary>Adds the tokens of <paramref name="folded"/> and returns true, or returns false (adding nothing) where the
    /// text holds a character this does not cover.</summary>
    public static bool TryTokenize(string folded, List<SegmentToken> into)
    {
        foreach (var c in folded)
            if (!IsCovered(c)) return false;

        var first = into.Count;
        for (var i = 0; i < folded.Length;)
        {
            var c = folded[i];
            if (IsHan(c))
            {
                var end = i + 1;
                while (end < folded.Length && IsHan(folded[end])) end++;
                if (end - i == 1) into.Add(new SegmentToken(i, end, 1));
                for (var j = i; j + 1 < end; j++) into.Add(new SegmentToken(j, j + 2, 1));
                i = end;
            }
            else if (char.IsAsciiLetterOrDigit(c))
            {
                var end = WordEnd(folded, i);
                if (end - i > MaximumWord)
                {
                    into.RemoveRange(first, into.Count - first);
                    return false;
                }

                into.Add(new SegmentToken(i, end, 1));
                i = end;
            }
            else
            {
                i++;
            }
        }

        return true;
    }

    /// <summary>End of the UAX #29 word of letters and digits starting at <paramref name="start"/>: letters and digits
    /// join (a1), "." joins two letters or two digits, ":" two letters, "," and ";" two digits.</summary>
    private static int WordEnd(string text, int start)
    {
        var i = start + 1;
        while (i < text.Length)
        {
            var c = text[i];
            if (char.IsAsciiLetterOrDigit(c))
            {
                i++;
                continue;
            }

            if (i + 1 < text.Length && Joins(text[i - 1], c, text[i + 1]))
            {
                i += 2;
                continue;
            }

            break;
        }

        return i;
    }

    private static bool Joins(char before, char middle, char after) => middle switch
    {
        '.' => (char.IsAsciiLetter(before) && char.IsAsciiLetter(after)) || (char.IsAsciiDigit(before) && char.IsAsciiDigit(after)),
        ':' => char.IsAsciiLetter(before) && char.IsAsciiLetter(after),
        ',' or ';' => char.IsAsciiDigit(before) && char.IsAsciiDigit(after),
        _ => false,
    };

    /// <summary>Han characters of Unicode 6.1's main block, which StandardTokenizer (Unicode 6.3 data) knows: the range
    /// this tokenizer pairs.</summary>
    public static bool IsHan(char c) => c is >= '\u4E00' and <= '\u9FCC';

    /// <summary>Han, ASCII letters and digits, whitespace, and punctuation that only separates words. What may join
    /// words (apostrophes, ‘’, ·, _) or is rare (quotes, @, other scripts and symbols) takes the analyzer's way.</summary>
    private static bool IsCovered(char c) =>
        IsHan(c) || char.IsAsciiLetterOrDigit(c)
        || c is ' ' or '\t' or '\n' or '\r'
        || c is ',' or '.' or ';' or ':' or '!' or '?' or '(' or ')' or '[' or ']' or '{' or '}' or '<' or '>'
            or '-' or '+' or '/' or '%' or '#' or '&' or '*' or '=' or '~' or '|'
        || c is '、' or '。' or '“' or '”' or '《' or '》' or '〈' or '〉' or '【' or '】' or '〔' or '〕' or '「' or '」'
            or '『' or '』' or '…' or '—';
}
