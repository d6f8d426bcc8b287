namespace ObligationTracker.Core.Institutions;

/// <summary>A regulated institution whose register we keep.</summary>
/// <param name="Name">Unique name (e.g. 某某消费金融股份有限公司).</param>
/// <param name="Types">One or more canonical types of the taxonomy; obligations addressed to any ancestor bind it too.</param>
/// <param name="Region">Where it is supervised (省/市), free text.</param>
/// <param name="Group">The group it belongs to, if any.</param>
public sealed record Institution
{
    public Institution(string name, IReadOnlyList<string> types, string? region = null, string? group = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        ArgumentNullException.ThrowIfNull(types);
        if (types.Count == 0) throw new ArgumentException("An institution has at least one type.", nameof(types));
        Name = name.Trim();
        Types = types;
        Region = string.IsNullOrWhiteSpace(region) ? null : region.Trim();
        Group = string.IsNullOrWhiteSpace(group) ? null : group.Trim();
    }

    public string Name { get; }

    public IReadOnlyList<string> Types { get; }

    public string? Region { get; }

    public string? Group { get; }

    /// <summary>Checks the types against the taxonomy and canonicalises aliases (城商行 → 城市商业银行); errors name each bad type.</summary>
    public static (Institution? Institution, IReadOnlyList<string> Errors) Create(
        string name, IEnumerable<string> types, string? region, string? group, InstitutionTaxonomy taxonomy)
    {
        var errors = new List<string>();
        if (string.IsNullOrWhiteSpace(name)) errors.Add("The institution needs a name.");
        var canonical = new List<string>();
        foreach (var raw in types.SelectMany(t => t.Split([',', '，', '、'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)))
        {
            var c = taxonomy.Canonicalise(raw);
            if (c is null or InstitutionTaxonomy.Regulator or InstitutionTaxonomy.Other)
                errors.Add($"Unknown institution type '{raw}' (see corpora/taxonomy/institution-types.tsv).");
            else if (!canonical.Contains(c))
                canonical.Add(c);
        }

        if (canonical.Count == 0 && errors.Count == 0) errors.Add("The institution needs at least one type (--type).");
        return errors.Count > 0 ? (null, errors) : (new Institution(name, canonical, region, group), errors);
    }
}
