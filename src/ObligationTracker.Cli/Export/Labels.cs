using System.Text.Json;

namespace ObligationTracker.Cli.Export;

/// <summary>Chinese labels for what the register shows: modality and deadline.</summary>
internal static class Labels
{
    public static string Modality(string formatName) => Core.Mining.ModalityNames.Label(formatName);

    /// <summary>A deadline object (FORMAT.md) in words: 每年 04-30 前, 生效后 6 个月内, 事件后 5 个工作日内 …</summary>
    public static string Deadline(string? json)
    {
        if (json is null) return "";
        using var doc = JsonDocument.Parse(json);
        var d = doc.RootElement;
        string? S(string name) => d.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null;
        var working = d.TryGetProperty("working_days", out var w) && w.ValueKind == JsonValueKind.True;
        var offset = Offset(S("offset"), working);
        return S("kind") switch
        {
            "absolute" => $"{S("date")}前",
            "relative" => $"{(S("anchor") == "issue_date" ? "印发" : "施行")}后{offset}内",
            "recurring" => $"{Frequency(S("frequency"), d)}{(S("due") is { } due ? $"，{due}前" : "")}{(offset.Length > 0 ? $"，期末后{offset}内" : "")}",
            "event" => $"{S("event")}{(d.TryGetProperty("before", out var b) && b.ValueKind == JsonValueKind.True ? "前" : "后")}{offset}{(d.TryGetProperty("before", out _) ? "" : "内")}",
            "vague" => S("phrase") ?? "",
            _ => json,
        };
    }

    public static string Shorten(string text, int max) => text.Length <= max ? text : text[..(max - 1)] + "…";

    private static string Frequency(string? f, JsonElement d) => f switch
    {
        "annual" => "每年",
        "semiannual" => "每半年",
        "quarterly" => "每季度",
        "monthly" => "每月",
        "weekly" => "每周",
        "daily" => "每日",
        "every_n_years" => $"每{(d.TryGetProperty("years", out var y) ? y.GetInt32() : 0)}年",
        "every_n_hours" => $"每{(d.TryGetProperty("hours", out var h) ? h.GetInt32() : 0)}小时",
        _ => f ?? "",
    };

    private static string Offset(string? iso, bool workingDays)
    {
        if (string.IsNullOrEmpty(iso)) return "";
        var time = iso.StartsWith("PT", StringComparison.Ordinal);
        var number = iso[(time ? 2 : 1)..^1];
        var unit = iso[^1] switch
        {
            'Y' => "年",
            'M' when time => "分钟",
            'M' => "个月",
            'W' => "周",
            'D' => workingDays ? "个工作日" : "日",
            'H' => "小时",
            _ => iso[^1].ToString(),
        };
        return number + unit;
    }
}
