using ObligationTracker.Core.Mining.Deadlines;
using Xunit;

namespace ObligationTracker.Core.Tests.Mining;

public class DeadlineParserTests
{
    private static string? Parse(string unit, string? marker = "应当")
    {
        var markerEnd = marker is null ? 0 : unit.IndexOf(marker, StringComparison.Ordinal) + marker.Length;
        return DeadlineParser.Default.Parse(unit, markerEnd)?.ToJson().ToJsonString();
    }

    [Theory]
    [InlineData("甲公司应当于2030年12月31日前完成整改。", """{"kind":"absolute","date":"2030-12-31"}""")]
    [InlineData("甲公司应当自本办法施行之日起六个月内完成整改。", """{"kind":"relative","anchor":"effective_date","offset":"P6M"}""")]
    [InlineData("甲公司应当每年4月30日前报送报告。", """{"kind":"recurring","frequency":"annual","due":"04-30"}""")]
    [InlineData("甲公司应当于每年 4 月 30 日前报送报告。", """{"kind":"recurring","frequency":"annual","due":"04-30"}""")]
    [InlineData("甲公司应当在每季度结束后15个工作日内报送报表。", """{"kind":"recurring","frequency":"quarterly","offset":"P15D","working_days":true}""")]
    [InlineData("甲公司应当于年度结束后四个月内披露年报。", """{"kind":"recurring","frequency":"annual","offset":"P4M"}""")]
    [InlineData("甲公司应当至少每三年开展一次审计。", """{"kind":"recurring","frequency":"every_n_years","years":3}""")]
    [InlineData("甲公司应当每2小时报告一次进展。", """{"kind":"recurring","frequency":"every_n_hours","hours":2}""")]
    [InlineData("甲公司应当按季度报送数据。", """{"kind":"recurring","frequency":"quarterly"}""")]
    [InlineData("甲公司应当定期审计，审计周期不超过六个月。", """{"kind":"recurring","frequency":"semiannual"}""")]
    public void Parse_PreciseLimit_GivesFormatObject(string unit, string expected)
    {
        Assert.Equal(expected, Parse(unit));
    }

    [Fact]
    public void Parse_EventWithWorkingDays_GivesEventAndOffset()
    {
        var d = DeadlineParser.Default.Parse("甲公司应当自收到申请材料之日起十五个工作日内作出决定。", 5)!;

        Assert.Equal((DeadlineKind.Event, "P15D", true, "收到申请材料"), (d.Kind, d.Offset, d.WorkingDays, d.Event));
    }

    [Fact]
    public void Parse_CountedBackFromEvent_IsBefore()
    {
        var d = DeadlineParser.Default.Parse("甲公司应当在合同签署前二十个工作日向监管部门报告。", 5)!;

        Assert.Equal((DeadlineKind.Event, "P20D", true, true), (d.Kind, d.Offset, d.WorkingDays, d.Before));
    }

    [Fact]
    public void Parse_OnTheDayOfEvent_IsZeroOffset()
    {
        Assert.Equal("P0D", DeadlineParser.Default.Parse("甲公司应当在账户开立当日备案。", 5)!.Offset);
    }

    [Fact]
    public void Parse_SpanAfterMarkerWithEventCondition_CountsFromTheEvent()
    {
        const string unit = "甲公司发生重大事件时，应当在两个工作日内报告。";
        var d = DeadlineParser.Default.Parse(unit, unit.IndexOf("应当", StringComparison.Ordinal) + 2)!;

        Assert.Equal((DeadlineKind.Event, "P2D"), (d.Kind, d.Offset));
    }

    [Fact]
    public void Parse_BareSpanForSomeoneElse_IsNoDeadline()
    {
        Assert.Null(Parse("甲公司应当告知申请人在10个工作日内补正材料。"));
    }

    [Theory]
    [InlineData("甲公司应当及时报告。", "及时")]
    [InlineData("甲公司应当立即停止处理。", "立即")]
    [InlineData("甲公司应当定期或者不定期开展测试，并及时采取措施。", "及时")]
    [InlineData("甲公司应当事先征得客户同意。", "事先")]
    public void Parse_VagueWord_GivesItsPhrase(string unit, string phrase)
    {
        Assert.Equal(phrase, DeadlineParser.Default.Parse(unit, unit.IndexOf("应当", StringComparison.Ordinal) + 2)!.Phrase);
    }

    [Theory]
    [InlineData("甲公司应当保存记录，保存期限不少于5年。")]
    [InlineData("甲公司二年内不得再次申请。")]
    [InlineData("甲公司应当确保数据准确、完整、及时。")]
    [InlineData("甲公司应当在签订合同前告知客户。")]
    [InlineData("甲公司应当对同一客户评估，年度累计不得超过八次。")]
    public void Parse_DurationOrOrderOnly_IsNull(string unit)
    {
        Assert.Null(Parse(unit));
    }

    [Fact]
    public void Parse_PreciseLimitAndVagueWord_PreciseWins()
    {
        Assert.Equal("recurring", DeadlineParser.Default.Parse("甲公司应当及时披露信息，至少每季度披露一次。", 5)!.ToJson()["kind"]!.GetValue<string>());
    }

    [Fact]
    public void Recurring_WithoutYears_IsRejected()
    {
        Assert.Throws<ArgumentException>(() => Deadline.Recurring(Frequency.EveryNYears));
    }

    [Fact]
    public void Relative_BadOffset_IsRejected()
    {
        Assert.Throws<ArgumentException>(() => Deadline.Relative(DeadlineAnchor.EffectiveDate, "six months"));
    }
}
