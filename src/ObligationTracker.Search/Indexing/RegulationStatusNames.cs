namespace ObligationTracker.Search.Indexing;

/// <summary>The names a regulation's status is stored, filtered and shown by (in-force, not-yet-effective, amended,
/// repealed, and their Chinese labels): the one list the index, the search filter and its message, and the web page's
/// choices share.</summary>
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

    /// <summary>The Chinese label the pages show for <paramref name="status"/> (现行有效).</summary>
    public static string Label(RegulationStatus status) => status switch
    {
        RegulationStatus.InForce => "现行有效",
        RegulationStatus.NotYetEffective => "尚未施行",
        RegulationStatus.Amended => "已修订",
        RegulationStatus.Repealed => "已废止",
        _ => throw new ArgumentOutOfRangeException(nameof(status)),
    };

    /// <summary>The status a stored name stands for; null for a name this program does not know.</summary>
    public static RegulationStatus? Of(string name)
    {
        foreach (var status in Enum.GetValues<RegulationStatus>())
            if (Name(status) == name) return status;
        return null;
    }

    /// <summary>The status a person typed: its name in any case, with '_' or a space for '-' (In-Force, in_force, IN FORCE),
    /// its label, or another word the registers use for it (现行, 有效 as the national database says; 已修改; 失效); null for
    /// anything else, which the caller reports with <see cref="Accepted"/>.</summary>
    public static RegulationStatus? Parse(string typed)
    {
        var text = typed.Trim();
        var folded = text.Replace('_', '-').Replace(' ', '-').ToLowerInvariant();
        foreach (var status in Enum.GetValues<RegulationStatus>())
            if (folded == Name(status) || text == Label(status)) return status;
        return Words.TryGetValue(text, out var word) ? word : null;
    }

    /// <summary>The accepted values, for a message about one that is not: in-force (现行有效), ….</summary>
    public static string Accepted => string.Join(", ", Enum.GetValues<RegulationStatus>().Select(s => $"{Name(s)} ({Label(s)})"));

    /// <summary>Chinese words for a status beside its label: the national laws database's (有效, 已修改, 已废止, 尚未生效) and the
    /// short forms the regulation list prints (现行, 废止).</summary>
    private static readonly Dictionary<string, RegulationStatus> Words = new(StringComparer.Ordinal)
    {
        ["现行"] = RegulationStatus.InForce,
        ["有效"] = RegulationStatus.InForce,
        ["尚未生效"] = RegulationStatus.NotYetEffective,
        ["未生效"] = RegulationStatus.NotYetEffective,
        ["已修改"] = RegulationStatus.Amended,
        ["废止"] = RegulationStatus.Repealed,
        ["失效"] = RegulationStatus.Repealed,
        ["已失效"] = RegulationStatus.Repealed,
    };
}
