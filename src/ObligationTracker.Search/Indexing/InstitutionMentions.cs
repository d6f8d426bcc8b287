using ObligationTracker.Core.Institutions;

namespace ObligationTracker.Search.Indexing;

/// <summary>Institution types named in a text (by canonical name or alias), as canonical names.</summary>
/// <remarks>Stands in for the addressees of obligations until obligation mining tags articles itself.</remarks>
internal sealed class InstitutionMentions
{
    private readonly (string Surface, string Canonical)[] _forms;

    public InstitutionMentions(InstitutionTaxonomy taxonomy)
    {
        _forms = taxonomy.SurfaceForms
            .Where(p => p.Value is not (InstitutionTaxonomy.Regulator or InstitutionTaxonomy.Other))
            .Select(p => (p.Key, p.Value))
            .OrderByDescending(p => p.Key.Length)
            .ToArray();
    }

    public IReadOnlyList<string> Find(params string?[] texts)
    {
        var found = new List<string>();
        foreach (var (surface, canonical) in _forms)
        {
            if (found.Contains(canonical)) continue;
            foreach (var text in texts)
            {
                if (text is null || !text.Contains(surface, StringComparison.Ordinal)) continue;
                found.Add(canonical);
                break;
            }
        }

        return found;
    }
}
