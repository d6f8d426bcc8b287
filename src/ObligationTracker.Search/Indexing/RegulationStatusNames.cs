namespace ObligationTracker.Search.Indexing;

/// <summary>The names a regulation's status is stored, filtered and shown by (in-force, not-yet-effective, amended,
/// repealed): the one list the index, the search filter's message and the web page's choices share.</summary>
public static class RegulationStatusNames
{
    /// <summary>Every status's name, in the order of <see cref="RegulationStatus"/>.</summary>
    public static IReadOnlyList<string> All { get; } = [.. Enum.GetValues<RegulationStatus>().Select(Name)];

    /// <summary>The stored name of <paramref name="status"/>.</summary>
    public static string Name(RegulationStatus status) => status switch
    {
        RegulationStatus.InForce => "in-force",
        RegulationStatus.NotYetEffective => "not-yet-effective",
        RegulationStatus.Amended => "amended",
        RegulationStatus.Repealed => "repealed",
        _ => throw new ArgumentOutOfRangeException(nameof(status)),
    };

    /// <summary>The status a stored name stands for; null for a name this program does not know.</summary>
    public static RegulationStatus? Of(string name)
    {
        foreach (var status in Enum.GetValues<RegulationStatus>())
            if (Name(status) == name) return status;
        return null;
    }
}
