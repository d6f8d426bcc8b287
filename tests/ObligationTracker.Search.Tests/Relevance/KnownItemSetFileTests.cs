using System.Text.RegularExpressions;
using ObligationTracker.Core.Structure;

namespace ObligationTracker.Search.Tests.Relevance;

/// <summary>
/// The held-out known-item sets in corpora/relevance (known-items.tsv: 20 queries of each kind; known-items-2.tsv and
/// every later known-items-N.tsv listed in <see cref="Sets"/>: 14 of each;
/// docnums*.tsv and paraphrases*.tsv, listed in <see cref="SingleKindSets"/>: one kind each):
/// well-formed, the right number per kind, every judged article present in the shared corpus.
/// </summary>
public sealed partial class KnownItemSetFileTests
{
    /// <summary>Each set file with the number of queries it holds of every kind.</summary>
    private static readonly (string File, int PerKind)[] Sets = [("known-items.tsv", 20), ("known-items-2.tsv", 14), ("known-items-3.tsv", 14), ("known-items-4.tsv", 14), ("known-items-5.tsv", 14), ("known-items-6.tsv", 14), ("known-items-7.tsv", 14), ("known-items-8.tsv", 14), ("known-items-9.tsv", 14), ("known-items-10.tsv", 14), ("known-items-11.tsv", 14), ("known-items-12.tsv", 14), ("known-items-13.tsv", 14), ("known-items-14.tsv", 14), ("known-items-15.tsv", 14), ("known-items-16.tsv", 14), ("known-items-17.tsv", 14), ("known-items-18.tsv", 14), ("known-items-19.tsv", 14), ("known-items-20.tsv", 14), ("known-items-21.tsv", 14), ("known-items-22.tsv", 14), ("known-items-23.tsv", 14), ("known-items-24.tsv", 14), ("known-items-25.tsv", 14), ("known-items-26.tsv", 14), ("known-items-27.tsv", 14), ("known-items-28.tsv", 14), ("known-items-29.tsv", 14), ("known-items-30.tsv", 14), ("known-items-31.tsv", 14), ("known-items-32.tsv", 14), ("known-items-33.tsv", 14), ("known-items-34.tsv", 14), ("known-items-35.tsv", 14), ("known-items-36.tsv", 14), ("known-items-37.tsv", 14)];

    /// <summary>The sets of one kind: every regulation with a document number (docnums.tsv), paraphrases (paraphrases.tsv).</summary>
    private static readonly (string File, string Kind, int Count)[] SingleKindSets = [("docnums.tsv", "docnum", 105), ("docnums-2.tsv", "docnum", 105), ("docnums-3.tsv", "docnum", 105), ("docnums-4.tsv", "docnum", 105), ("paraphrases.tsv", "paraphrase", 60), ("paraphrases-2.tsv", "paraphrase", 40), ("paraphrases-3.tsv", "paraphrase", 40), ("paraphrases-4.tsv", "paraphrase", 60), ("paraphrases-5.tsv", "paraphrase", 60), ("paraphrases-6.tsv", "paraphrase", 60), ("paraphrases-7.tsv", "paraphrase", 60), ("paraphrases-8.tsv", "paraphrase", 60), ("docnums-5.tsv", "docnum", 105), ("paraphrases-9.tsv", "paraphrase", 60), ("docnums-6.tsv", "docnum", 105), ("docnums-7.tsv", "docnum", 105), ("docnums-8.tsv", "docnum", 105), ("paraphrases-10.tsv", "paraphrase", 60), ("docnums-9.tsv", "docnum", 105), ("paraphrases-11.tsv", "paraphrase", 60), ("docnums-10.tsv", "docnum", 105), ("docnums-11.tsv", "docnum", 105), ("paraphrases-12.tsv", "paraphrase", 60), ("docnums-12.tsv", "docnum", 105), ("paraphrases-13.tsv", "paraphrase", 60), ("docnums-13.tsv", "docnum", 105), ("paraphrases-14.tsv", "paraphrase", 60), ("docnums-14.tsv", "docnum", 105), ("paraphrases-15.tsv", "paraphrase", 60)];

    private static IEnumerable<string> AllFiles => Sets.Select(s => s.File).Concat(SingleKindSets.Select(s => s.File));

    public static TheoryData<string, int> SetFiles
    {
        get
        {
            var data = new TheoryData<string, int>();
            foreach (var (file, perKind) in Sets) data.Add(file, perKind);
            return data;
        }
    }

    public static TheoryData<string> SetFileNames => new(AllFiles);

    public static TheoryData<string, string, int> SingleKindSetFiles
    {
        get
        {
            var data = new TheoryData<string, string, int>();
            foreach (var (file, kind, count) in SingleKindSets) data.Add(file, kind, count);
            return data;
        }
    }

    private static string SetPath(string file) => Path.Combine(RepoPaths.Corpora, "relevance", file);

    [GeneratedRegex("\"([^\"]*)\"")]
    private static partial Regex Quoted();

