using ObligationTracker.Search.Analysis;

namespace ObligationTracker.Search.Tests.Analysis;

/// <summary>A synonym's targets must be words the regulations use: a target no regulation holds finds nothing, yet it
/// still becomes a word the segmenter keeps whole and a clause in every query that holds its source.</summary>
/// <remarks>Our rules only (corpora/dictionary/synonyms.txt). The taxonomy's aliases point at the register's names of
/// institution types (公募基金管理人, 农村中小银行机构), which are right for the register whether or not this corpus
/// spells them so.</remarks>
public class SynonymTargetsTests
{
    [Fact]
    public void SynonymTargets_EveryTarget_OccursInTheSharedCorpus()
    {
        var files = Directory.GetFiles(RepoPaths.SharedRegulations, "*.md");
        Assert.NotEmpty(files);
        // Folded as the index folds text (full-width Latin, upper case), so a target is found where the search finds it.
        var texts = files.Select(f => TextNormalizer.Fold(File.ReadAllText(f))).ToList();

        var rules = SearchDictionary.ReadDomainRules();
        Assert.True(rules.Count > 1000, $"only {rules.Count} rules read from synonyms.txt");
        var dead = rules
            .SelectMany(rule => rule.To.Select(target => (rule.From, Target: target)))
            .Where(rule => !texts.Any(text => text.Contains(TextNormalizer.Fold(rule.Target), StringComparison.Ordinal)))
            .Select(rule => $"{rule.From} → {rule.Target}")
            .ToList();

        Assert.True(dead.Count == 0, $"{dead.Count} synonym targets occur in no regulation: {string.Join("; ", dead)}");
    }

    [Fact]
    public void ReadDomainRules_EveryRule_IsAmongTheLoadedSynonyms()
    {
        var synonyms = ChineseSegmenter.Instance.Dictionary.Synonyms;

        var missing = SearchDictionary.ReadDomainRules()
            .SelectMany(rule => rule.To.Where(t => t != rule.From).Select(target => (rule.From, Target: target)))
            .Where(rule => !synonyms.TryGetValue(TextNormalizer.Fold(rule.From), out var targets) || !targets.Contains(rule.Target))
            .Select(rule => $"{rule.From} → {rule.Target}")
            .ToList();

        Assert.True(missing.Count == 0, $"rules read but not loaded: {string.Join("; ", missing)}");
    }
}
