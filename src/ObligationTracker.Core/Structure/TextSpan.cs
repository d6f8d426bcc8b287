using System.Text.Json.Serialization;

namespace ObligationTracker.Core.Structure;

/// <summary>A range of the normalised text: [Start, Start + Length).</summary>
public readonly record struct TextSpan
{
    [JsonConstructor]
    public TextSpan(int start, int length)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(start);
        ArgumentOutOfRangeException.ThrowIfNegative(length);
        Start = start;
        Length = length;
    }

    public int Start { get; }

    public int Length { get; }

    [JsonIgnore]
    public int End => Start + Length;
}
