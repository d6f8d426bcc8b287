using Lucene.Net.Analysis;
using Lucene.Net.Analysis.TokenAttributes;
using Lucene.Net.Index;
using Lucene.Net.Search;
using ObligationTracker.Search.Analysis;
using ObligationTracker.Search.Indexing;

namespace ObligationTracker.Search.Querying;

/// <summary>Turns a parsed query into a Lucene query over the fields of articles (or of provisions), and collects the words to highlight.</summary>
/// <remarks>
/// Plain words are ranked (BM25F) over the article text and the title (boosted), and on their own in the lead, with their domain
/// synonyms, thesaurus alternatives and character bigrams at lower weights; a document number in them matches the
/// regulation exactly. Required (AND, +) and excluded (NOT, -) words and quoted phrases are matched as consecutive
/// characters through the bigram fields, so they do not depend on how jieba segments the query.
/// </remarks>
/// <param name="fields">The fields of the kind of document searched (articles unless given).</param>
internal sealed partial class QueryBuilder(QueryWeights weights, IndexReader? reader = null, ScoreAccumulators? accumulators = null, SearchFields? fields = null)
{
    private static readonly Analyzer Bigrams = new BigramAnalyzer();
    private static readonly HashSet<string> NoField = [];
    private readonly ChineseSegmenter _segmenter = ChineseSegmenter.Instance;
    private readonly SearchFields _fields = fields ?? SearchFields.Articles;
    private readonly QueryWeights _weights = weights;

    /// <summary>Documents of the kind searched, deleted ones included as in Lucene's statistics: what "most documents" is counted against.</summary>
    private readonly int _documents = reader is null ? 0 : reader.DocFreq(new Term(ArticleFields.Kind, (fields ?? SearchFields.Articles).Kind));

    /// <summary>Each term looked up once per query: its frequency decides whether and how it is searched, and the
    /// query's weight reuses the lookup instead of seeking the term dictionaries again.</summary>
    private readonly Dictionary<Term, TermContext> _contexts = [];

    public HashSet<string> HighlightTerms { get; } = new(StringComparer.Ordinal);

    /// <summary>Per ranked typed word, its terms in the text field (the word and its expansions): what <see cref="FirstMentions"/> looks for.</summary>
    public IReadOnlyList<IReadOnlyList<WordsQuery.WeightedTerm>> TopicWords => _topicWords;

    private readonly List<IReadOnlyList<WordsQuery.WeightedTerm>> _topicWords = [];

    /// <summary>Documents of the kind searched (see <see cref="_documents"/>).</summary>
    public int Documents => _documents;

    /// <summary>True where a long query (a question, a paraphrase: six words or more) asks most of its words to match: a
    /// search finding little relaxes it. A shorter query is typed with care; what it finds is what it asked for.</summary>
    public bool RequiresMostWords { get; private set; }

    private const int LongQuery = 6;

    /// <summary>True once a document number the index knows has restricted the query to its regulation(s): the topic typed
    /// beside it then chooses among that regulation's articles.</summary>
    private bool _restrictedToNumber;

    /// <summary>The text typed beside a document number the index knows (its topic), else empty.</summary>
    public string NumberTopic { get; private set; } = "";

    /// <summary>The Lucene query, or null where nothing searchable is left (only stop words or punctuation).</summary>
    public Query? Build(GroupNode group, bool positive = true)
    {
        var query = new BooleanQuery(disableCoord: true);
        var any = false;
        foreach (var clause in group.Clauses)
        {
            var inner = clause switch
            {
                { Node: GroupNode g } => Build(g, positive && clause.Occurrence != Occurrence.MustNot),
                { Node: PhraseNode p } => Exact(p.Text, positive && clause.Occurrence != Occurrence.MustNot, Phrase: true),
                { Node: TextNode t, Occurrence: Occurrence.Should } => Ranked(t.Text, positive),
                { Node: TextNode t } => Required(t.Text, positive && clause.Occurrence != Occurrence.MustNot),
                _ => null,
            };
            if (inner is null) continue;
            any = true;
            query.Add(inner, clause.Occurrence switch
            {
                Occurrence.Must => Occur.MUST,
                Occurrence.MustNot => Occur.MUST_NOT,
                _ => Occur.SHOULD,
            });
        }

        return any ? query : null;
    }

    /// <summary>Article numbers the query names (第二十八条, 第28条): taken out of its words, the searcher puts each
    /// regulation's article of that number first (<see cref="ArticleSearcher"/>).</summary>
    public HashSet<int> ArticleReferences { get; } = [];

