namespace ObligationTracker.Core.Register;

/// <summary>Where an institution stands on one obligation.</summary>
/// <remarks>
/// <see cref="Closed"/> is set only by the system, when a revision of the regulation removes the obligation: the
/// tracking is kept (with its history) and closed with the reason instead of deleted.
/// </remarks>
public enum TrackingStatus
{
    /// <summary>待评估: nobody has assessed it yet (every obligation starts here).</summary>
    Pending,

    /// <summary>不适用: assessed as not applying to this institution; needs a reason.</summary>
    NotApplicable,

    /// <summary>进行中: work under way.</summary>
    InProgress,

    /// <summary>已合规: complied with.</summary>
    Compliant,

    /// <summary>逾期: past its due date and not complied with.</summary>
    Overdue,

    /// <summary>已关闭: the obligation was removed by a revision of its regulation.</summary>
    Closed,
}

/// <summary>The Chinese labels of <see cref="TrackingStatus"/>, used in the store, the CLI and exports.</summary>
public static class TrackingStatusLabels
{
    private static readonly (TrackingStatus Status, string Label, string English)[] Table =
    [
        (TrackingStatus.Pending, "待评估", "pending"),
        (TrackingStatus.NotApplicable, "不适用", "not-applicable"),
        (TrackingStatus.InProgress, "进行中", "in-progress"),
        (TrackingStatus.Compliant, "已合规", "compliant"),
        (TrackingStatus.Overdue, "逾期", "overdue"),
        (TrackingStatus.Closed, "已关闭", "closed"),
    ];

    public static string Label(this TrackingStatus status) => Table.First(t => t.Status == status).Label;

    /// <summary>Reads a label (待评估) or its English spelling (pending); null when it is neither.</summary>
    public static TrackingStatus? Parse(string? text)
    {
        var s = text?.Trim();
        foreach (var t in Table)
            if (string.Equals(s, t.Label, StringComparison.Ordinal) || string.Equals(s, t.English, StringComparison.OrdinalIgnoreCase))
                return t.Status;
        return null;
    }

    public static IEnumerable<string> AllLabels => Table.Select(t => $"{t.Label} ({t.English})");
}
