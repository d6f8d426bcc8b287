namespace ObligationTracker.Tools;

/// <summary>corpora/relevance/queries.tsv: KIND TAB QUERY TAB file#article[:grade],... (grade 2 unless given; # comments).</summary>
internal sealed record RelevanceQuery(string Kind, string Query, IReadOnlyDictionary<string, int> Relevant)
{
    public static List<RelevanceQuery> Load(string path)
    {
        var list = new List<RelevanceQuery>();
        foreach (var raw in File.ReadLines(path))
        {
            var line = raw.TrimEnd('\r');
            if (line.Length == 0 || line.StartsWith('#')) continue;
            var cells = line.Split('\t');
            if (cells.Length < 3) throw new FormatException($"{path}: expected KIND<TAB>QUERY<TAB>RELEVANT, found '{line}'.");
            var relevant = new Dictionary<string, int>(StringComparer.Ordinal);
            foreach (var item in cells[2].Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
            {
                var parts = item.Split(':');
                relevant[parts[0]] = parts.Length > 1 ? int.Parse(parts[1]) : 2;
            }

            list.Add(new RelevanceQuery(cells[0].Trim(), cells[1].Trim(), relevant));
        }

        return list;
    }

    /// <summary>Recall@k, reciprocal rank of the first relevant hit within k, and nDCG@k with graded gains.</summary>
    public (double Recall, double ReciprocalRank, double Ndcg) Score(IReadOnlyList<string> ranked, int k = 10)
    {
        var top = ranked.Take(k).ToList();
        // An attachment's article can carry the number of a body article (file#3 twice): each judged article counts once.
        var found = top.Where(Relevant.ContainsKey).Distinct(StringComparer.Ordinal).Count();
        var first = top.FindIndex(Relevant.ContainsKey);
        double dcg = 0;
        var credited = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < top.Count; i++)
            if (Relevant.TryGetValue(top[i], out var grade) && credited.Add(top[i])) dcg += (Math.Pow(2, grade) - 1) / Math.Log2(i + 2);
        var ideal = Relevant.Values.OrderByDescending(g => g).Take(k).Select((g, i) => (Math.Pow(2, g) - 1) / Math.Log2(i + 2)).Sum();
        return ((double)found / Math.Min(Relevant.Count, k), first < 0 ? 0 : 1.0 / (first + 1), ideal == 0 ? 0 : dcg / ideal);
    }
}
