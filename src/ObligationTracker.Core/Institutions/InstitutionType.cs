namespace ObligationTracker.Core.Institutions;

/// <summary>One canonical kind of institution (商业银行, 保险公司 …) with its parents and the other names it goes by.</summary>
/// <param name="Name">The canonical name, the shared vocabulary of addressees.</param>
/// <param name="Parents">Direct parents (农村商业银行 has two: 商业银行 and 农村中小银行机构); empty for a root.</param>
/// <param name="Aliases">Other names seen in regulations (城商行, 银保监会 …), without the canonical name.</param>
public sealed record InstitutionType
{
    public InstitutionType(string name, IReadOnlyList<string> parents, IReadOnlyList<string> aliases)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        ArgumentNullException.ThrowIfNull(parents);
        ArgumentNullException.ThrowIfNull(aliases);
        if (parents.Any(string.IsNullOrWhiteSpace) || aliases.Any(string.IsNullOrWhiteSpace))
            throw new ArgumentException($"{name}: parents and aliases must not be blank.");
        if (parents.Contains(name))
            throw new ArgumentException($"{name} cannot be its own parent.");
        Name = name;
        Parents = parents;
        Aliases = aliases;
    }

    public string Name { get; }

    public IReadOnlyList<string> Parents { get; }

    public IReadOnlyList<string> Aliases { get; }
}
