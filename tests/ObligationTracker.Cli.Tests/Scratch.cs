namespace ObligationTracker.Cli.Tests;

/// <summary>A temporary folder for one test class, deleted with it; and the small regulation of our own that the ingest and catch-up tests write into it.</summary>
internal sealed class Scratch : IDisposable
{
    /// <summary>Four articles: a consumer finance company's yearly report (an obligation with a deadline), an insurers' prohibition, and an effective date.</summary>
    public const string Measures = """
        某类公司报告管理试行办法
        第一条 为规范报告工作，制定本办法。
        第二条 消费金融公司应当于每年4月30日前报送年度风险评估报告。
        第三条 保险公司不得虚报风险事项。
        第四条 本办法自2026年3月1日起施行。
        """;

    public Scratch(string prefix)
    {
        Root = Path.Combine(Path.GetTempPath(), prefix + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(Root);
    }

    public string Root { get; }

    /// <summary>Writes <paramref name="text"/> to <paramref name="name"/> in the folder and gives its path.</summary>
    public string Write(string name, string text)
    {
        var path = Path.Combine(Root, name);
        File.WriteAllText(path, text);
        return path;
    }

    public void Dispose()
    {
        if (Directory.Exists(Root)) Directory.Delete(Root, recursive: true);
    }
}
