using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace ObligationTracker.Core.Serialization;

/// <summary>The JSON settings of every file and output of ours: camelCase, Chinese unescaped, nulls written.</summary>
public static class OtJson
{
    /// <summary>One object per line (JSON Lines, --json output).</summary>
    public static readonly JsonSerializerOptions Compact = Create(indented: false);

    /// <summary>Human-readable files (expected results, settings).</summary>
    public static readonly JsonSerializerOptions Indented = Create(indented: true);

    private static JsonSerializerOptions Create(bool indented)
    {
        var options = new JsonSerializerOptions
        {
            PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
            Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
            WriteIndented = indented,
            Converters = { new JsonStringEnumConverter(JsonNamingPolicy.CamelCase) },
        };
        options.MakeReadOnly(populateMissingResolver: true);
        return options;
    }
}
