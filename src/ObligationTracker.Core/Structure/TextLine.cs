namespace ObligationTracker.Core.Structure;

/// <summary>One non-empty line of the normalised text: [Start, End) with surrounding white space excluded.</summary>
internal readonly record struct TextLine(int Number, int Start, int End)
{
    public int Length => End - Start;

    public ReadOnlySpan<char> In(string text) => text.AsSpan(Start, End - Start);

    public string Of(string text) => text.Substring(Start, End - Start);

    /// <summary>Splits on \n, trims each line (offsets stay exact) and drops empty ones; Number is the 1-based line number.</summary>
    public static List<TextLine> Split(string text)
    {
        var lines = new List<TextLine>(text.Length / 40 + 4);
        var number = 0;
        var start = 0;
        while (start <= text.Length)
        {
            var nl = text.IndexOf('\n', start);
            var end = nl < 0 ? text.Length : nl;
            number++;
            var s = start;
            var e = end;
            while (s < e && char.IsWhiteSpace(text[s])) s++;
            while (e > s && char.IsWhiteSpace(text[e - 1])) e--;
            if (e > s) lines.Add(new TextLine(number, s, e));
            if (nl < 0) break;
            start = nl + 1;
        }

        return lines;
    }
}
