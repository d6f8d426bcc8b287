using ObligationTracker.Search.Indexing;

namespace ObligationTracker.Search.Tests.Indexing;

public class DocumentNumberKeysTests
{
    [Theory]
    [InlineData("金规〔2024〕24号", "金规[2024]24号")]
    [InlineData("金规〔2024〕24号", "金规（2024）24号")]
    [InlineData("金规〔2024〕24号", "金规 〔2024〕 24 号")]
    [InlineData("中国人民银行令〔2021〕第3号", "人民银行令2021年第3号")]
    [InlineData("国家金融监督管理总局令2024年第7号", "总局令〔2024〕7号")]
    [InlineData("中国人民银行 中国证监会令〔2025〕第7号", "证监会令〔2025〕第7号")]
    [InlineData("首次公布：中华人民共和国国务院令第107号", "国务院令第一百零七号")]
    [InlineData("中华人民共和国主席令第一一九号", "主席令第119号")]
    [InlineData("中华人民共和国国务院令第285号", "285号令")]
    [InlineData("首次公布：中华人民共和国国务院令第285号", "国务院令285号")] // 第 left out
    [InlineData("首次公布：中华人民共和国国务院令第629号", "第629号国务院令")] // the issuer after the number
    [InlineData("首次公布：中华人民共和国国务院令第336号", "336号国务院令")]
    [InlineData("中国人民银行 中国证监会令〔2022〕第1号", "2022年第1号人民银行令")] // the kind after the number, as people say it
    [InlineData("中国人民银行 中国证监会令〔2022〕第1号", "2022年第1号令")]
    [InlineData("中国人民银行公告〔2015〕第43号", "2015年第43号公告")]
    [InlineData("中国人民银行公告〔2015〕第43号", "人民银行2015年第43号公告")]
    [InlineData("银发〔2025〕205号", "银发2025年205号")] // the year written out, without 第
    [InlineData("中国人民银行令〔2009〕第2号", "人民银行令2009第2号")] // the year bare before 第
    [InlineData("银发〔1997〕393号", "银发1997 393号")] // brackets dropped, a space between year and serial
    [InlineData("银发〔2016〕29号", "银发2016-29号")]
    [InlineData("银发〔2023〕208号", "银发[2023]208")] // 号 left out
    [InlineData("金规〔2024〕24号", "金规〔2024〕24 数据安全")]
    [InlineData("银发〔2023〕208号", "2023年银发208号")] // the year first, then the prefix
    [InlineData("金规〔2024〕24号", "2024年金规第24号")]
    [InlineData("中国人民银行令〔2021〕第1号", "2021年人民银行令第1号")]
    [InlineData("中国人民银行公告〔2012〕第12号", "2012年人民银行公告第12号")]
    [InlineData("中华人民共和国国务院令第260号", "1998年国务院令第260号")] // an order numbered without a year
    [InlineData("首次公布：中华人民共和国国务院令第193号", "国务院令第193")] // an order without 号
    [InlineData("中华人民共和国国务院令第285号", "国务院令285 保险")]
    [InlineData("中国人民银行令〔2021〕第1号", "2021年人民银行第1号令")] // the year first and the kind after the number
    [InlineData("中国人民银行公告〔2020〕第6号", "2020年人民银行6号公告")]
    [InlineData("中国人民银行 国家市场监督管理总局令〔2024〕第3号", "2024年中国人民银行国家市场监督管理总局令第3号")] // two issuers, 17 characters
    public void Keys_SameNumberTypedDifferently_Match(string indexed, string typed)
    {
        var keys = DocumentNumberKeys.ForIndex(indexed);
        var found = Assert.Single(DocumentNumberKeys.Find(typed));
        Assert.Contains(found.Keys, k => keys.Contains(k.Key));
    }

    [Theory]
    [InlineData("金规〔2024〕24号", "金规〔2024〕25号")]
    [InlineData("金规〔2024〕24号", "银发〔2024〕24号")]
    [InlineData("中国人民银行公告〔2022〕第1号", "2022年第1号令")] // an announcement is not an order
    public void Keys_DifferentNumbers_DoNotMatchWithPrefix(string indexed, string typed)
    {
        var keys = DocumentNumberKeys.ForIndex(indexed);
        var found = Assert.Single(DocumentNumberKeys.Find(typed));
        Assert.DoesNotContain(found.Keys, k => keys.Contains(k.Key));
    }

    [Theory]
    [InlineData("依照第5号文件所称命令执行")]
    [InlineData("第3号风险提示令人担忧")]
    [InlineData("2024年第二批5号楼")]
    [InlineData("2023年收到的5号文件")]
    [InlineData("报告（2024）5个工作日内")]
    [InlineData("责令第3项整改")]
    public void Find_NumberFollowedByOrdinaryWords_FindsNoNumber(string text)
    {
        Assert.Empty(DocumentNumberKeys.Find(text));
    }

