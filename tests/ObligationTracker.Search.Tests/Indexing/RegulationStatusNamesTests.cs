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

    [Theory]
    [InlineData("In-Force", RegulationStatus.InForce)] // typed in any case
    [InlineData("IN_FORCE", RegulationStatus.InForce)] // '_' or a space for '-'
    [InlineData("not yet effective", RegulationStatus.NotYetEffective)]
    [InlineData("现行有效", RegulationStatus.InForce)] // the labels the pages show
    [InlineData("尚未施行", RegulationStatus.NotYetEffective)]
    [InlineData("已修订", RegulationStatus.Amended)]
    [InlineData("已废止", RegulationStatus.Repealed)]
    [InlineData("有效", RegulationStatus.InForce)] // the national laws database's words
    [InlineData("已修改", RegulationStatus.Amended)]
    [InlineData("尚未生效", RegulationStatus.NotYetEffective)]
    [InlineData("现行", RegulationStatus.InForce)] // as the regulation list prints it
    [InlineData("废止", RegulationStatus.Repealed)]
    public void Parse_NameInAnyCaseOrChinese_IsItsStatus(string typed, RegulationStatus status)
    {
        Assert.Equal(status, RegulationStatusNames.Parse(typed));
    }

    [Theory]
    [InlineData("old")]
    [InlineData("in-forced")]
    [InlineData("修")]
    [InlineData("")]
    public void Parse_AnythingElse_IsNull(string typed)
    {
        Assert.Null(RegulationStatusNames.Parse(typed));
    }

    [Fact]
    public void Label_OfEveryStatus_ParsesBackToIt()
    {
        foreach (var status in Enum.GetValues<RegulationStatus>()) Assert.Equal(status, RegulationStatusNames.Parse(RegulationStatusNames.Label(status)));
    }
}