    [Theory]
    [MemberData(nameof(SetFileNames))]
    public void Load_EveryLine_ParsesWithAKnownKind(string file)
    {
        var (lines, errors) = KnownItemSet.Load(SetPath(file));

        Assert.Empty(errors);
        Assert.NotEmpty(lines);
        Assert.All(lines, l => Assert.Contains(l.Kind, KnownItemSet.Kinds));
    }

    [Theory]
    [MemberData(nameof(SetFiles))]
    public void Load_Kinds_SameNumberOfQueriesEach(string file, int perKind)
    {
        var (lines, _) = KnownItemSet.Load(SetPath(file));

        var counts = lines.GroupBy(l => l.Kind).ToDictionary(g => g.Key, g => g.Count());
        Assert.Equal(KnownItemSet.Kinds.Order(), counts.Keys.Order());
        Assert.All(counts, c => Assert.Equal(perKind, c.Value));
    }

    [Theory]
    [MemberData(nameof(SingleKindSetFiles))]
    public void Load_SingleKindSet_HoldsOnlyThatKind(string file, string kind, int count)
    {
        var (lines, _) = KnownItemSet.Load(SetPath(file));

        Assert.All(lines, l => Assert.Equal(kind, l.Kind));
        Assert.Equal(count, lines.Count);
    }

    [Theory]
    [MemberData(nameof(SetFileNames))]
    public void Load_EachQuery_HasOneKnownItemFirstWithGradeTwoAndNoRepeats(string file)
    {
        var (lines, _) = KnownItemSet.Load(SetPath(file));

        Assert.All(lines, l =>
        {
            Assert.Equal(2, l.Relevant[0].Grade);
            Assert.Equal(l.Relevant.Count, l.Relevant.Select(r => (r.File, r.Article)).Distinct().Count());
        });
        Assert.Equal(lines.Count, lines.Select(l => l.Query).Distinct(StringComparer.Ordinal).Count());
    }

    [Fact]
    public void Folder_EveryKnownItemSetFile_IsListedAndSoChecked()
    {
        // queries.tsv is the tuning set, in another format (RelevanceQuery); every other file there is a known-item set.
        var inFolder = Directory.GetFiles(Path.Combine(RepoPaths.Corpora, "relevance"), "*.tsv")
            .Select(f => Path.GetFileName(f))
            .Where(f => f != "queries.tsv")
            .Order(StringComparer.Ordinal);

        Assert.Equal(inFolder, AllFiles.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Load_AnyTwoSets_ShareNoQuery()
    {
        var queries = AllFiles
            .Select(f => (File: f, Queries: KnownItemSet.Load(SetPath(f)).Lines.Select(l => l.Query).ToHashSet(StringComparer.Ordinal)))
            .ToList();

        var shared = queries
            .SelectMany((a, i) => queries.Skip(i + 1).SelectMany(b => a.Queries.Intersect(b.Queries).Select(q => $"{a.File} / {b.File}: {q}")))
            .ToList();
        Assert.Empty(shared);
    }

    [Theory]
    [MemberData(nameof(SetFileNames))]
    public void Load_EveryJudgedArticle_ExistsInTheSharedRegulations(string file)
    {
        var (lines, _) = KnownItemSet.Load(SetPath(file));
        var articles = ParseJudgedRegulations(lines);

        var missing = lines.SelectMany(l => l.Relevant)
            .Where(r => !articles.TryGetValue(r.File, out var byNumber) || !byNumber.ContainsKey(r.Article))
            .Select(r => $"{r.File}#{r.Article}")
            .ToList();
        Assert.Empty(missing);
    }

    [Theory]
    [MemberData(nameof(SetFileNames))]
    public void Load_PhraseQueries_QuoteFourToTenCharactersOfTheKnownItem(string file)
    {
        var (lines, _) = KnownItemSet.Load(SetPath(file));
        var phrases = lines.Where(l => l.Kind == "phrase").ToList();
        var articles = ParseJudgedRegulations(phrases);

        Assert.All(phrases, l =>
        {
            var quoted = Quoted().Matches(l.Query).Select(m => m.Groups[1].Value).ToList();
            Assert.Single(quoted);
            Assert.InRange(quoted[0].Length, 4, 10);
            var (judged, article, _) = l.Relevant[0];
            Assert.Contains(quoted[0], articles[judged][article].Text, StringComparison.Ordinal);
        });
    }

    [Theory]
    [MemberData(nameof(SetFileNames))]
    public void Load_DocnumQueries_NameTheRegulationsNumber(string file)
    {
        var (lines, _) = KnownItemSet.Load(SetPath(file));
        var numbers = RegulationManifest.Read(Path.Combine(RepoPaths.SharedRegulations, "MANIFEST.tsv"))
            .ToDictionary(r => r.File, r => r.DocumentNumber);

        Assert.All(lines.Where(l => l.Kind == "docnum"), l =>
        {
            var number = numbers[l.Relevant[0].File];
            Assert.NotNull(number);
            // The serial number (the digits before 号) must be in the query, however the year, the brackets and 号 itself
            // are written (people leave 号 out: 银发[2023]208).
            var serial = SerialNumber().Match(number).Groups[1].Value;
            Assert.NotEqual("", serial);
            Assert.Matches($@"(?<!\d){serial}(?!\d)", l.Query);
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
