using System.Text;
using ObligationTracker.Core.Diagnostics;
using ObligationTracker.Core.Ingest;
using Xunit;

namespace ObligationTracker.Core.Tests.Ingest;

public class HtmlReaderTests
{
    private static ReadResult Read(string html, string name = "page.html") =>
        new DocumentReaders().Read(new MemoryStream(Encoding.UTF8.GetBytes(html)), name);

    private const string PageWithNavigation = """
        <!DOCTYPE html>
        <html><head><meta charset="utf-8"><title>某某管理办法_某某监管局网站</title>
        <style>.x { color: red }</style><script>var 统计 = "脚本里的中文";</script></head>
        <body>
          <header><a href="/">首页</a> 机构概况 新闻发布 政务信息 互动交流</header>
          <nav><ul><li><a href="/a">政策法规</a></li><li><a href="/b">监管动态</a></li><li><a href="/c">统计数据</a></li></ul></nav>
          <div class="breadcrumb">当前位置：首页 &gt; 政策法规</div>
          <h1>某某管理办法</h1>
          <div class="layout">
            <aside>热点专题：普惠金融宣传月活动正在进行中欢迎参与</aside>
            <div id="content">
              <p>第一条 为了规范某某业务，制定本办法。</p>
              <p>第二条 本办法适用于：<br>（一）商业银行；<br/>（二）理财公司。</p>
              <p>第三条 本办法自2025年1月1日起施行。</p>
            </div>
          </div>
          <footer>版权所有 某某监管局 网站标识码 备案号</footer>
        </body></html>
        """;

    [Fact]
    public void Read_PageWithNavigation_KeepsTitleAndArticleOnly()
    {
        var lines = Read(PageWithNavigation).Source!.Text.Split('\n');
        Assert.Equal(
            ["某某管理办法", "第一条为了规范某某业务，制定本办法。", "第二条本办法适用于：", "（一）商业银行；", "（二）理财公司。", "第三条本办法自2025年1月1日起施行。"],
            lines);
    }

    [Fact]
    public void Read_BrInsideParagraph_BreaksLine()
    {
        var text = Read("<html><body><p>甲<br>乙</p></body></html>").Source!.Text;
        Assert.Equal("甲\n乙", text);
    }

    [Fact]
    public void Read_TableRows_OneLinePerRow()
    {
        var text = Read("<html><body><table><tr><th>类型</th><th>期限</th></tr><tr><td>银行</td><td>10日</td></tr></table></body></html>").Source!.Text;
        Assert.Equal("类型|期限\n银行|10日", text);
    }

    [Theory]
    [InlineData("<html><head><title>只有标题</title></head></html>")]
    [InlineData("<html><head><title>t</title></head><body>  <script>var a = '脚本';</script> </body></html>")]
    [InlineData("<html><head><title>t</title></head><frameset><frame src=\"a.html\"></frameset></html>")]
    public void Read_HtmlWithoutBodyText_HtmlWithoutBody(string html)
    {
        var result = Read(html, "empty.html");
        Assert.Null(result.Source);
        var error = Assert.Single(result.Diagnostics);
        Assert.Equal(DiagnosticCodes.HtmlWithoutBody, error.Code);
        Assert.Equal("empty.html", error.File);
    }

    [Fact]
    public void Read_Gb2312DeclaredInMeta_Decoded()
    {
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        var html = "<html><head><meta http-equiv=\"Content-Type\" content=\"text/html; charset=gb2312\"></head><body><p>第一条 银行应当报告。</p></body></html>";
        var bytes = Encoding.GetEncoding("GB18030").GetBytes(html);
        var text = new DocumentReaders().Read(new MemoryStream(bytes), "gb.htm").Source!.Text;
        Assert.Equal("第一条银行应当报告。", text);
    }
}
