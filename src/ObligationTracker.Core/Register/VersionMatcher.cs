namespace ObligationTracker.Core.Register;

/// <summary>
/// Matches the provisions (or articles) of two versions of a regulation, so that tracking follows an obligation
/// through a revision.
/// </summary>
/// <remarks>
/// Three passes, each greedy on the best similarity: identical text (same article first, so repeated boilerplate stays
/// in place), then same article with similar text (a reworded provision), then similar text anywhere (articles
/// renumbered by an inserted or deleted article). What is left is removed (old) or added (new).
/// </remarks>
public static class VersionMatcher
{
    /// <summary>Least similarity for a reworded provision under the same article number.</summary>
    public const double SameArticleThreshold = 0.5;

    /// <summary>Least similarity for a provision that moved to another article: stricter, since nothing else ties them.</summary>
    public const double MovedThreshold = 0.7;

    public static VersionMatch Match(IReadOnlyList<(int Article, string Text)> old, IReadOnlyList<(int Article, string Text)> @new)
    {
        var oldUsed = new bool[old.Count];
        var newUsed = new bool[@new.Count];
        var pairs = new List<VersionPair>();
        var oldNorm = old.Select(o => TextSimilarity.Normalise(o.Text)).ToArray();
        var newNorm = @new.Select(n => TextSimilarity.Normalise(n.Text)).ToArray();

        // 1. identical text: same article first, then anywhere.
        foreach (var sameArticle in new[] { true, false })
            for (var i = 0; i < old.Count; i++)
            {
                if (oldUsed[i]) continue;
                for (var j = 0; j < @new.Count; j++)
                {
                    if (newUsed[j] || oldNorm[i] != newNorm[j] || (sameArticle && old[i].Article != @new[j].Article)) continue;
                    Take(i, j, MatchKind.Unchanged, 1);
                    break;
                }
            }

        // 2. same article, similar text; 3. anywhere, more similar text.
        Greedy((i, j) => old[i].Article == @new[j].Article, SameArticleThreshold);
        Greedy((_, _) => true, MovedThreshold);

        return new VersionMatch(
            pairs.OrderBy(p => p.New).ToList(),
            Enumerable.Range(0, old.Count).Where(i => !oldUsed[i]).ToList(),
            Enumerable.Range(0, @new.Count).Where(j => !newUsed[j]).ToList());

        void Take(int i, int j, MatchKind kind, double similarity)
        {
            oldUsed[i] = true;
            newUsed[j] = true;
            pairs.Add(new VersionPair(i, j, kind, similarity));
        }

        void Greedy(Func<int, int, bool> eligible, double threshold)
        {
            var candidates = new List<(int I, int J, double S)>();
            for (var i = 0; i < old.Count; i++)
            {
                if (oldUsed[i]) continue;
                for (var j = 0; j < @new.Count; j++)
                {
                    if (newUsed[j] || !eligible(i, j)) continue;
                    var s = TextSimilarity.Dice(old[i].Text, @new[j].Text);
                    if (s >= threshold) candidates.Add((i, j, s));
                }
            }

            foreach (var (i, j, s) in candidates.OrderByDescending(c => c.S).ThenBy(c => c.I).ThenBy(c => c.J))
                if (!oldUsed[i] && !newUsed[j]) Take(i, j, MatchKind.Changed, s);
        }
    }
}
