using ObligationTracker.Core.Institutions;
using ObligationTracker.Core.Mining.Addressees;
using ObligationTracker.Core.Mining.Rules;
using Xunit;

namespace ObligationTracker.Core.Tests.Mining;

public class DefinedTermsTests
{
    private static IReadOnlyDictionary<string, IReadOnlyList<string>> Find(params string[] paragraphs) =>
        DefinedTerms.Find([ProvisionSplitter.Split(TestText.Article(2, paragraphs))], PartyLexicon.Default, InstitutionTaxonomy.Default);

    [Fact]
    public void Find_SoCalledTermListingTypes_StandsForExactlyThoseTypes()
    {
        var terms = Find("本办法所称小微机构，是指依法设立的城市商业银行、村镇银行和消费金融公司。");

        Assert.Equal(["城市商业银行", "村镇银行", "消费金融公司"], terms["小微机构"].Order());
    }

    [Fact]
    public void Find_DefinitionEndingInOneType_TakesTheHeadNotTheTypesInsideTheRelativeClause()
    {
        var terms = Find("托管银行，是指与非银行支付机构签订协议，为其提供存管服务的商业银行。");

        Assert.Equal(["商业银行"], terms["托管银行"]);
    }

    [Fact]
    public void Find_LeadInWithItems_ReadsTheItemsAndDropsTheClosingUmbrella()
    {
        var terms = Find("销售机构包括：", "（一）发行本公司产品的理财公司；", "（二）受托代销的商业银行、村镇银行等吸收存款的银行业金融机构。");

        Assert.Equal(["商业银行", "村镇银行", "理财公司"], terms["销售机构"].Order());
    }

    [Fact]
    public void Find_TermThatIsATypeDefinedByItsParent_KeepsItsOwnMeaning()
    {
        var terms = Find("本办法所称理财公司，是指依法设立的从事理财业务的非银行金融机构。");

        Assert.False(terms.ContainsKey("理财公司"));
    }

    [Fact]
    public void Find_DefinedPersonOfNoListedType_IsOther()
    {
        var terms = Find("本办法所称申诉人，是指向监管部门提出申诉的信息主体。");

        Assert.Equal([InstitutionTaxonomy.Other], terms["申诉人"]);
    }

    [Fact]
    public void Find_CollectiveTerm_StandsForTheListBeforeIt()
    {
        var terms = Find("本办法适用于信托公司、金融租赁公司等机构（以下统称非银机构）。");

        Assert.Equal(["信托公司", "金融租赁公司"], terms["非银机构"].Order());
    }

    [Fact]
    public void Find_ActivityNotAParty_IsNotATerm()
    {
        var terms = Find("本办法所称数据处理，是指商业银行对数据的收集、存储和使用。");

        Assert.Empty(terms);
    }
}