    private Query? Ranked(string text, bool highlight)
    {
        var query = new BooleanQuery(disableCoord: true);
        var rest = TakeArticleReferences(AddDocumentNumbers(text, query));
        if (_restrictedToNumber) NumberTopic += " " + rest;
        AddTitleReferences(rest, query);
        var asksDefinition = AsksDefinition(rest);
        if (asksDefinition) rest = DefinitionQuestion().Replace(rest, " ");
        var folded = TextNormalizer.Fold(rest);
        var words = _segmenter.Words(folded, _weights.InnerWords).Distinct().ToList();
        if (asksDefinition) AddDefinitions(words, query);
        var dictionary = _segmenter.Dictionary;

        // One part per typed word, holding its synonyms; the coverage factor favours articles that match more of them.
        var parts = new List<WordsQuery.Part>();
        var expansions = new HashSet<string>(words, StringComparer.Ordinal);
        foreach (var word in words)
        {
            var terms = new List<WordsQuery.WeightedTerm>();
            AddWord(terms, word, 1f);
            var searched = terms.Count > 0;
            // A two-character word is also its own character pair: found so where the text's segmentation cut it apart
            // (移交给 → 移交 给 against a query's 交给), it still counts as the word matched.
            if (_weights.WordBigrams > 0 && word.Length == 2 && HanBigrams.IsHan(word[0]) && HanBigrams.IsHan(word[1]))
                terms.AddRange(Weighted(_fields.TextBigrams, word, _weights.WordBigrams, 1f));
            if (highlight) HighlightTerms.Add(word);
            if (dictionary.Synonyms.TryGetValue(word, out var targets) && !IsLatinFragment(folded, word))
                AddExpansions(terms, targets, _weights.Synonym, highlight, expansions);
            // The general thesaurus only widens a word that is searched itself: a word too common to search (机构, 管理)
            // would otherwise be replaced by its loose alternatives (组织, 部门), as common and unrelated to the query.
            if (_weights.Thesaurus > 0 && searched && dictionary.Thesaurus.TryGetValue(word, out var alternatives))
                AddExpansions(terms, alternatives.Take(4), _weights.Thesaurus, highlight: false, expansions);
            parts.Add(new WordsQuery.Part(terms, IsWord: true));
            if (terms.Where(t => t.Term.Field == _fields.Text).ToList() is { Count: > 0 } textTerms) _topicWords.Add(textTerms);
        }

        // The scorer counts matched words in 7 bits.
        if (parts.Count > 127) throw new BooleanQuery.TooManyClausesException();

        // Most typed words must match (with their synonyms): fewer, better candidates.
        var minimum = parts.Count >= 3 && _weights.MinimumWordShare > 0 ? (int)Math.Floor(_weights.MinimumWordShare * parts.Count) : 0;
        var mostWords = minimum > 0 && parts.Count >= LongQuery;
        if (mostWords) RequiresMostWords = true;
        // While a long query needs most of its words, the extra parts only add to the articles that have them: admitting
        // articles on a bigram of one word (第一 of 第一批) would count as finding something, and keep the search from being
        // retried with any word enough.
        var extrasAdmit = !(mostWords && _weights.StrictLongQueries);
        if (Proximity(words) is { } near) query.Add(near, Occur.SHOULD);
        // Only the named regulation's articles are scored (the number is required), so the topic is matched there alone.
        if (_restrictedToNumber && Chunks(rest) is { } chunks) query.Add(chunks, Occur.SHOULD);
        if (_restrictedToNumber && TopicBigrams(rest) is { } grams) query.Add(grams, Occur.SHOULD);

        // Rules whose left side spans or hides inside the typed words (支付公司 in 第三方支付公司, 多久 dropped as a stop word).
        // Only on word boundaries: 处罚 → 罚款 must not fire inside 从轻处罚, nor 银行 → 商业银行 inside 商业银行.
        var loose = new List<WordsQuery.WeightedTerm>();
        var boundaries = _segmenter.Boundaries(folded);
        foreach (var (from, to) in dictionary.Synonyms)
        {
            // Thousands of rules, few in the query: the text search first (vectorised), the word list only for those found.
            var first = folded.IndexOf(from, StringComparison.Ordinal);
            if (first < 0 || words.Contains(from)) continue;
            for (var at = first; at >= 0; at = folded.IndexOf(from, at + 1, StringComparison.Ordinal))
            {
                if (!boundaries.Contains(at) || !boundaries.Contains(at + from.Length) || InsideLatinWord(folded, at, from.Length)) continue;
                AddExpansions(loose, to, _weights.Synonym, highlight, expansions);
                break;
            }
        }
        if (loose.Count > 0) parts.Add(new WordsQuery.Part(loose, IsWord: false, extrasAdmit));

        // Bigrams catch what jieba segments differently in the query and the text. Common bigrams match most articles and
        // cost time: with an index at hand, only the words the index does not know as words get them.
        if (words.Count > 0)
        {
            var unseen = reader is null || !_weights.BigramsOnlyForUnknownWords
                ? folded
                : string.Join(' ', words.Where(w => DocFreq(new Term(_fields.Text, w)) == 0 && (_fields.Title is null || DocFreq(new Term(_fields.Title, w)) == 0)));
            var bigrams = Analyse(_fields.TextBigrams, unseen).Select(t => t.Term).Distinct().ToList();
            if (_weights.TextBigrams > 0)
                parts.Add(new WordsQuery.Part(bigrams.SelectMany(b => Weighted(_fields.TextBigrams, b, 1f, _weights.TextBigrams, cutCommon: false)).ToList(), IsWord: false, extrasAdmit));
            if (_weights.TitleBigrams > 0 && _fields.TitleBigrams is { } titleBigrams)
                parts.Add(new WordsQuery.Part(bigrams.SelectMany(b => Weighted(titleBigrams, b, 1f, _weights.TitleBigrams, cutCommon: false)).ToList(), IsWord: false, extrasAdmit));
            // The pairs of the rest of the text, at a lower weight: a paraphrase shares characters with the article's
            // wording where it shares no word (资金被冻结 / 冻结资金). Already there when every word got its bigrams.
            if (_weights.QueryBigrams > 0 && reader is not null && _weights.BigramsOnlyForUnknownWords)
            {
                // The rarest few, none in many articles: common pairs cost the most postings and tell the least.
                var all = Analyse(_fields.TextBigrams, folded).Select(t => t.Term).Distinct().Except(bigrams)
                    .SelectMany(b => Weighted(_fields.TextBigrams, b, 1f, _weights.QueryBigrams, cutAbove: _weights.QueryBigramsCutoff))
                    .OrderBy(t => t.Context?.DocFreq ?? 0).Take(_weights.QueryBigramsAtMost).ToList();
                parts.Add(new WordsQuery.Part(all, IsWord: false, Admits: false));
            }
        }

        // Words the index does not hold still make a query (it finds nothing); only a query of stop words makes none.
        if (parts.Count > 0)
        {
            var lead = _fields.Lead;
            var separate = _weights.SeparateLead && lead is not null ? new HashSet<string> { lead } : NoField;
            var fieldK1 = _weights.LeadK1 > 0 && lead is not null ? new Dictionary<string, float> { [lead] = _weights.LeadK1 } : new Dictionary<string, float>();
            query.Add(new WordsQuery(parts.Where(p => p.IsWord || p.Terms.Count > 0).ToList(), minimum, _weights.Coverage, _weights.AcrossFields, separate, accumulators) { FieldK1 = fieldK1, K1 = _restrictedToNumber ? _weights.NumberK1 : 0f, Alternatives = _weights.Alternatives }, Occur.SHOULD);
        }

        return query.Clauses.Count > 0 ? query : null;
    }

