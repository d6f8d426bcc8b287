namespace ObligationTracker.Core.Mining.Addressees;

/// <summary>What a name in a regulation stands for.</summary>
public enum PartyKind
{
    /// <summary>A kind of institution (canonical types in <see cref="PartyMention.Types"/>).</summary>
    Institution,

    /// <summary>The regulator itself (国家金融监督管理总局及其派出机构, 中国人民银行分支机构 …): 监管机构.</summary>
    Regulator,

    /// <summary>Anyone else (投诉人, 服务提供商, 任何单位和个人 …): 其他.</summary>
    Other,

    /// <summary>An organ or officer (董事会, 首席合规官, 分支机构 …): stands for its institution.</summary>
    Organ,
}

/// <summary>A party named in a unit.</summary>
public readonly record struct PartyMention(int Index, int Length, string Surface, PartyKind Kind, IReadOnlyList<string> Types)
{
    public int End => Index + Length;
}
