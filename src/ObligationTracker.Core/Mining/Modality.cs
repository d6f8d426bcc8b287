namespace ObligationTracker.Core.Mining;

/// <summary>The deontic force of a provision (FORMAT.md's <c>modality</c>).</summary>
public enum Modality
{
    /// <summary>No deontic marker used deontically: not a provision.</summary>
    None,

    /// <summary>Must do: 应当, 应, 必须, 须, 需要, 有义务, 只能, directive 要.</summary>
    Obligation,

    /// <summary>Must not do: 不得, 禁止, 严禁, 不应, 不准, 不能, 不可.</summary>
    Prohibition,

    /// <summary>May do: 可以, 可, 有权, 无需.</summary>
    Permission,
}

/// <summary>FORMAT.md spellings of <see cref="Modality"/>.</summary>
public static class ModalityNames
{
    /// <summary>The names of the modalities a provision can have (not <see cref="Modality.None"/>): what filters accept.</summary>
    public static readonly IReadOnlyList<string> Provisions = [Modality.Obligation.ToFormatName(), Modality.Prohibition.ToFormatName(), Modality.Permission.ToFormatName()];

    public static string ToFormatName(this Modality modality) => modality switch
    {
        Modality.Obligation => "obligation",
        Modality.Prohibition => "prohibition",
        Modality.Permission => "permission",
        _ => "none",
    };
}
