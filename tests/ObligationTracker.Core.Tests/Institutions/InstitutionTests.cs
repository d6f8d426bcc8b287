using ObligationTracker.Core.Institutions;
using Xunit;

namespace ObligationTracker.Core.Tests.Institutions;

public sealed class InstitutionTests
{
    [Fact]
    public void CreateInstitution_AliasAndCommaList_Canonicalised()
    {
        var (institution, errors) = Institution.Create("甲", ["城商行，农商行"], " 浙江 ", null, InstitutionTaxonomy.Default);
        Assert.Empty(errors);
        Assert.Equal(["城市商业银行", "农村商业银行"], institution!.Types);
        Assert.Equal("浙江", institution.Region);
    }
}
