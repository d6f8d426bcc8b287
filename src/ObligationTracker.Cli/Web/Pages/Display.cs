using System.Globalization;
using ObligationTracker.Core.Mining;
using ObligationTracker.Search.Indexing;

namespace ObligationTracker.Cli.Web.Pages;

/// <summary>How the pages show codes and dates: Chinese labels, CSS classes, yyyy-MM-dd.</summary>
internal static class Display
{
    /// <summary>The modalities in the order the pages list them, as FORMAT.md spells them.</summary>
    public static IReadOnlyList<string> Modalities => ModalityNames.Provisions;

    /// <summary>The regulation statuses the search index knows.</summary>
    public static IReadOnlyList<string> RegulationStatuses => RegulationStatusNames.All;

    /// <summary>The tracking statuses a person may set (已关闭 is set only by a revision).</summary>
    public static readonly string[] SettableStatuses = ["pending", "in-progress", "compliant", "not-applicable", "overdue"];

    /// <summary>The dashboard's groups, most urgent first.</summary>
    public static readonly string[] StatusOrder = ["overdue", "pending", "in-progress", "compliant", "not-applicable", "closed"];

    public static string Modality(string code) => Export.Labels.Modality(code);

    public static string RegulationStatus(string code) => RegulationStatusNames.Of(code) is { } status ? RegulationStatusNames.Label(status) : code;

    public static string Tracking(string code) => code switch
    {
        "pending" => "待评估",
        "not-applicable" => "不适用",
        "in-progress" => "进行中",
        "compliant" => "已合规",
        "overdue" => "逾期",
        "closed" => "已关闭",
        _ => code,
    };

    /// <summary>A provision's deadline kind (FORMAT.md: absolute, relative, recurring, event, vague) in words; empty without a time limit.</summary>
    /// <remarks>A relative deadline counts from the regulation's effective or issue date (施行后6个月内、印发之日起30日内).</remarks>
    public static string DeadlineKind(string? code) => code switch
    {
        null or "" => "",
        "absolute" => "确定日期",
        "relative" => "施行或印发后限期",
        "recurring" => "定期",
        "event" => "事件触发",
        "vague" => "及时等不定期限",
        _ => code,
    };

    /// <summary>Addressees joined by 、, a long list cut to its first <paramref name="shown"/> and 等N类 (N counting all).</summary>
    public static string Addressees(IReadOnlyList<string> addressees, int shown = 3)
    {
        ArgumentNullException.ThrowIfNull(addressees);
        if (addressees.Count == 0) return "—";
        return addressees.Count <= shown + 1
            ? string.Join("、", addressees)
            : string.Join("、", addressees.Take(shown)) + $"等{addressees.Count.ToString(CultureInfo.InvariantCulture)}类";
    }

    /// <summary>A search facet's name: issuer → 发文机关 …</summary>
    public static string Facet(string key) => key switch
    {
        "issuer" => "发文机关",
        "type" => "机构类型",
        "modality" => "规范类型",
        "status" => "效力状态",
        _ => key,
    };

    /// <summary>A facet value in words (codes of modality and status become labels; names stay as they are).</summary>
    public static string FacetValue(string key, string value) => key switch
    {
        "modality" => Modality(value),
        "status" => RegulationStatus(value),
        _ => value,
    };

    /// <summary>A tracking history row's field in words.</summary>
    public static string Field(string field) => field switch
    {
        "status" => "状态",
        "reason" => "原因",
        "owner" => "负责人",
        "notes" => "备注",
        "next_due" => "到期日",
        "last_done" => "最近完成",
        "evidence" => "证据",
        "review" => "复核",
        _ => field,
    };

    public static string Date(DateOnly? date) => date?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? "";

    /// <summary>A moment in China time, to the minute.</summary>
    public static string Time(DateTimeOffset at) => at.ToOffset(TimeSpan.FromHours(8)).ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture);

    public static string Shorten(string text, int max) => Export.Labels.Shorten(text, max);

    public static string Role(Storage.Users.UserRole? role) => role switch
    {
        Storage.Users.UserRole.Officer => "合规官",
        Storage.Users.UserRole.Institution => "机构用户",
        Storage.Users.UserRole.Auditor => "审计（只读）",
        _ => "",
    };
}
