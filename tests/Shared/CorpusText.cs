using System.Text;

namespace ObligationTracker;

/// <summary>A stand-in for the ingest readers' normalisation of .md files, for tests and tools only: one paragraph per
/// line, lines trimmed, empty lines dropped, leading Markdown '#' markers stripped, spaces between CJK characters removed.</summary>
internal static class CorpusText
{
    public static string ReadNormalised(string path) => Normalise(File.ReadAllText(path));

    public static string Normalise(string raw)
    {
        var sb = new StringBuilder(raw.Length);
        foreach (var rawLine in raw.Split('\n'))
        {
            var line = rawLine.Trim().TrimStart('#').Trim();
            if (line.Length == 0) continue;
            if (sb.Length > 0) sb.Append('\n');
            AppendWithoutCjkSpaces(sb, line);
        }

        return sb.ToString();
    }

    private static void AppendWithoutCjkSpaces(StringBuilder sb, string line)
    {
        for (var i = 0; i < line.Length; i++)
        {
            var c = line[i];
            if (c is ' ' or '\u3000' or '\t' or '\u00a0')
            {
                var j = i;
                while (j < line.Length && line[j] is ' ' or '\u3000' or '\t' or '\u00a0') j++;
                var before = sb.Length > 0 ? sb[^1] : '\n';
                var after = j < line.Length ? line[j] : '\n';
                if ((IsCjk(before) && (IsCjk(after) || char.IsAsciiDigit(after))) || (char.IsAsciiDigit(before) && IsCjk(after)))
                {
                    i = j - 1;
                    continue;
                }

                sb.Append(' ');
                i = j - 1;
                continue;
            }

            sb.Append(c);
        }
    }

    private static bool IsCjk(char c) => c is >= '\u4e00' and <= '\u9fff' or >= '\u3000' and <= '\u303f' or >= '\uff00' and <= '\uffef';
}
