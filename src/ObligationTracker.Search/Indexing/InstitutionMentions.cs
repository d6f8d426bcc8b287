using System.Collections.Frozen;
using ObligationTracker.Core.Institutions;

namespace ObligationTracker.Search.Indexing;

/// <summary>Institution types named in a text (by canonical name or alias), as canonical names.</summary>
/// <remarks>Stands in for the addressees of obligations until obligation mining tags articles itself.</remarks>
internal sealed class InstitutionMentions
{
    /// <summary>Surface forms, longest first: the order in which types are reported.</summary>
    private readonly (string Surface, string Canonical)[] _forms;

    /// <summary>First character → indexes into <see cref="_forms"/> of the forms starting with it, so a text is read
    /// once instead of once per form.</summary>
    private readonly FrozenDictionary<char, int[]> _byFirst;

    public InstitutionMentions(InstitutionTaxonomy taxonomy)
    {
        _forms = taxonomy.SurfaceForms
            .Where(p => p.Value is not (InstitutionTaxonomy.Regulator or InstitutionTaxonomy.Other))
            .Select(p => (p.Key, p.Value))
            .OrderByDescending(p => p.Key.Length)
            .ToArray();
        _byFirst = Enumerable.Range(0, _forms.Length)
            .Where(i => _forms[i].Surface.Length > 0)
            .GroupBy(i => _forms[i].Surface[0])
            .ToFrozenDictionary(g => g.Key, g => g.ToArray());
    }

    public IReadOnlyList<string> Find(params string?[] texts)
    {
        var present = new bool[_forms.Length];
        foreach (var text in texts)
        {
            if (text is null) continue;
            for (var at = 0; at < text.Length; at++)
            {
                if (!_byFirst.TryGetValue(text[at], out var candidates)) continue;
                foreach (var i in candidates)
                    if (!present[i] && text.AsSpan(at).StartsWith(_forms[i].Surface, StringComparison.Ordinal)) present[i] = true;
            }
        }

        var found = new List<string>();
        for (var i = 0; i < _forms.Length; i++)
            if (present[i] && !found.Contains(_forms[i].Canonical)) found.Add(_forms[i].Canonical);
        return found;
    }
}
