namespace ObligationTracker.Core.Mining.Deadlines;

/// <summary>FORMAT.md's deadline kinds.</summary>
public enum DeadlineKind
{
    /// <summary>A calendar date (于2025年12月31日前).</summary>
    Absolute,

    /// <summary>Counted from the regulation's entry into force or issue (自本办法施行之日起六个月内).</summary>
    Relative,

    /// <summary>A repeated duty (每季度, 每年4月30日前, 至少每三年).</summary>
    Recurring,

    /// <summary>Counted from (or back from) an event (发生…之日起5个工作日内, 签署前二十个工作日).</summary>
    Event,

    /// <summary>No measurable time (及时, 立即, 定期 …).</summary>
    Vague,
}

/// <summary>How often a recurring duty falls due.</summary>
public enum Frequency
{
    Annual,
    Semiannual,
    Quarterly,
    Monthly,
    Weekly,
    Daily,
    EveryNYears,
    EveryNHours,
}

/// <summary>What a relative deadline counts from.</summary>
public enum DeadlineAnchor
{
    EffectiveDate,
    IssueDate,
}
