using Xunit;
using ObligationTracker.Core.Structure;

namespace ObligationTracker.Core.Tests.Structure;

public class ChineseDateTests
{
    [Theory]
    [InlineData("2025年3月1日", 2025, 3, 1)]
    [InlineData("2024年03月19日", 2024, 3, 19)]
    [InlineData("2018 年 11 月 30 日", 2018, 11, 30)]
    [InlineData("二〇二四年十二月二十七日", 2024, 12, 27)]
    [InlineData("二〇〇三年四月十日", 2003, 4, 10)]
    [InlineData("二○一二年十一月十七日", 2012, 11, 17)]
    public void ParseExact_DateLine_GivesTheDate(string line, int y, int m, int d) =>
        Assert.Equal(new DateOnly(y, m, d), ChineseDate.ParseExact(line));

    [Theory]
    [InlineData("2023年2月30日")]
    [InlineData("2024年13月1日")]
    [InlineData("本办法自2025年3月1日起施行。")]
    public void ParseExact_ImpossibleDateOrSentence_GivesNull(string line) => Assert.Null(ChineseDate.ParseExact(line));

    [Fact]
    public void FindAll_Sentence_GivesEachDateWithItsPosition()
    {
        const string text = "本规定自2025年3月1日起施行，2019年6月5日印发的通知同时废止。";
        var found = ChineseDate.FindAll(text).ToList();
        Assert.Equal([new DateOnly(2025, 3, 1), new DateOnly(2019, 6, 5)], found.Select(f => f.Date));
        Assert.Equal("2019年6月5日", text.Substring(found[1].Index, found[1].Length));
    }
}
