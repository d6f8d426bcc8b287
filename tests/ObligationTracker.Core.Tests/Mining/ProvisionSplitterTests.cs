using ObligationTracker.Core.Mining.Rules;
using Xunit;

namespace ObligationTracker.Core.Tests.Mining;

public class ProvisionSplitterTests
{
    private static List<string> Texts(params string[] paragraphs) =>
        ProvisionSplitter.Split(TestText.Article(5, paragraphs)).Select(u => u.Text).ToList();

    [Fact]
    public void Split_TwoSentences_GivesTwoUnits()
    {
        Assert.Equal(["甲公司应当建立制度。", "甲公司不得挪用资金。"], Texts("甲公司应当建立制度。甲公司不得挪用资金。"));
    }

    [Fact]
    public void Split_Semicolon_CutsTheSentence()
    {
        Assert.Equal(["甲公司应当报告；", "乙公司应当配合。"], Texts("甲公司应当报告；乙公司应当配合。"));
    }

    [Fact]
    public void Split_StopInsideQuotation_IsNotACut()
    {
        Assert.Single(Texts("甲公司应当标明“本产品不保本。投资有风险”字样。"));
    }

    [Fact]
    public void Split_ItemsOnTheirOwnLines_LeadInAndItemsWithoutMarkers()
    {
        var units = ProvisionSplitter.Split(TestText.Article(5, "甲公司应当履行下列职责：", "（一）制定制度；", "（二）不得挪用资金。"));

        Assert.Equal(["甲公司应当履行下列职责：", "制定制度；", "不得挪用资金。"], units.Select(u => u.Text));
        Assert.True(units[0].IsLeadIn);
        Assert.Equal("（二）", units[2].ItemMarker);
    }

    [Fact]
    public void Split_ItemsRunningOnInOneParagraph_AreCutInSequence()
    {
        var texts = Texts("甲公司应当明确以下内容：（一）服务范围；（二）服务期限，不得少于一年。");

        Assert.Equal(["甲公司应当明确以下内容：", "服务范围；", "服务期限，不得少于一年。"], texts);
    }

    [Fact]
    public void Split_ParenthesisedNumberInsideASentence_IsNotAnItem()
    {
        Assert.Single(Texts("甲公司应当按照附表（二）填报。"));
    }

    [Fact]
    public void Split_UnitStart_PointsIntoTheRegulationText()
    {
        var article = TestText.Article(5, "前文。甲公司应当报告。");
        var units = ProvisionSplitter.Split(article);

        Assert.Equal(3, units[1].Start);
    }

    [Fact]
    public void Split_PointMarkerAtLineStart_IsDroppedFromTheText()
    {
        var units = ProvisionSplitter.Split(TestText.Article(0, "一、甲公司应当报告。", "二、乙公司不得挪用。"));

        Assert.Equal(["甲公司应当报告。", "乙公司不得挪用。"], units.Select(u => u.Text));
        Assert.Equal("二、", units[1].ItemMarker);
    }
}
