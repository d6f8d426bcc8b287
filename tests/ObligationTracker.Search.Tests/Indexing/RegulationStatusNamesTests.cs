using ObligationTracker.Search.Indexing;

namespace ObligationTracker.Search.Tests.Indexing;

public class RegulationStatusNamesTests
{
    [Fact]
    public void Of_EveryStatusName_GivesThatStatusBack()
    {
        foreach (var status in Enum.GetValues<RegulationStatus>())
            Assert.Equal(status, RegulationStatusNames.Of(RegulationStatusNames.Name(status)));
    }

    [Theory]
    [InlineData("in-force", RegulationStatus.InForce)] // the names the CLI's --status and the web filter accept
    [InlineData("not-yet-effective", RegulationStatus.NotYetEffective)]
    [InlineData("repealed", RegulationStatus.Repealed)]
    public void Of_DocumentedName_IsItsStatus(string name, RegulationStatus status)
    {
        Assert.Equal(status, RegulationStatusNames.Of(name));
    }

    [Theory]
    [InlineData("old")]
    [InlineData("In-Force")] // names are matched as stored
    [InlineData("")]
    public void Of_UnknownName_IsNull(string name)
    {
        Assert.Null(RegulationStatusNames.Of(name));
    }

    [Fact]
    public void All_ListsEachStatusOnce()
    {
        Assert.Equal(Enum.GetValues<RegulationStatus>().Length, RegulationStatusNames.All.Distinct().Count());
    }
}
