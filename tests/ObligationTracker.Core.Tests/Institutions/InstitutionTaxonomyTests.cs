using Xunit;
using ObligationTracker.Core.Institutions;

namespace ObligationTracker.Core.Tests.Institutions;

public class InstitutionTaxonomyTests
{
    private static InstitutionTaxonomy Taxonomy => InstitutionTaxonomy.Default;

    [Fact]
    public void Ancestors_ConsumerFinanceCompany_ClimbsToFinancialInstitutionNearestFirst()
    {
        Assert.Equal(["非银行金融机构", "银行业金融机构", "银行保险机构", "金融机构"], Taxonomy.Ancestors("消费金融公司"));
    }

    [Fact]
    public void Ancestors_TwoParents_FollowsBothBranchesOnce()
    {
        var ancestors = Taxonomy.Ancestors("农村商业银行");

        Assert.Contains("商业银行", ancestors);
        Assert.Contains("农村中小银行机构", ancestors);
        Assert.Single(ancestors, a => a == "银行业金融机构");
    }

    [Fact]
    public void Ancestors_Root_IsEmpty()
    {
        Assert.Empty(Taxonomy.Ancestors("金融机构"));
    }

    [Fact]
    public void Descendants_InsuranceIntermediary_ListsTheThreeKinds()
    {
        Assert.Equal(["保险专业代理机构", "保险经纪机构", "保险公估机构"], Taxonomy.Descendants("保险中介机构"));
    }

    [Fact]
    public void Descendants_BankingInstitution_IncludesGrandchildrenButNotInsurers()
    {
        var descendants = Taxonomy.Descendants("银行业金融机构");

        Assert.Contains("城市商业银行", descendants);
        Assert.Contains("消费金融公司", descendants);
        Assert.DoesNotContain("保险公司", descendants);
    }

    [Theory]
    [InlineData("城商行", "城市商业银行")]
    [InlineData("银保监会", "监管机构")]
    [InlineData("财产险公司", "财产保险公司")]
    [InlineData("商业银行", "商业银行")]
    [InlineData(" 支付机构 ", "非银行支付机构")]
    public void Canonicalise_AliasOrName_GivesCanonicalName(string surface, string expected)
    {
        Assert.Equal(expected, Taxonomy.Canonicalise(surface));
    }

    [Fact]
    public void Canonicalise_UnknownName_IsNull()
    {
        Assert.Null(Taxonomy.Canonicalise("会计师事务所"));
    }

    [Fact]
    public void SurfaceForms_IncludeCanonicalNamesAndAliases()
    {
        Assert.Equal("农村信用社", Taxonomy.SurfaceForms["农信社"]);
        Assert.Equal("保险公司", Taxonomy.SurfaceForms["保险公司"]);
    }

    [Fact]
    public void IsA_LeafAndAncestor_TrueOnlyUpwards()
    {
        Assert.True(Taxonomy.IsA("村镇银行", "农村中小银行机构"));
        Assert.False(Taxonomy.IsA("银行业金融机构", "村镇银行"));
    }

    [Fact]
    public void Parse_UnknownParent_Throws()
    {
        Assert.Throws<FormatException>(() => InstitutionTaxonomy.Parse("甲\t乙\t\n"));
    }

    [Fact]
    public void Parse_Cycle_Throws()
    {
        Assert.Throws<FormatException>(() => InstitutionTaxonomy.Parse("甲\t乙\t\n乙\t甲\t\n"));
    }

    [Fact]
    public void Parse_AliasOfAnotherTypeEqualToCanonicalName_CanonicalNameWins()
    {
        var taxonomy = InstitutionTaxonomy.Parse("# comment\n甲\t\t乙\n乙\t甲\t\n");

        Assert.Equal("乙", taxonomy.Canonicalise("乙"));
    }

    [Fact]
    public void Default_HasTheSameTypesAndParentsAsTheSharedVocabulary()
    {
        var shared = InstitutionTaxonomy.Load(Path.Combine(RepoPaths.SharedEval, "institution-types.tsv"));

        Assert.Equal(shared.Types.Select(t => t.Name), Taxonomy.Types.Select(t => t.Name));
        foreach (var t in shared.Types)
        {
            Assert.Equal(t.Parents, Taxonomy.Find(t.Name)!.Parents);
            foreach (var alias in t.Aliases) Assert.Equal(t.Name, Taxonomy.Canonicalise(alias));
        }
    }
}
