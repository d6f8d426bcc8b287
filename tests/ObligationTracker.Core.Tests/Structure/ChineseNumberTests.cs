using Xunit;
using ObligationTracker.Core.Structure;

namespace ObligationTracker.Core.Tests.Structure;

public class ChineseNumberTests
{
    [Theory]
    [InlineData("一", 1)]
    [InlineData("十", 10)]
    [InlineData("十五", 15)]
    [InlineData("二十", 20)]
    [InlineData("两", 2)]
    [InlineData("廿三", 23)]
    [InlineData("卅", 30)]
    [InlineData("一百", 100)]
    [InlineData("一百一十", 110)]
    [InlineData("一百零五", 105)]
    [InlineData("一百九十九", 199)]
    [InlineData("二百", 200)]
    [InlineData("两千零二十四", 2024)]
    [InlineData("三万五千", 35000)]
    [InlineData("二〇二四", 2024)]
    [InlineData("一九九七", 1997)]
    [InlineData("二○一二", 2012)]
    [InlineData("12", 12)]
    [InlineData("１２", 12)]
    [InlineData("零", 0)]
    public void Parse_Numeral_GivesItsValue(string numeral, int expected) => Assert.Equal(expected, ChineseNumber.Parse(numeral));

    [Theory]
    [InlineData("")]
    [InlineData("条")]
    [InlineData("十条")]
    [InlineData("三廿")]
    [InlineData("万")]
    public void Parse_NotANumeral_GivesNull(string text) => Assert.Null(ChineseNumber.Parse(text));
}
