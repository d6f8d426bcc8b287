using ObligationTracker.Core.Institutions;
using ObligationTracker.Core.Mining;
using ObligationTracker.Core.Mining.Deadlines;
using ObligationTracker.Core.Register;
using ObligationTracker.Core.Structure;
using ObligationTracker.Storage;
using ObligationTracker.Storage.Database;

namespace ObligationTracker.Scheduling.Tests;

/// <summary>A store with one regulation written for these tests (no real regulation's text), its obligations' deadlines given.</summary>
internal static class TestData
{
    public const string Bank = "测试城商行";
    public const string Trust = "测试信托";

    /// <summary>Saves a regulation (effective <paramref name="effective"/>) whose article n has deadline n-1, binding 商业银行; adds a bank and a trust.</summary>
    public static void Seed(StoreSettings settings, TimeProvider clock, DateOnly effective, params Deadline?[] deadlines)
    {
        using var store = RegulationStore.Open(settings, clock);
        var texts = deadlines.Select((_, i) => $"商业银行应当按期报送第{i + 1}项测试报告。").ToArray();
        var articles = texts.Select((t, i) => new Article(i + 1, $"第{i + 1}条", null, null, [new Paragraph(t, 0, [])], new TextSpan(0, t.Length))).ToList();
        var regulation = new Regulation("test.md", "测试报送办法", ["国家金融监督管理总局"], "测〔2026〕1号", effective.AddDays(-30), effective, articles,
            string.Join("\n", texts), null, []);
        var obligations = deadlines.Select((d, i) =>
            new Obligation($"test.md#{i + 1}.1", "test.md", i + 1, texts[i], 0, Modality.Obligation, ["商业银行"], d, [], [])).ToList();
        store.Save(regulation, "hash-" + deadlines.Length, "/test.md", obligations, new RegulationScope(["商业银行"], [], true));
        store.Institutions.Add(new Institution(Bank, ["城市商业银行"]));
        store.Institutions.Add(new Institution(Trust, ["信托公司"]));
    }

    /// <summary>A fresh SQLite store in <paramref name="folder"/>.</summary>
    public static StoreSettings Sqlite(string folder) => StoreSettings.Sqlite(folder);

    public static DateTimeOffset ChinaMorning(DateOnly day) => new(day.ToDateTime(new TimeOnly(8, 0)), TimeSpan.FromHours(8));
}