    /// <summary>Consecutive typed words found close together in an article's text: the article that speaks of
    /// 听证 and 期限 in one sentence beats one that names them paragraphs apart (BM25 ignores distance).</summary>
    /// <remarks>The jieba fields hold no positions; the character bigrams do, so each pair is a sloppy phrase of bigrams.</remarks>
    private Query? Proximity(List<string> words)
    {
        if (_weights.Proximity <= 0) return null;
        var longer = words.Where(w => w.Length >= 2).ToList();
        var near = new BooleanQuery(disableCoord: true) { Boost = _weights.Proximity };
        for (var i = 0; i + 1 < longer.Count && i < MaximumProximityPairs; i++)
        {
            var phrase = new PhraseQuery { Slop = (int)_weights.ProximitySlop };
            var offset = 0;
            foreach (var word in new[] { longer[i], longer[i + 1] })
            {
                var tokens = Analyse(_fields.TextBigrams, word);
                if (tokens.Count == 0) break;
                foreach (var (term, position) in tokens) phrase.Add(new Term(_fields.TextBigrams, term), offset + position);
                offset += tokens[^1].Position + 2; // the next word's first bigram, were the two words adjacent
            }

            if (phrase.GetTerms().Length >= 2) near.Add(phrase, Occur.SHOULD);
        }

        return near.Clauses.Count > 0 ? near : null;
    }

