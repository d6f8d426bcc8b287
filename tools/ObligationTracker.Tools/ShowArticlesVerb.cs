namespace ObligationTracker.Tools;

/// <summary><c>show-articles FILE [N...] [--grep WORD]</c>: prints parsed articles, to judge relevance sets against the texts.</summary>
internal sealed class ShowArticlesVerb : IToolVerb
{
    public string Name => "show-articles";

    public string Summary => "Print a regulation's parsed articles (all, numbers given, or those containing --grep WORD across the corpus).";

    public Task<int> RunAsync(string[] args)
    {
        var grep = args.SkipWhile(a => a != "--grep").Skip(1).FirstOrDefault();
        var numbers = args.Where(a => int.TryParse(a, out _)).Select(int.Parse).ToHashSet();
        var files = args.Where(a => !int.TryParse(a, out _) && a != "--grep" && a != grep)
            .Select(a => File.Exists(a) || Directory.Exists(a) ? a : Path.Combine(RepoPaths.SharedRegulations, a)).ToArray();
        foreach (var regulation in CorpusRegulations.Load(files))
        {
            foreach (var article in regulation.Articles)
            {
                if (numbers.Count > 0 && !numbers.Contains(article.Number)) continue;
                if (grep is not null && !grep.Split('+').All(g => article.Text.Contains(g, StringComparison.Ordinal))) continue;
                Console.WriteLine($"{regulation.File}#{article.Number}{(article.InAttachment ? "(att)" : "")} [{regulation.Title}] {article.Heading} {article.Text.Replace('\n', ' ')}");
            }
        }

        return Task.FromResult(0);
    }
}
