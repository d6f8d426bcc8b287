using ObligationTracker.Core.Institutions;
using ObligationTracker.Core.Mining.Addressees;
using ObligationTracker.Core.Mining.Deadlines;
using ObligationTracker.Core.Mining.Rules;
using ObligationTracker.Core.Structure;

namespace ObligationTracker.Core.Mining;

/// <summary>
/// Turns a parsed regulation into its obligations: cut articles into units, keep the normative ones (a marker used
/// deontically, not a definition, purpose, scope or entry-into-force clause), then resolve modality, addressees,
/// deadline and cross-references of each.
/// </summary>
/// <remarks>
/// Two passes: the first finds every explicit subject, so that units naming none can fall back on the regulation's scope
/// or, failing that, its commonest subject; the second carries the subject from unit to unit within an article
/// (ANNOTATING.md, Who is bound). Items without their own marker only complete their lead-in and are not provisions.
/// </remarks>
public sealed partial class ObligationExtractor
{
    private readonly InstitutionTaxonomy taxonomy;
    private readonly PartyLexicon lexicon;
    private readonly DeadlineParser deadlines;

    public ObligationExtractor(InstitutionTaxonomy taxonomy, DeadlineParser deadlines)
    {
        this.taxonomy = taxonomy;
        lexicon = PartyLexicon.FromTaxonomy(taxonomy);
        this.deadlines = deadlines;
    }

    private static readonly Lazy<ObligationExtractor> DefaultLazy = new(() => new ObligationExtractor(InstitutionTaxonomy.Default, DeadlineParser.Default));

    public static ObligationExtractor Default => DefaultLazy.Value;

    public IReadOnlyList<Obligation> Extract(Regulation regulation)
    {
        ArgumentNullException.ThrowIfNull(regulation);
        var articles = regulation.Articles.Where(a => !a.InAttachment).ToList();
        if (NoticeAsArticle(regulation) is { } notice) articles.Insert(0, notice);
        var units = articles.Select(a => ProvisionSplitter.Split(a)).ToList();
        var context = AddresseeContext.Build(units, taxonomy, lexicon);

        // Pass 1: markers and explicit subjects of every unit, kept for pass 2; the subjects also set the defaults.
        var analyses = new Dictionary<Provision, UnitAnalysis>(ReferenceEqualityComparer.Instance);
        var explicitSubjects = new List<IReadOnlyList<string>>();
        foreach (var articleUnits in units)
        {
            foreach (var unit in articleUnits)
            {
                var markers = ModalityClassifier.Markers(unit.Analysed);
                var main = ModalityClassifier.MainMarker(unit.Analysed, markers);
                var excluded = main is null || NonNormativeFilter.IsExcluded(unit.Analysed);
                IReadOnlyList<string> subject = [];
                var subjectEnd = 0;
                if (!excluded)
                {
                    subject = AddresseeResolver.ExplicitSubject(context, unit.Analysed, main!.Value, markers, out subjectEnd);
                    if (subject.Count > 0) explicitSubjects.Add(subject);
                }

                analyses[unit] = new UnitAnalysis(main, excluded, subject, subjectEnd);
            }
        }

        context.SetDefaults(explicitSubjects);

        // Pass 2: the obligations.
        var documentTransition = articles.Select(a => RelativeDeadlineRule.TransitionDefinedIn(a.Text)).FirstOrDefault(t => t is not null);
        var result = new List<Obligation>();
        for (var a = 0; a < articles.Count; a++)
        {
            var articleUnits = units[a];
            var transition = RelativeDeadlineRule.TransitionDefinedIn(articles[a].Text) ?? documentTransition;
            IReadOnlyList<string> carried = [];
            IReadOnlyList<string> beforeItems = [];
            IReadOnlyList<string>? itemSubject = null;
            string? previousItem = null;
            var previousWasItem = false;
            var situationItems = false;
            var sequence = 0;
            foreach (var unit in articleUnits)
            {
                if (unit.IsLeadIn)
                {
                    situationItems = NonNormativeFilter.ListsSituations(unit.Analysed);
                    itemSubject = RequiredParty(context, unit.Analysed);
                }
                else if (!unit.IsItem)
                {
                    itemSubject = null;
                    situationItems = false;
                }

                var itemStart = unit.IsItem && unit.ItemMarker != previousItem;
                previousItem = unit.ItemMarker;
                if (!unit.IsItem && previousWasItem) carried = beforeItems; // after a list, the lead-in's subject resumes
                previousWasItem = unit.IsItem;
                if (!unit.IsItem) beforeItems = carried;
                else if (itemStart) carried = itemSubject ?? beforeItems; // each item starts from its lead-in's subject

                var analysis = analyses[unit];
                var main = analysis.Main;
                if (analysis.Excluded || NonNormativeFilter.IsResidualItem(unit)
                    || (itemStart && situationItems))
                {
                    // A statement without a marker still sets the subject of what follows (…进行现场检查。现场检查可以委托…).
                    if (main is null && !NonNormativeFilter.IsException(unit.Analysed))
                    {
                        var chain = SubjectChain.At(context.Lexicon, unit.Analysed, 0, unit.Analysed.Length);
                        if (chain.Count > 0) carried = chain.SelectMany(m => context.TypesOf(m, null)).Distinct().ToList();
                    }

                    if (unit.IsLeadIn) beforeItems = carried;
                    continue;
                }

                var addressees = AddresseeResolver.Resolve(context, unit.Analysed, main!.Value, analysis.Subject, carried);
                var subjectEnd = analysis.SubjectEnd;
                carried = addressees;
                if (unit.IsLeadIn) beforeItems = carried;
                var deadline = deadlines.Parse(unit.Analysed, main.Value.Index + main.Value.Length, transition, subjectEnd);
                var bindsInstitutions = addressees.Any(t => t is not (InstitutionTaxonomy.Regulator or InstitutionTaxonomy.Other));
                result.Add(new Obligation(
                    $"{regulation.File}#{unit.Article}.{++sequence}",
                    regulation.File,
                    unit.Article,
                    unit.Text,
                    unit.Start,
                    main.Value.Modality,
                    addressees,
                    deadline,
                    CrossReferenceFinder.Find(unit.Analysed).Where(n => n != unit.Article).ToList(),
                    bindsInstitutions ? context.ReferenceTypes : []));
            }
        }

        return result;
    }