    private const int MaximumProximityPairs = 4;

    private void AddExpansions(List<WordsQuery.WeightedTerm> into, IEnumerable<string> phrases, float weight, bool highlight, HashSet<string> seen)
    {
        foreach (var phrase in phrases)
            foreach (var word in _segmenter.Words(phrase, _weights.InnerWords))
                if (seen.Add(word))
                {
                    AddWord(into, word, weight);
                    if (highlight) HighlightTerms.Add(word);
                }
    }

    private void AddWord(List<WordsQuery.WeightedTerm> into, string word, float weight)
    {
        into.AddRange(Weighted(_fields.Text, word, _weights.Text, weight));
        if (_fields.Title is { } title) into.AddRange(Weighted(title, word, _weights.Title, weight));
        var leadWeight = _restrictedToNumber ? _weights.NumberLead : _weights.Lead;
        if (leadWeight > 0 && _fields.Lead is { } lead) into.AddRange(Weighted(lead, word, leadWeight, weight));
    }

    /// <summary>The term where the index holds it (without an index, always). A term in most articles of a field (管理 in
    /// titles) ranks little and costs much: with <paramref name="cutCommon"/> it is left out.</summary>
    private IEnumerable<WordsQuery.WeightedTerm> Weighted(string field, string word, float fieldWeight, float weight, bool cutCommon = true, float cutAbove = 0f)
    {
        var term = new Term(field, word);
        if (reader is null) return [new WordsQuery.WeightedTerm(term, fieldWeight, weight, null)];
        var context = Context(term);
        if (context.DocFreq == 0) return [];
        var cutoff = cutAbove > 0 ? cutAbove : _weights.CommonTermCutoff;
        if (cutCommon && _documents > 1000 && context.DocFreq > cutoff * _documents) return [];
        return [new WordsQuery.WeightedTerm(term, fieldWeight, weight, context)];
    }

    /// <summary>The term looked up in every segment, as TermContext.Build does, but with one terms enumerator per segment
    /// and field for the whole query (each enumerator allocates kilobytes of frames).</summary>
    private TermContext Context(Term term)
    {
        if (_contexts.TryGetValue(term, out var context)) return context;
        context = new TermContext(reader!.Context);
        foreach (var leaf in reader.Leaves)
        {
            if (!_termsEnums.TryGetValue((leaf.Ord, term.Field), out var termsEnum))
                _termsEnums[(leaf.Ord, term.Field)] = termsEnum = leaf.AtomicReader.GetTerms(term.Field)?.GetEnumerator();
            if (termsEnum is not null && termsEnum.SeekExact(term.Bytes))
                context.Register(termsEnum.GetTermState(), leaf.Ord, termsEnum.DocFreq, termsEnum.TotalTermFreq);
        }

        return _contexts[term] = context;
    }

    private readonly Dictionary<(int Leaf, string Field), TermsEnum?> _termsEnums = [];

    private int DocFreq(Term term) => Context(term).DocFreq;

    /// <summary>Whether <paramref name="word"/> is Latin letters the segmenter cut out of a longer Latin word of the text
    /// (it of audit, credit): its synonyms (it → 信息科技) are not the longer word's.</summary>
    private static bool IsLatinFragment(string text, string word) =>
        word.All(char.IsAsciiLetterOrDigit) && !LatinWord().Matches(text).Any(m => m.Value == word);

    [System.Text.RegularExpressions.GeneratedRegex("[a-z0-9]+")]
    private static partial System.Text.RegularExpressions.Regex LatinWord();

    /// <summary>Whether the Latin letters at <paramref name="at"/> are part of a longer Latin word (it in credit, audit).</summary>
    private static bool InsideLatinWord(string text, int at, int length) =>
        (char.IsAsciiLetterOrDigit(text[at]) && at > 0 && char.IsAsciiLetterOrDigit(text[at - 1]))
        || (char.IsAsciiLetterOrDigit(text[at + length - 1]) && at + length < text.Length && char.IsAsciiLetterOrDigit(text[at + length]));

    private static List<(string Term, int Position)> Analyse(string field, string text)
    {
        var tokens = new List<(string, int)>();
        using var stream = Bigrams.GetTokenStream(field, text);
        var term = stream.AddAttribute<ICharTermAttribute>();
        var increment = stream.AddAttribute<IPositionIncrementAttribute>();
        stream.Reset();
        var position = -1;
        while (stream.IncrementToken())
        {
            position += increment.PositionIncrement;
            tokens.Add((term.ToString(), position));
        }

        stream.End();
        return tokens;
    }
}
