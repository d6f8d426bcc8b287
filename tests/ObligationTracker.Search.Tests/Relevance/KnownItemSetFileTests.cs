using System.Text.RegularExpressions;
using ObligationTracker.Core.Structure;

namespace ObligationTracker.Search.Tests.Relevance;

/// <summary>corpora/relevance/known-items.tsv: well-formed, 20 queries of each kind, every judged article present in the shared corpus.</summary>
public sealed partial class KnownItemSetFileTests
{
    private static string SetPath => Path.Combine(RepoPaths.Corpora, "relevance", "known-items.tsv");

    [GeneratedRegex("\"([^\"]*)\"")]
    private static partial Regex Quoted();

    [Fact]
    public void Load_EveryLine_ParsesWithAKnownKind()
    {
        var (lines, errors) = KnownItemSet.Load(SetPath);

        Assert.Empty(errors);
        Assert.All(lines, l => Assert.Contains(l.Kind, KnownItemSet.Kinds));
    }

    [Fact]
    public void Load_Kinds_TwentyQueriesEach()
    {
        var (lines, _) = KnownItemSet.Load(SetPath);

        var counts = lines.GroupBy(l => l.Kind).ToDictionary(g => g.Key, g => g.Count());
        Assert.Equal(KnownItemSet.Kinds.Order(), counts.Keys.Order());
        Assert.All(counts, c => Assert.Equal(20, c.Value));
    }

    [Fact]
    public void Load_EachQuery_HasOneKnownItemFirstWithGradeTwoAndNoRepeats()
    {
        var (lines, _) = KnownItemSet.Load(SetPath);

        Assert.All(lines, l =>
        {
            Assert.Equal(2, l.Relevant[0].Grade);
            Assert.Equal(l.Relevant.Count, l.Relevant.Select(r => (r.File, r.Article)).Distinct().Count());
        });
        Assert.Equal(lines.Count, lines.Select(l => l.Query).Distinct(StringComparer.Ordinal).Count());
    }

    [Fact]
    public void Load_EveryJudgedArticle_ExistsInTheSharedRegulations()
    {
        var (lines, _) = KnownItemSet.Load(SetPath);
        var articles = ParseJudgedRegulations(lines);

        var missing = lines.SelectMany(l => l.Relevant)
            .Where(r => !articles.TryGetValue(r.File, out var byNumber) || !byNumber.ContainsKey(r.Article))
            .Select(r => $"{r.File}#{r.Article}")
            .ToList();
        Assert.Empty(missing);
    }

    [Fact]
    public void Load_PhraseQueries_QuoteFourToTenCharactersOfTheKnownItem()
    {
        var (lines, _) = KnownItemSet.Load(SetPath);
        var phrases = lines.Where(l => l.Kind == "phrase").ToList();
        var articles = ParseJudgedRegulations(phrases);

        Assert.All(phrases, l =>
        {
            var quoted = Quoted().Matches(l.Query).Select(m => m.Groups[1].Value).ToList();
            Assert.Single(quoted);
            Assert.InRange(quoted[0].Length, 4, 10);
            var (file, article, _) = l.Relevant[0];
            Assert.Contains(quoted[0], articles[file][article].Text, StringComparison.Ordinal);
        });
    }

    [Fact]
    public void Load_DocnumQueries_NameTheRegulationsNumber()
    {
        var (lines, _) = KnownItemSet.Load(SetPath);
        var numbers = RegulationManifest.Read(Path.Combine(RepoPaths.SharedRegulations, "MANIFEST.tsv"))
            .ToDictionary(r => r.File, r => r.DocumentNumber);

        Assert.All(lines.Where(l => l.Kind == "docnum"), l =>
        {
            var number = numbers[l.Relevant[0].File];
            Assert.NotNull(number);
            // The serial number (the digits before 号) must be in the query, however the year and brackets are written.
            var serial = SerialNumber().Match(number).Groups[1].Value;
            Assert.NotEqual("", serial);
            Assert.Matches($@"(?<!\d){serial}号", l.Query);
        });
    }

    [GeneratedRegex(@"(?<!\d)(\d+)号")]
    private static partial Regex SerialNumber();

    /// <summary>The body articles (not attachments) of each regulation the lines judge, by file and number.</summary>
    private static Dictionary<string, Dictionary<int, Article>> ParseJudgedRegulations(IEnumerable<RelevanceLine> lines)
    {
        var parser = new RegulationParser();
        var result = new Dictionary<string, Dictionary<int, Article>>(StringComparer.Ordinal);
        foreach (var file in lines.SelectMany(l => l.Relevant).Select(r => r.File).Distinct())
        {
            var path = Path.Combine(RepoPaths.SharedRegulations, file);
            if (!File.Exists(path)) continue;
            var regulation = parser.Parse(file, CorpusText.ReadNormalised(path));
            result[file] = regulation.Articles.Where(a => !a.InAttachment)
                .GroupBy(a => a.Number).ToDictionary(g => g.Key, g => g.First());
        }

        return result;
    }
}
