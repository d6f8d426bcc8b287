using ObligationTracker.Core.Structure;
using ObligationTracker.Core.Institutions;
using ObligationTracker.Core.Mining;
using ObligationTracker.Core.Register;
using Xunit;

namespace ObligationTracker.Core.Tests.Register;

public sealed class RegulationScopeTests
{
    [Fact]
    public void Of_RegulationStatingItsScope_UsesTheStatedTypes()
    {
        var regulation = new RegulationParser().Parse("a.md", "第一条 本办法适用于信托公司和金融租赁公司。\n第二条 金融机构应当妥善保存客户资料。");
        var obligations = ObligationExtractor.Default.Extract(regulation);

        var scope = RegulationScope.Of(regulation, obligations, InstitutionTaxonomy.Default);

        Assert.True(scope.Declared);
        Assert.Equal(["信托公司", "金融租赁公司"], scope.Types.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Of_RegulationWithoutScopeArticle_InfersItFromTheAddressees()
    {
        var regulation = new RegulationParser().Parse("b.md", "第一条 商业银行应当建立内部控制制度。\n第二条 监管机构应当加强监督检查。");
        var obligations = ObligationExtractor.Default.Extract(regulation);

        var scope = RegulationScope.Of(regulation, obligations, InstitutionTaxonomy.Default);

        Assert.False(scope.Declared);
        Assert.Equal(["商业银行"], scope.Types);
    }
}
