namespace ObligationTracker.Core.Mining.Evaluation;

/// <summary>A gold line and the system line matched to it.</summary>
public sealed record MatchedPair(ScoredLine Gold, ScoredLine System);

/// <summary>The outcome of scoring one document: the figures, the pairs and what stayed unmatched.</summary>
public sealed record DocumentEvaluation(
    string Doc,
    ObligationScores Scores,
    IReadOnlyList<MatchedPair> Pairs,
    IReadOnlyList<ScoredLine> MissedGold,
    IReadOnlyList<ScoredLine> SpuriousSystem);

/// <summary>Scores system lines against gold lines exactly as FORMAT.md's Scoring section defines.</summary>
/// <remarks>
/// Lines match when doc and article are equal and the texts match (<see cref="TextMatcher"/>). Each gold line matches at
/// most one system line and vice versa; the strongest candidate pairs are taken first (equal, then containment, then
/// shared characters), so one long system line cannot take a gold line that another system line matches exactly.
/// </remarks>
public static class ObligationEvaluator
{
    /// <summary>Scores every document that has gold lines; system lines of other documents are ignored.</summary>
    public static IReadOnlyList<DocumentEvaluation> Evaluate(IEnumerable<ScoredLine> gold, IEnumerable<ScoredLine> system)
    {
        var systemByDoc = system.GroupBy(s => s.Doc, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.ToList(), StringComparer.Ordinal);
        return gold.GroupBy(g => g.Doc, StringComparer.Ordinal)
            .OrderBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => EvaluateDocument(g.Key, g.ToList(), systemByDoc.GetValueOrDefault(g.Key) ?? []))
            .ToList();
    }

    public static DocumentEvaluation EvaluateDocument(string doc, IReadOnlyList<ScoredLine> gold, IReadOnlyList<ScoredLine> system)
    {
        var goldNorm = gold.Select(g => TextMatcher.Normalise(g.Text)).ToArray();
        var systemNorm = system.Select(s => TextMatcher.Normalise(s.Text)).ToArray();
        var candidates = new List<(double Strength, int Gold, int System)>();
        for (var g = 0; g < gold.Count; g++)
            for (var s = 0; s < system.Count; s++)
            {
                if (gold[g].Article != system[s].Article) continue;
                var strength = TextMatcher.Strength(goldNorm[g], systemNorm[s]);
                if (strength > 0) candidates.Add((strength, g, s));
            }

        var goldTaken = new bool[gold.Count];
        var systemTaken = new bool[system.Count];
        var pairs = new List<MatchedPair>();
        foreach (var (_, g, s) in candidates.OrderByDescending(c => c.Strength).ThenBy(c => c.Gold).ThenBy(c => c.System))
        {
            if (goldTaken[g] || systemTaken[s]) continue;
            goldTaken[g] = systemTaken[s] = true;
            pairs.Add(new MatchedPair(gold[g], system[s]));
        }

        var missed = gold.Where((_, i) => !goldTaken[i]).ToList();
        var spurious = system.Where((_, i) => !systemTaken[i]).ToList();
        return new DocumentEvaluation(doc, Score(pairs, missed.Count, spurious.Count), pairs, missed, spurious);
    }

    private static ObligationScores Score(IReadOnlyList<MatchedPair> pairs, int missed, int spurious)
    {
        int modalityCorrect = 0, addrTp = 0, addrFp = 0, addrFn = 0, dlTp = 0, dlFp = 0, dlFn = 0, kindCorrect = 0, exactCorrect = 0;
        foreach (var (gold, system) in pairs)
        {
            if (gold.Modality == system.Modality) modalityCorrect++;
            addrTp += system.Addressees.Count(gold.Addressees.Contains);
            addrFp += system.Addressees.Count(a => !gold.Addressees.Contains(a));
            addrFn += gold.Addressees.Count(a => !system.Addressees.Contains(a));
            switch (gold.Deadline is not null, system.Deadline is not null)
            {
                case (true, true):
                    dlTp++;
                    if (gold.DeadlineKind == system.DeadlineKind) kindCorrect++;
                    if (gold.DeadlineKey == system.DeadlineKey) exactCorrect++;
                    break;
                case (true, false): dlFn++; break;
                case (false, true): dlFp++; break;
            }
        }

        return new ObligationScores(
            new PrecisionRecall(pairs.Count, spurious, missed),
            new Accuracy(modalityCorrect, pairs.Count),
            new PrecisionRecall(addrTp, addrFp, addrFn),
            new PrecisionRecall(dlTp, dlFp, dlFn),
            new Accuracy(kindCorrect, dlTp),
            new Accuracy(exactCorrect, dlTp));
    }
}
