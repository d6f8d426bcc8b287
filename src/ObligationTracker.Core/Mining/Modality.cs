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
