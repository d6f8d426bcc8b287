using ObligationTracker.Core.Institutions;
using ObligationTracker.Core.Mining;
using ObligationTracker.Core.Mining.Addressees;
using ObligationTracker.Core.Mining.Rules;
using ObligationTracker.Core.Structure;

namespace ObligationTracker.Core.Register;

/// <summary>The institution types a regulation binds: what it declares (本办法适用于…), else the types its obligations name.</summary>
/// <param name="Types">Types bound directly; an institution is in scope when one of its types is one of these or descends from one.</param>
/// <param name="ReferenceTypes">Types that apply the regulation by reference only (参照本办法执行).</param>
/// <param name="Declared">True when the regulation states its scope; false when it was inferred from the obligations.</param>
public sealed record RegulationScope(IReadOnlyList<string> Types, IReadOnlyList<string> ReferenceTypes, bool Declared)
{
    private static readonly Lazy<PartyLexicon> DefaultLexicon = new(() => PartyLexicon.FromTaxonomy(InstitutionTaxonomy.Default));

    public static RegulationScope Of(Regulation regulation, IReadOnlyList<Obligation> obligations, InstitutionTaxonomy taxonomy)
    {
        ArgumentNullException.ThrowIfNull(regulation);
        ArgumentNullException.ThrowIfNull(obligations);
        var lexicon = ReferenceEquals(taxonomy, InstitutionTaxonomy.Default) ? DefaultLexicon.Value : PartyLexicon.FromTaxonomy(taxonomy);
        var units = regulation.Articles.Where(a => !a.InAttachment).Select(a => ProvisionSplitter.Split(a)).ToList();
        var context = AddresseeContext.Build(units, taxonomy, lexicon);
        var reference = context.ReferenceTypes.Concat(obligations.SelectMany(o => o.ReferenceTypes)).Where(IsInstitution).Distinct().ToList();
        var declared = context.Scope.Where(IsInstitution).ToList();
        if (declared.Count > 0) return new RegulationScope(declared, reference.Except(declared).ToList(), true);
        var inferred = obligations.SelectMany(o => o.Addressees).Where(IsInstitution).Distinct().ToList();
        return new RegulationScope(inferred, reference.Except(inferred).ToList(), false);
    }

    private static bool IsInstitution(string type) => type is not (InstitutionTaxonomy.Regulator or InstitutionTaxonomy.Other);
}
