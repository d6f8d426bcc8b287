using Xunit;
using ObligationTracker.Core.Structure;

namespace ObligationTracker.Core.Tests.Structure;

public class DocumentNumberTests
{
    [Theory]
    [InlineData("金规〔2024〕24号", "金规〔2024〕24号")]
    [InlineData("银保监发[2021]14号", "银保监发〔2021〕14号")]
    [InlineData("银发（2021）198号", "银发〔2021〕198号")]
    [InlineData("银发(2021)198号", "银发〔2021〕198号")]
    [InlineData("银发【2021】198号", "银发〔2021〕198号")]
    [InlineData("国家金融监督管理总局令2024年第7号", "国家金融监督管理总局令2024年第7号")]
    [InlineData("中国人民银行令〔2021〕第3号", "中国人民银行令〔2021〕第3号")]
    [InlineData("中国人民银行 国家金融监督管理总局令[2025]第2号", "中国人民银行 国家金融监督管理总局令〔2025〕第2号")]
    [InlineData("中国人民银行公告（2013）第 20 号", "中国人民银行公告〔2013〕第20号")]
    [InlineData("2015年2月17日 中华人民共和国国务院令第660号公布", "中华人民共和国国务院令第660号")]
    [InlineData("中华人民共和国主席令第九十一号", "中华人民共和国主席令第九十一号")]
    public void Find_NumberInAnyBracketStyle_GivesItNormalised(string line, string expected) =>
        Assert.Equal(expected, DocumentNumber.Find(line));

    [Theory]
    [InlineData("本办法自公布之日起施行。")]
    [InlineData("第三条 本办法所称机构，是指银行。")]
    public void Find_LineWithoutNumber_GivesNull(string line) => Assert.Null(DocumentNumber.Find(line));
}
