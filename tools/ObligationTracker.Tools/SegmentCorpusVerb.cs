using ObligationTracker.Search.Analysis;

namespace ObligationTracker.Tools;

/// <summary><c>segment-corpus [OUT]</c>: jieba's cut of every line of the shared regulations, words between spaces.</summary>
/// <remarks>Run before and after a dictionary change (terms, synonyms) and diff the two files: every place where a new
/// word re-cuts regulation text shows up (国安 inside 联合国安理会).</remarks>
internal sealed class SegmentCorpusVerb : IToolVerb
{
    public string Name => "segment-corpus";

    public string Summary => "Print jieba's cut of every line of the shared regulations (to diff before/after a dictionary change).";

    public async Task<int> RunAsync(string[] args)
    {
        var segmenter = ChineseSegmenter.Instance;
        await using var output = args.Length > 0 ? new StreamWriter(args[0]) : new StreamWriter(Console.OpenStandardOutput());
        var ends = new List<int>();
        foreach (var file in Directory.GetFiles(RepoPaths.SharedRegulations, "*.md").Order(StringComparer.Ordinal))
        {
            var number = 0;
            foreach (var line in await File.ReadAllLinesAsync(file))
            {
                number++;
                var folded = TextNormalizer.Fold(line);
                ends.Clear();
                segmenter.Cut(folded, ends);
                var start = 0;
                var words = new List<string>(ends.Count);
                foreach (var end in ends)
                {
                    words.Add(folded[start..end]);
                    start = end;
                }

                await output.WriteLineAsync($"{Path.GetFileName(file)}:{number}\t{string.Join(' ', words)}");
            }
        }

        return 0;
    }
}
