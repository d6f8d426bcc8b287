using ObligationTracker.Core.Structure;

namespace ObligationTracker.Search.Tests;

/// <summary>Small regulations written for the tests (not taken from real texts).</summary>
internal static class Samples
{
    public static Regulation Make(
        string file,
        string title,
        string? number,
        string[] issuers,
        DateOnly? issued,
        params (int Number, string Text)[] articles) => Make(file, title, number, issuers, issued, null, articles);

    public static Regulation Make(
        string file,
        string title,
        string? number,
        string[] issuers,
        DateOnly? issued,
        string? chapter,
        params (int Number, string Text)[] articles)
    {
        var text = new System.Text.StringBuilder();
        var list = new List<Article>();
        foreach (var (n, body) in articles)
        {
            var heading = $"第{n}条";
            var start = text.Length;
            text.Append(heading).Append(' ').Append(body).Append('\n');
            list.Add(new Article(n, heading, chapter, null, [new Paragraph(body, start + heading.Length + 1, [])], new TextSpan(start, text.Length - start)));
        }

        return new Regulation(file, title, issuers, number, issued, issued, list, text.ToString(), null, []);
    }

    public static Regulation DataSecurity(params (int, string)[] extra) => Make(
        "sample_data_security.md", "银行保险机构数据安全办法", "金规〔2099〕7号", ["国家金融监督管理总局"], new DateOnly(2099, 3, 1),
        "第二章 数据安全治理",
        [
            (1, "银行保险机构应当建立数据分类分级制度，对重要数据实施重点保护。"),
            (2, "银行保险机构发生数据安全事件的，应当在二十四小时内向监管机构报告。"),
            (3, "向境外提供个人信息的，应当事前进行安全评估。"),
            .. extra,
        ]);

    public static Regulation Payments() => Make(
        "sample_payments.md", "非银行支付机构客户备付金存管规则", "银发〔2098〕12号", ["中国人民银行"], new DateOnly(2098, 6, 1),
        (1, "支付机构接收的客户备付金应当全额存放在备付金集中存管账户。"),
        (2, "支付机构开展跨境业务，向境外机构转移客户资金的，应当报告人民银行分支机构。"),
        (3, "支付机构不得强制捆绑销售其他服务，不得以任何形式挪用客户备付金。"),
        (4, "支付机构对于捆绑的服务，不得在未经同意时强制开通。"));

    public static Regulation Banking() => Make(
        "sample_banking.md", "商业银行监管评级办法", "中国银行业监督管理委员会令2097年第3号", ["中国银行业监督管理委员会"], new DateOnly(2097, 1, 15),
        (1, "监管机构每年对商业银行开展监管评级，评级结果作为市场准入的依据。"),
        (2, "商业银行的资本充足率不得低于监管要求，城商行应当按季度报送资本充足率报表。"),
        (3, "商业银行开展关联交易应当遵循公允原则，重大关联交易应当经董事会批准。"));
}
