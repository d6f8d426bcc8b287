using ObligationTracker.Core.Ingest;
using Xunit;

namespace ObligationTracker.Core.Tests.Ingest;

public class TextNormalizerTests
{
    [Fact]
    public void Normalize_KangxiRadicals_FoldToIdeographs()
    {
        // ⾦ U+2FA6, ⾏ U+2F8F, ⽼ U+2F7C as real NFRA PDFs carry them.
        Assert.Equal("金融机构银行养老", TextNormalizer.Normalize("\u2FA6融机构银\u2F8F养\u2F7C"));
    }

    [Fact]
    public void Normalize_CjkRadicalsSupplement_FoldToIdeographs()
    {
        // ⺠ U+2EA0, ⻓ U+2ED3, ⻘ U+2ED8, ⻉ U+2EC9: NFKC leaves these alone, Chrome-printed PDFs carry them.
        Assert.Equal("人民长期青岛贝莱德", TextNormalizer.Normalize("人\u2EA0\u2ED3期\u2ED8岛\u2EC9莱德"));
    }

    [Fact]
    public void Normalize_CompatibilityIdeographAndFullWidthAlphanumerics_FoldToCanonical()
    {
        // U+F9B2 is a compatibility form of 零 (U+96F6); ２０２４ and ＡＢ are full-width.
        Assert.Equal("\u96F62024AB", TextNormalizer.Normalize("\uF9B2２０２４ＡＢ"));
    }

    [Fact]
    public void Normalize_FullWidthCjkPunctuation_KeptAsWritten()
    {
        const string text = "（一）应当：报告；备案，公告。见〔2024〕【注】《办法》“数据”、其他！是否？";
        Assert.Equal(text, TextNormalizer.Normalize(text));
    }

    [Fact]
    public void Normalize_CircledItemNumbersAndEllipsis_KeptAsWritten()
    {
        Assert.Equal("①㈠⑴……", TextNormalizer.Normalize("①㈠⑴……"));
    }

    [Fact]
    public void Normalize_SpacesBetweenCjkCharactersAndDigits_Removed()
    {
        Assert.Equal("2018年第6号", TextNormalizer.Normalize("2018 年 第 6 号"));
        Assert.Equal("第一章总则", TextNormalizer.Normalize("第一章\u3000总\u00A0则"));
    }

    [Fact]
    public void Normalize_SpaceBetweenLatinWords_KeptAsOneSpace()
    {
        Assert.Equal("Basel III capital rules", TextNormalizer.Normalize("Basel   III\tcapital rules"));
        Assert.Equal("按照Basel III要求", TextNormalizer.Normalize("按照 Basel III 要求"));
    }

    [Fact]
    public void Normalize_Lines_TrimmedWithoutEmptyLinesJoinedByLineFeed()
    {
        Assert.Equal("第一条\n第二条", TextNormalizer.Normalize("  第一条  \r\n\r\n \u3000\n\t第二条\r\n\r\n"));
    }

    [Fact]
    public void Normalize_ZeroWidthCharactersAndBom_Removed()
    {
        Assert.Equal("金融监管", TextNormalizer.Normalize("\uFEFF金\u200B融\u00AD监管"));
    }

    [Fact]
    public void Normalize_Markdown_StripsHeadingMarkersOnly()
    {
        Assert.Equal("总则\n第一条#1", TextNormalizer.Normalize("## 总 则\n\n第一条 #1", markdown: true));
        Assert.Equal("#话题", TextNormalizer.Normalize("#话题", markdown: true));
        Assert.Equal("#标题", TextNormalizer.Normalize("# 标题", markdown: false));
    }

    [Fact]
    public void Normalize_SupplementaryPlaneIdeographs_NoSpaceKeptBeside()
    {
        // U+20BB7 𠮷 is outside the BMP (a surrogate pair in UTF-16).
        Assert.Equal("吉\U00020BB7祥", TextNormalizer.Normalize("吉 \U00020BB7 祥"));
    }
}
