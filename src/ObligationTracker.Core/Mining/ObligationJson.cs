using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace ObligationTracker.Core.Mining;

/// <summary>Writes obligations as FORMAT.md lines, with our extra fields (id, start, length, references, reference_types).</summary>
public static class ObligationJson
{
    private static readonly JsonSerializerOptions Options = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static JsonObject ToJson(Obligation o)
    {
        var node = new JsonObject
        {
            ["doc"] = o.Doc,
            ["article"] = o.Article,
            ["text"] = o.Text,
            ["modality"] = o.Modality.ToFormatName(),
            ["addressees"] = new JsonArray(o.Addressees.Select(a => (JsonNode)JsonValue.Create(a)!).ToArray()),
            ["deadline"] = o.Deadline?.ToJson(),
            ["id"] = o.Id,
            ["start"] = o.Start,
            ["length"] = o.Text.Length,
        };
        if (o.References.Count > 0) node["references"] = new JsonArray(o.References.Select(r => (JsonNode)JsonValue.Create(r)).ToArray());
        if (o.ReferenceTypes.Count > 0)
        {
            node["reference_types"] = new JsonArray(o.ReferenceTypes.Select(r => (JsonNode)JsonValue.Create(r)!).ToArray());
        }

        return node;
    }

    /// <summary>Any node as compact JSON with Chinese left readable.</summary>
    public static string Write(JsonNode node) => node.ToJsonString(Options);

    /// <summary>One JSON line (no line break).</summary>
    public static string ToJsonLine(Obligation o) => ToJson(o).ToJsonString(Options);
}
