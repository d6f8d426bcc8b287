using ObligationTracker.Core.Mining;
using ObligationTracker.Core.Mining.Deadlines;
using Xunit;

namespace ObligationTracker.Core.Tests.Mining;

public class ObligationExtractorTests
{
    // A made-up regulation: scope, a collective term, organs, the regulator, other parties, reference-only types.
    private const string Sample = """
        示例机构管理办法
        第一章 总则
        第一条 为规范示例业务，制定本办法。
        第二条 本办法适用于信托公司、金融租赁公司等机构（以下统称示例机构）。
        其他非银行金融机构参照本办法执行。
        第三条 本办法所称客户资料，是指示例机构应当保存的资料。
        第四条 示例机构应当建立内部控制制度。示例机构董事会对内部控制承担最终责任。
        第五条 示例机构应当设立首席合规官。首席合规官应当每年向董事会报告一次。
        第六条 示例机构应当履行下列职责：
        （一）制定管理制度；
        （二）不得挪用客户资金。
        第七条 客户资料应当妥善保存。任何单位和个人不得非法获取客户资料。
        第八条 国家金融监督管理总局及其派出机构应当定期开展检查，可以要求示例机构整改。
        第九条 示例机构发生重大风险事件的，应当自事件发生之日起5个工作日内报告，并依照本办法第四条处理。
        第十条 本办法自2030年1月1日起施行。
        """;

    private static readonly IReadOnlyList<Obligation> Obligations = TestText.Extract(Sample);

    private static Obligation Single(string textStart) => Assert.Single(Obligations, o => o.Text.StartsWith(textStart, StringComparison.Ordinal));

    [Fact]
    public void Extract_PurposeScopeDefinitionAndEntryIntoForce_GiveNoLines()
    {
        Assert.DoesNotContain(Obligations, o => o.Article is 1 or 2 or 3 or 10);
    }

    [Fact]
    public void Extract_CollectiveTerm_StandsForTheTypesItLists()
    {
        Assert.Equal(["信托公司", "金融租赁公司"], Single("示例机构应当建立内部控制").Addressees.Order());
    }

    [Fact]
    public void Extract_RoleStatementWithoutMarker_IsNotAProvision()
    {
        Assert.DoesNotContain(Obligations, o => o.Text.Contains("承担最终责任", StringComparison.Ordinal));
    }

    [Fact]
    public void Extract_Officer_StandsForItsInstitution()
    {
        var o = Single("首席合规官应当");

        Assert.Equal(["信托公司", "金融租赁公司"], o.Addressees.Order());
        Assert.Equal(Frequency.Annual, o.Deadline!.Frequency);
    }

    [Fact]
    public void Extract_LeadInAndItems_ItemWithItsOwnMarkerOnly()
    {
        var article6 = Obligations.Where(o => o.Article == 6).ToList();

        Assert.Equal(["示例机构应当履行下列职责：", "不得挪用客户资金。"], article6.Select(o => o.Text));
        Assert.Equal(Modality.Prohibition, article6[1].Modality);
        Assert.Equal(["信托公司", "金融租赁公司"], article6[1].Addressees.Order());
    }

    [Fact]
    public void Extract_ImpersonalUnit_FallsBackOnTheScope()
    {
        Assert.Equal(["信托公司", "金融租赁公司"], Single("客户资料应当妥善保存").Addressees.Order());
    }

    [Fact]
    public void Extract_AnyoneElse_IsOther()
    {
        Assert.Equal(["其他"], Single("任何单位和个人不得").Addressees);
    }

    [Fact]
    public void Extract_RegulatorsDuty_IsRegulatorWithVagueDeadline()
    {
        var o = Single("国家金融监督管理总局及其派出机构应当");

        Assert.Equal(["监管机构"], o.Addressees);
        Assert.Equal("定期", o.Deadline!.Phrase);
    }

    [Fact]
    public void Extract_EventDeadlineAndCrossReference_AreRecorded()
    {
        var o = Single("示例机构发生重大风险事件的");

        Assert.Equal((DeadlineKind.Event, "P5D", true), (o.Deadline!.Kind, o.Deadline.Offset, o.Deadline.WorkingDays));
        Assert.Equal([4], o.References);
    }

    [Fact]
    public void Extract_ReferenceOnlyTypes_AreFlaggedNotAddressed()
    {
        var o = Single("示例机构应当建立内部控制");

        Assert.Equal(["非银行金融机构"], o.ReferenceTypes);
        Assert.DoesNotContain("非银行金融机构", o.Addressees);
    }

    [Fact]
    public void Extract_TextAndOffset_MatchTheRegulationText()
    {
        var regulationText = Sample.Replace("\r\n", "\n", StringComparison.Ordinal);
        foreach (var o in Obligations)
            Assert.Equal(o.Text, regulationText.Substring(o.Start, o.Text.Length));
    }

    [Fact]
    public void Extract_NamesBeforeYiWai_AreExcludedNotTheSubject()
    {
        var obligations = TestText.Extract("""
            示例办法
            第一条 商业银行应当建立制度。
            第二条 商业银行、信托公司以外的其他机构应当加强管理。
            """);

        Assert.DoesNotContain("信托公司", obligations.Single(o => o.Article == 2).Addressees);
    }
}
