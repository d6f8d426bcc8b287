using JiebaNet.Segmenter;
using ObligationTracker.Search.Analysis;

namespace ObligationTracker.Search.Tests.Analysis;

/// <summary>Our cut must give jieba.NET's words: the index, the queries and the relevance figures were built on them.</summary>
public class ChineseSegmenterTests
{
    /// <summary>jieba.NET itself, with our words added as ChineseSegmenter adds them to its own dictionary.</summary>
    private static readonly Lazy<JiebaSegmenter> Jieba = new(() =>
    {
        ConfigManager.ConfigFileBaseDir = Path.Combine(AppContext.BaseDirectory, ChineseSegmenter.ResourceFolder);
        var ours = ChineseSegmenter.Instance;
        var jieba = new JiebaSegmenter();
        foreach (var word in ours.Dictionary.UserWords) jieba.AddWord(word, ChineseSegmenter.UserWordFrequency);
        return jieba;
    }, LazyThreadSafetyMode.ExecutionAndPublication);

    private static List<string> JiebaWords(string text) => Jieba.Value.Cut(text, cutAll: false, hmm: true).ToList();

    private static List<string> OurWords(string text)
    {
        var ends = new List<int>();
        ChineseSegmenter.Instance.Cut(text, ends);
        var words = new List<string>(ends.Count);
        var start = 0;
        foreach (var end in ends)
        {
            words.Add(text[start..end]);
            start = end;
        }

        return words;
    }

    [Fact]
    public void Cut_EveryRealRegulation_GivesJiebaNetsWords()
    {
        var files = Directory.GetFiles(RepoPaths.SharedRegulations, "*.md");
        Assert.NotEmpty(files);
        foreach (var file in files)
        {
            var folded = TextNormalizer.Fold(File.ReadAllText(file));
            var expected = JiebaWords(folded);
            var actual = OurWords(folded);
            if (!expected.SequenceEqual(actual))
            {
                var at = expected.Zip(actual).TakeWhile(p => p.First == p.Second).Count();
                Assert.Fail($"{Path.GetFileName(file)}: word {at} differs: jieba.NET [{string.Join('|', expected.Skip(at).Take(8))}], "
                    + $"ours [{string.Join('|', actual.Skip(at).Take(8))}]");
            }
        }
    }

    [Fact]
    public void Tokenize_EveryRealRegulation_AddsEachKnownWordInsideALongerWord()
    {
        var segmenter = ChineseSegmenter.Instance;
        var inner = 0;
        foreach (var file in Directory.GetFiles(RepoPaths.SharedRegulations, "*.md"))
        {
            var folded = TextNormalizer.Fold(File.ReadAllText(file));
            var tokens = new List<SegmentToken>();
            segmenter.Tokenize(folded, tokens);
            var expected = new List<(int, int)>();
            foreach (var word in tokens.Where(t => t.PositionIncrement == 1))
            {
                var length = word.End - word.Start;
                for (var n = 2; n <= 6 && n < length; n++)
                    for (var j = word.Start; j + n <= word.End; j++)
                        if (segmenter.IsKnownWord(folded.Substring(j, n)) && !segmenter.Dictionary.StopWords.Contains(folded.Substring(j, n)))
                            expected.Add((j, j + n));
            }

            var actual = tokens.Where(t => t.PositionIncrement == 0).Select(t => (t.Start, t.End)).ToList();
            Assert.Equal(expected, actual);
            inner += actual.Count;
        }

        Assert.True(inner > 1000, $"only {inner} inner words in the corpus");
    }

    [Theory]
    [InlineData("ABC公司2024年增长3.5%，C#与AT&T的合作\r\n第二行  x+y#z_w·v-u")]
    [InlineData("中文English混合123abc，再来一段很长的未登录词语如张小明李大壮王二麻子")]
    [InlineData("\U00020000\U00020001汉字\u3400\u4DB5囍㊣①②")]
    [InlineData("商业银行理财子公司应当于每年3月31日前报送，金规〔2024〕24号")]
    [InlineData("张小明和李大壮于2024年3.5%x.5%-+#a1b2.33%%..7以及歘歙歚歛与3.%与v2.0.1和·_&")]
    [InlineData("")]
    [InlineData("\r\n\r\r\n\n")]
    public void Cut_MixedScriptsSpacesAndRareCharacters_GivesJiebaNetsWords(string text)
    {
        Assert.Equal(JiebaWords(text), OurWords(text));
    }

    [Fact]
    public void Cut_FromManyThreadsAtOnce_GivesTheSameWords()
    {
        const string text = "银行保险机构应当建立健全数据安全管理制度，落实数据分类分级保护要求";
        var expected = OurWords(text);
        var results = new List<string>[16];
        Parallel.For(0, results.Length, i => results[i] = OurWords(text));
        Assert.All(results, r => Assert.Equal(expected, r));
    }
}