    [Theory]
    [InlineData("2024年第99999999999999号令")]
    [InlineData("金规〔2024〕000000000000000000024号")]
    [InlineData("国务院令第一一一一一一一一一一一一号")]
    public void Find_SerialTooLongForAnInteger_IsReadAsDigits(string typed)
    {
        var found = Assert.Single(DocumentNumberKeys.Find(typed));
        Assert.DoesNotContain(found.Serial, c => !char.IsAsciiDigit(c));
        Assert.False(found.Serial.StartsWith('0'));
    }

    [Fact]
    public void Keys_LeadingZerosInTheSerial_MatchTheNumber()
    {
        var keys = DocumentNumberKeys.ForIndex("金规〔2024〕24号");
        Assert.Contains(Assert.Single(DocumentNumberKeys.Find("金规〔2024〕024号")).Keys, k => keys.Contains(k.Key));
    }

    [Fact]
    public void Find_YearFirst_LeavesTheTopicBeforeIt()
    {
        const string query = "保险公司名单 2023年银发208号";
        var found = Assert.Single(DocumentNumberKeys.Find(query));
        Assert.Equal("2023年银发208号", query.Substring(found.Start, found.Length));
        Assert.Equal(0, found.Lead);
    }

    [Fact]
    public void Find_KindAfterTheNumber_TakesTheKindIntoTheNumber()
    {
        const string query = "2022年第1号令 客户尽职调查";
        var found = Assert.Single(DocumentNumberKeys.Find(query));
        Assert.Equal("2022年第1号令", query.Substring(found.Start, found.Length)); // 令 is not left behind as a word
    }

    [Fact]
    public void Find_NumberInsideTopicWords_ReportsWhereItStands()
    {
        const string query = "数据分类分级 金规〔2024〕24号 报告";
        var found = Assert.Single(DocumentNumberKeys.Find(query));
        Assert.Equal("金规〔2024〕24号", query.Substring(found.Start, found.Length));
    }

    /// <summary>Every bracketed number of the shared corpus, typed the ways people type it, finds its index key.</summary>
    [Fact]
    public void Find_EveryCorpusNumberInTheFormsPeopleType_FindsItsKey()
    {
        var numbers = RegulationManifest.Read(Path.Combine(RepoPaths.SharedRegulations, "MANIFEST.tsv"))
            .Select(r => r.DocumentNumber).OfType<string>().ToList();
        var missed = new List<string>();
        var tried = 0;
        foreach (var number in numbers)
        {
            var parts = System.Text.RegularExpressions.Regex.Match(number, @"^(.*?)\s*[〔\[（(]\s*(\d{4})\s*[〕\]）)]\s*第?\s*(\d+)\s*号");
            if (!parts.Success) continue; // orders numbered without a year: the theories above
            var (prefix, year, serial) = (parts.Groups[1].Value.Replace(" ", "", StringComparison.Ordinal), parts.Groups[2].Value, parts.Groups[3].Value);
            var shorter = prefix.Replace("中国人民银行", "人民银行", StringComparison.Ordinal).Replace("国家金融监督管理总局", "金融监管总局", StringComparison.Ordinal);
            var keys = DocumentNumberKeys.ForIndex(number);
            foreach (var typed in new[]
            {
                $"{prefix}[{year}]{serial}号", $"{prefix}（{year}）第{serial}号", $"{prefix}{year}年第{serial}号", $"{prefix} {year} {serial}号",
                $"{year}年{prefix}{serial}号", $"{year}年{shorter}第{serial}号", $"{shorter}〔{year}〕{serial}号文", $"报告期限 {prefix}〔{year}〕{serial}号", $"{prefix}[{year}]{serial} 报告期限",
            })
                Check(typed);

            // The kind after the number, with the year first: 2021年人民银行第1号令.
            var kind = prefix.EndsWith('令') ? "令" : prefix.EndsWith("公告", StringComparison.Ordinal) ? "公告" : null;
            if (kind is not null) Check($"{year}年{shorter[..^kind.Length]}第{serial}号{kind} 报告期限");

            void Check(string typed)
            {
                tried++;
                var found = DocumentNumberKeys.Find(typed);
                if (found.Count != 1 || !found[0].Keys.Any(k => keys.Contains(k.Key))) missed.Add($"{number} typed {typed}");
            }
        }

        Assert.True(tried > 400, $"only {tried} forms tried: MANIFEST.tsv read?");
        Assert.Empty(missed);
    }
}
