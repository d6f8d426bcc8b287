using ObligationTracker.Core.Institutions;
using ObligationTracker.Search.Indexing;

namespace ObligationTracker.Search.Tests.Indexing;

public class InstitutionMentionsTests
{
    private static readonly InstitutionMentions Mentions = new(InstitutionTaxonomy.Default);

    [Fact]
    public void Find_AliasAndCanonicalName_ReportTheTypeOnce()
    {
        var found = Mentions.Find("城商行和城市商业银行应当", null);
        Assert.Equal(1, found.Count(t => t == "城市商业银行"));
    }

    [Fact]
    public void Find_TypesInTitleOrText_ReportedLongestSurfaceFormFirst()
    {
        var taxonomy = InstitutionTaxonomy.Default;
        var forms = taxonomy.SurfaceForms
            .Where(p => p.Value is not (InstitutionTaxonomy.Regulator or InstitutionTaxonomy.Other))
            .OrderByDescending(p => p.Key.Length)
            .ToList();
        var checkedTexts = 0;
        foreach (var file in Directory.GetFiles(RepoPaths.SharedRegulations, "*.md").Take(40))
        {
            var lines = File.ReadAllLines(file).Where(l => l.Length > 0).ToList();
            var title = lines[0];
            foreach (var text in lines.Skip(1).Take(60))
            {
                // What a reader would expect: every type whose name or alias appears, in the order of the longest form.
                var expected = new List<string>();
                foreach (var (surface, canonical) in forms)
                    if ((title.Contains(surface, StringComparison.Ordinal) || text.Contains(surface, StringComparison.Ordinal)) && !expected.Contains(canonical))
                        expected.Add(canonical);
                Assert.Equal(expected, Mentions.Find(title, text));
                checkedTexts++;
            }
        }

        Assert.True(checkedTexts > 500, $"only {checkedTexts} texts checked");
    }
}
