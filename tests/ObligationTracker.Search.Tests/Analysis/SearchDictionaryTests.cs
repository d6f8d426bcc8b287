using System.Collections.Frozen;
using ObligationTracker.Search.Analysis;

namespace ObligationTracker.Search.Tests.Analysis;

public class SearchDictionaryTests
{
    private static readonly FrozenSet<string> Stop = new[] { "的", "了" }.ToFrozenSet();

    [Fact]
    public void Fingerprint_ANewTermOfArt_Changes()
    {
        var before = SearchDictionary.Fingerprint(new[] { "监管评级", "风险分类" }.ToFrozenSet(), Stop);
        var after = SearchDictionary.Fingerprint(new[] { "监管评级", "风险分类", "客户身份资料" }.ToFrozenSet(), Stop);

        Assert.NotEqual(before, after);
    }

    [Fact]
    public void Fingerprint_SameWordsInAnotherOrder_Stays()
    {
        var one = SearchDictionary.Fingerprint(new[] { "监管评级", "风险分类" }.ToFrozenSet(), Stop);
        var other = SearchDictionary.Fingerprint(new[] { "风险分类", "监管评级" }.ToFrozenSet(), new[] { "了", "的" }.ToFrozenSet());

        Assert.Equal(one, other);
    }

    [Fact]
    public void Fingerprint_AWordMovedFromTermsToStopWords_Changes()
    {
        var asTerm = SearchDictionary.Fingerprint(new[] { "监管评级", "相关" }.ToFrozenSet(), Stop);
        var asStop = SearchDictionary.Fingerprint(new[] { "监管评级" }.ToFrozenSet(), new[] { "的", "了", "相关" }.ToFrozenSet());

        Assert.NotEqual(asTerm, asStop);
    }

    [Theory]
    [InlineData("城商行", "城市商业银行")] // an alias finds the type's name
    [InlineData("理财公司", "理财子公司")] // and the name finds its aliases, as rules of another period name it
    [InlineData("保险公司", "保险人")] // the insurance law's word
    public void Synonyms_InstitutionTypeAndItsAliases_FindEachOther(string typed, string found)
    {
        var synonyms = ChineseSegmenter.Instance.Dictionary.Synonyms;

        Assert.Contains(found, synonyms[typed]);
    }

    [Fact]
    public void ReadDomainRules_LeftSides_AreNotRepeated()
    {
        var repeated = SearchDictionary.ReadDomainRules()
            .GroupBy(r => TextNormalizer.Fold(r.From), StringComparer.Ordinal)
            .Where(g => g.Count() > 1)
            .Select(g => string.Join(" / ", g.Select(r => r.From)))
            .ToList();

        Assert.Empty(repeated);
    }
}