    // The issuing notice's lines bind too (各金融监管局应当…): they are article 0 (FORMAT.md).
    private static Article? NoticeAsArticle(Regulation regulation)
    {
        if (regulation.Notice is not { Length: > 0 } span || span.End > regulation.Text.Length) return null;
        var paragraphs = new List<Paragraph>();
        var offset = span.Start;
        foreach (var line in regulation.Text.Substring(span.Start, span.Length).Split('\n'))
        {
            if (!string.IsNullOrWhiteSpace(line)) paragraphs.Add(new Paragraph(line, offset, []));
            offset += line.Length + 1;
        }

        return paragraphs.Count == 0 ? null : new Article(0, "", null, null, paragraphs, span);
    }

    private sealed record UnitAnalysis(DeonticMarker? Main, bool Excluded, IReadOnlyList<string> Subject, int SubjectEnd);

    // 应当选择符合以下要求的商业银行作为备付金银行：— the items state requirements of that party.
    private static IReadOnlyList<string>? RequiredParty(AddresseeContext context, string leadIn)
    {
        var m = RequirementLeadIn().Match(leadIn);
        if (!m.Success || context.Lexicon.MatchAt(leadIn, m.Index + m.Length) is not { } party) return null;
        return context.TypesOf(party, null).ToList();
    }

    [System.Text.RegularExpressions.GeneratedRegex("(?:以下|下列|如下)(?:要求|条件|标准)的")]
    private static partial System.Text.RegularExpressions.Regex RequirementLeadIn();

    /// <summary>Parses a normalised text (one paragraph per line) and extracts its obligations.</summary>
    public IReadOnlyList<Obligation> ExtractFromText(string fileName, string text) =>
        Extract(new RegulationParser().Parse(fileName, text));
}
