namespace ObligationTracker.Search.Tests.Relevance;

/// <summary>One line of a relevance set: KIND TAB QUERY TAB file#article[:grade],... (grade 2 unless given).</summary>
internal sealed record RelevanceLine(int LineNumber, string Kind, string Query, IReadOnlyList<(string File, int Article, int Grade)> Relevant);

/// <summary>Reads corpora/relevance/*.tsv the way the relevance tool does ('#' lines and blank lines skipped).</summary>
internal static class KnownItemSet
{
    public static readonly string[] Kinds = ["keyword", "question", "paraphrase", "docnum", "phrase"];

    /// <summary>Parses every line; a line that does not parse is returned as an error message instead.</summary>
    public static (List<RelevanceLine> Lines, List<string> Errors) Load(string path)
    {
        var lines = new List<RelevanceLine>();
        var errors = new List<string>();
        var number = 0;
        foreach (var raw in File.ReadLines(path))
        {
            number++;
            var line = raw.TrimEnd('\r');
            if (line.Length == 0 || line.StartsWith('#')) continue;
            var cells = line.Split('\t');
            if (cells.Length != 3 || cells[1].Trim().Length == 0)
            {
                errors.Add($"line {number}: expected KIND<TAB>QUERY<TAB>RELEVANT");
                continue;
            }

            var relevant = new List<(string, int, int)>();
            foreach (var item in cells[2].Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
            {
                var parts = item.Split(':');
                var target = parts[0].Split('#');
                var grade = 2;
                if (parts.Length > 2 || target.Length != 2 || !target[0].EndsWith(".md", StringComparison.Ordinal)
                    || !int.TryParse(target[1], out var article) || article < 1
                    || (parts.Length == 2 && !int.TryParse(parts[1], out grade)) || grade is < 1 or > 2)
                {
                    errors.Add($"line {number}: '{item}' is not file.md#ARTICLE[:1|:2]");
                    continue;
                }

                relevant.Add((target[0], article, grade));
            }

            if (relevant.Count == 0) errors.Add($"line {number}: no relevant article");
            else lines.Add(new RelevanceLine(number, cells[0].Trim(), cells[1].Trim(), relevant));
        }

        return (lines, errors);
    }
}
