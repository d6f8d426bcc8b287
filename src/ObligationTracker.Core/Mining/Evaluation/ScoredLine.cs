using System.Text.Json;
using System.Text.Json.Nodes;

namespace ObligationTracker.Core.Mining.Evaluation;

/// <summary>One FORMAT.md line as the evaluator sees it (gold or system output); extra fields are ignored.</summary>
/// <param name="Deadline">The deadline object as JSON, or null for no deadline.</param>
public sealed record ScoredLine(string Doc, int Article, string Text, string Modality, IReadOnlySet<string> Addressees, JsonObject? Deadline)
{
    /// <summary>Parses one JSON line; throws <see cref="FormatException"/> naming the missing field.</summary>
    public static ScoredLine Parse(string json)
    {
        var node = JsonNode.Parse(json) as JsonObject ?? throw new FormatException("A line is not a JSON object.");
        string Required(string name) =>
            node[name]?.GetValueKind() == JsonValueKind.String ? node[name]!.GetValue<string>() : throw new FormatException($"Field '{name}' is missing or not a string.");

        var doc = Path.GetFileName(Required("doc"));
        var article = node["article"]?.GetValueKind() == JsonValueKind.Number ? node["article"]!.GetValue<int>() : throw new FormatException("Field 'article' is missing.");
        var addressees = node["addressees"] is JsonArray array
            ? array.Select(a => a?.GetValue<string>() ?? "").Where(a => a.Length > 0).ToHashSet(StringComparer.Ordinal)
            : [];
        var deadline = node["deadline"] as JsonObject;
        return new ScoredLine(doc, article, Required("text"), Required("modality"), addressees, (JsonObject?)deadline?.DeepClone());
    }

    /// <summary>Reads a JSONL file, skipping blank lines.</summary>
    public static IReadOnlyList<ScoredLine> ReadFile(string path) =>
        File.ReadLines(path).Where(l => !string.IsNullOrWhiteSpace(l)).Select(Parse).ToList();

    /// <summary>The deadline's kind, or null.</summary>
    public string? DeadlineKind => Deadline?["kind"]?.GetValue<string>();

    /// <summary>The deadline less its free-text fields (event, phrase) and with working_days:false dropped, as a canonical string.</summary>
    public string? DeadlineKey
    {
        get
        {
            if (Deadline is null) return null;
            var parts = new List<string>();
            foreach (var (key, value) in Deadline)
            {
                if (key is "event" or "phrase" || value is null) continue;
                if (key == "working_days" && value.GetValueKind() == JsonValueKind.False) continue;
                parts.Add(key + "=" + value.ToJsonString());
            }

            parts.Sort(StringComparer.Ordinal);
            return string.Join(";", parts);
        }
    }
}
