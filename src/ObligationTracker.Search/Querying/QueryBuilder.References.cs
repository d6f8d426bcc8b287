using Lucene.Net.Index;
using Lucene.Net.Search;
using ObligationTracker.Search.Analysis;
using ObligationTracker.Search.Indexing;

namespace ObligationTracker.Search.Querying;

/// <summary>What a query says beyond its words: the regulation or article it names (金规〔2024〕24号, 《个人信息保护法》,
/// 第二十八条), a question after a term's meaning (什么是预付卡), the topic beside a document number as written.</summary>
internal sealed partial class QueryBuilder
{
    /// <summary>With a document number naming the regulation, the topic typed beside it chooses the article: each chunk of
    /// it (text between spaces, two words or more) found as written counts once, however often it is repeated, so the
    /// article that says 自持物业型住房租赁企业 beats the one that says 住房, 租赁 and 企业 many times apart.</summary>
    private Query? Chunks(string text)
    {
        if (_weights.Chunk <= 0) return null;
        var any = new BooleanQuery(disableCoord: true) { Boost = _weights.Chunk };
        foreach (var chunk in text.Split([' ', '\u3000'], StringSplitOptions.RemoveEmptyEntries))
        {
            var folded = TextNormalizer.Fold(chunk);
            if (folded.Length is < 4 or > 16 || _segmenter.Words(folded).Count < 2) continue;
            var tokens = Analyse(_fields.TextBigrams, folded);
            if (tokens.Count < 2 || tokens[^1].Position != tokens.Count - 1) continue; // an unbroken run of characters only
            any.Add(new ConstantScoreQuery(ExactPhrase(_fields.TextBigrams, tokens)), Occur.SHOULD);
        }

        return any.Clauses.Count > 0 ? any : null;
    }

    /// <summary>The topic's characters in pairs too, across the typed words' boundaries, scored in the named regulation's
    /// articles: the article that says 开立个人养老金资金账户 for 个人养老金资金账户开立 shares most of them, where the words
    /// alone cannot tell it apart.</summary>
    private Query? TopicBigrams(string text)
    {
        if (_weights.TopicBigrams <= 0) return null;
        var grams = new BooleanQuery(disableCoord: false) { Boost = _weights.TopicBigrams };
        foreach (var gram in Analyse(_fields.TextBigrams, TextNormalizer.Fold(text)).Select(t => t.Term).Distinct())
        {
            var term = new Term(_fields.TextBigrams, gram);
            if (reader is null) grams.Add(new TermQuery(term), Occur.SHOULD);
            else if (Context(term) is { DocFreq: > 0 } context) grams.Add(new TermQuery(term, context), Occur.SHOULD); // looked up once per query
        }

        return grams.Clauses.Count > 0 ? grams : null;
    }

    /// <summary>The text without its article references (第十二条, 第12条), each recorded in <see cref="ArticleReferences"/>.</summary>
    private string TakeArticleReferences(string text)
    {
        if (!text.Contains('条')) return text;
        return ArticleRoles.ArticleNumber().Replace(text, m =>
        {
            // Arabic, full-width and Chinese numerals alike.
            if (Core.Structure.ChineseNumber.TryParse(m.Groups[1].Value, out var number) && number is > 0 and < 10_000) ArticleReferences.Add(number);
            return new string(' ', m.Length);
        });
    }

    /// <summary>The question asks what a term means (什么是预付卡, 重要数据是指什么, 客户备付金的定义): the article that
    /// defines it (本办法所称预付卡，是指…; 重要数据，是指…) answers, though it may mention the term once.</summary>
    [System.Text.RegularExpressions.GeneratedRegex(@"什么是|是什么意思|是什么|是指什么|指的是什么|指什么|什么叫|何为|何谓|的定义|的含义|怎么定义|如何定义")]
    private static partial System.Text.RegularExpressions.Regex DefinitionQuestion();

    /// <summary>Whether <paramref name="text"/> asks what a term means (see <see cref="DefinitionQuestion"/>).</summary>
    public static bool AsksDefinition(string text) => DefinitionQuestion().IsMatch(text);

    /// <summary>For each typed word, the definition forms as exact phrases over the bigrams: 所称X, X是指, X，是指 (a bare X是 opens too many sentences).</summary>
    private void AddDefinitions(List<string> words, BooleanQuery into)
    {
        if (_weights.Definition <= 0) return;
        var forms = new BooleanQuery(disableCoord: true);
        foreach (var word in words.Where(w => w.Length >= 2))
            foreach (var form in new[] { "所称" + word, word + "是指", word + "，是指" })
            {
                var tokens = Analyse(_fields.TextBigrams, form);
                if (tokens.Count < 2) continue;
                forms.Add(ExactPhrase(_fields.TextBigrams, tokens), Occur.SHOULD);
            }

        if (forms.Clauses.Count > 0) into.Add(new ConstantScoreQuery(forms) { Boost = _weights.Definition }, Occur.SHOULD);
    }

    /// <summary>A regulation named in book-title marks (《个人信息保护法》), or by a typed word that ends as titles do
    /// (数据安全管理办法, 反洗钱法), ranks its articles above articles that only cite it: the name must stand in the title as
    /// consecutive characters.</summary>
    private void AddTitleReferences(string text, BooleanQuery into)
    {
        if (_weights.TitleReference <= 0 || _fields.TitleBigrams is not { } titleBigrams) return;
        var names = new HashSet<string>(StringComparer.Ordinal);
        var bracketed = new HashSet<string>(StringComparer.Ordinal);
        foreach (System.Text.RegularExpressions.Match m in TitleReference().Matches(text))
            if (names.Add(m.Groups[1].Value)) bracketed.Add(m.Groups[1].Value);
        foreach (var chunk in text.Split([' ', '\u3000', '《', '》'], StringSplitOptions.RemoveEmptyEntries))
            // Three characters only for a law (保险法, 证券法, 票据法): shorter endings make too many everyday words (本办法, 新规定).
            if ((chunk.Length >= 4 || chunk.Length == 3 && chunk[^1] == '法') && TitleEndings.Any(e => chunk.EndsWith(e, StringComparison.Ordinal))) names.Add(chunk);
        foreach (var written in names)
        {
            var name = TextNormalizer.Fold(written).Trim();
            if (name.StartsWith("中华人民共和国", StringComparison.Ordinal)) name = name["中华人民共和国".Length..];
            var tokens = Analyse(titleBigrams, name);
            if (tokens.Count < 2) continue;
            var phrase = ExactPhrase(titleBigrams, tokens);
            into.Add(new ConstantScoreQuery(phrase) { Boost = _weights.TitleReference }, Occur.SHOULD);
            if (reader is null || !(bracketed.Contains(written) || _weights.ExactTitle > 0)) continue;
            // The articles' titles are asked, as a provision search would miss a regulation without provisions.
            var exact = new ExactTitles(name);
            new IndexSearcher(reader).Search(ExactPhrase(ArticleFields.TitleBigrams, tokens), exact);
            // A name the user put in 《》 and no title holds is said so; words that merely end like a title are not.
            if (bracketed.Contains(written) && exact.Regulations == 0) UnknownTitles.Add(written);
            // The regulation of that very title above those whose longer titles hold it (…实施细则, …的通知).
            if (_weights.ExactTitle <= 0 || exact.Files.Count == 0) continue;
            var regulations = new BooleanQuery(disableCoord: true);
            foreach (var file in exact.Files) regulations.Add(new TermQuery(new Term(ArticleFields.Regulation, file)), Occur.SHOULD);
            into.Add(new ConstantScoreQuery(regulations) { Boost = _weights.ExactTitle }, Occur.SHOULD);
        }
    }

    private static readonly string[] TitleEndings = ["法", "条例", "办法", "规定", "规则", "细则", "通知", "意见", "指引", "决定"];

    [System.Text.RegularExpressions.GeneratedRegex(@"《([^《》]{2,60})》")]
    private static partial System.Text.RegularExpressions.Regex TitleReference();

    /// <summary>The names typed between 《》 that no indexed regulation's title holds: only the other words find anything.</summary>
    public List<string> UnknownTitles { get; } = [];

    /// <summary>The document numbers typed that no regulation in the index has (folded as the index folds them): they
    /// match nothing, so the other words alone choose what is found.</summary>
    public List<string> UnknownNumbers { get; } = [];

    private string AddDocumentNumbers(string text, BooleanQuery into)
    {
        var found = DocumentNumberKeys.Find(text);
        if (found.Count == 0) return text;
        var folded = TextNormalizer.Fold(text).ToCharArray();
        var known = false;
        var numbers = new BooleanQuery(disableCoord: true);
        foreach (var number in found)
        {
            var numberKnown = false;
            var best = new DisjunctionMaxQuery(0f);
            // The longest prefix the index holds (without an index, the whole prefix): the issuer part of what was typed.
            var issuer = 0;
            // An issuer typed (two characters or more) must be one the number has: 金规〔2019〕41号 is not 银发〔2019〕41号,
            // nor 银保监会令〔2021〕第3号 the central bank's 令〔2021〕第3号. The kind alone (285号令) or no prefix at all
            // (〔2019〕41号) leaves the year and serial to name it.
            var typedIssuer = number.Keys.Count > 0 && number.Keys.Max(k => k.PrefixLength) >= DocumentNumberKeys.MinimumPrefix;
            // Its year and serial alone (every regulation numbered so, whoever issued it), and whether it is an order (…令).
            var bare = new Term(ArticleFields.DocumentNumberKey, DocumentNumberKeys.Key("", number.Year, number.Serial));
            var order = number.Keys.Any(k => k.PrefixLength == 1);
            // Keys are the typed prefix and its suffixes, longest first; an article matching one matches every shorter
            // one too, so with an index at hand the longest it holds is all the maximum needs.
            foreach (var (key, prefixLength) in number.Keys)
            {
                if (typedIssuer && prefixLength < DocumentNumberKeys.MinimumPrefix) continue;
                var term = new Term(ArticleFields.DocumentNumberKey, key);
                if (reader is not null && DocFreq(term) == 0) continue;
                numberKnown = true;
                if (issuer == 0) issuer = prefixLength;
                best.Add(new ConstantScoreQuery(new TermQuery(term))
                {
                    Boost = _weights.DocumentNumber * (1f + Math.Min(prefixLength, 10) / 10f),
                });
                if (reader is not null) break;
            }

            // A loosely named order scores as its kind alone (285号令) did, any other number as its year and serial: the
            // re-rankings that follow raise by factors of the score, which this constant is part of.
            var looseBoost = order ? _weights.DocumentNumber * 1.1f : _weights.DocumentNumber / 4;
            // An issuer typed loosely (国令 for 国务院令, 人行银保监令 for a joint order, 中国人民银行 without 公告): the regulations
            // with that year and serial whose issuer holds the typed characters in order.
            if (typedIssuer && !numberKnown && reader is not null && Compatible(number, bare) is { Count: > 0 } compatible)
            {
                numberKnown = true;
                var regulations = new BooleanQuery(disableCoord: true);
                foreach (var file in compatible) regulations.Add(new TermQuery(new Term(ArticleFields.Regulation, file)), Occur.SHOULD);
                best.Add(new ConstantScoreQuery(new BooleanQuery(disableCoord: true)
                {
                    { new TermQuery(bare), Occur.MUST },
                    { regulations, Occur.MUST },
                })
                {
                    Boost = looseBoost,
                });
            }

            // Typed without its year (第3号令, 人民银行令第3号, 银发第29号): the numbers with that prefix and serial in any year, the
            // other words choosing among them.
            if (!numberKnown && reader is not null && number.Year.Length == 0 && AnyYear(number, typedIssuer) is ({ Count: > 0 } years, var length))
            {
                numberKnown = true;
                issuer = length;
                var any = new BooleanQuery(disableCoord: true);
                foreach (var term in years) any.Add(new TermQuery(term), Occur.SHOULD);
                best.Add(new ConstantScoreQuery(any) { Boost = looseBoost });
            }

            // A prefix the index knows from no number at all (三部门令, 人民银行…号文, a topic glued to 489号令) is a loose way
            // of naming the issuer: the year and serial name the number, as where none is typed. A prefix other numbers
            // have (金规, 银发, …会令) names an issuer this number is not from.
            var otherIssuer = typedIssuer && !numberKnown && reader is not null ? KnownPrefixLength(number) : 0;
            if (!typedIssuer || (!numberKnown && reader is not null && otherIssuer == 0))
            {
                numberKnown |= reader is not null && DocFreq(bare) > 0;
                best.Add(new ConstantScoreQuery(new TermQuery(bare))
                {
                    Boost = typedIssuer ? looseBoost : _weights.DocumentNumber / 4,
                });
            }

            // Another issuer's prefix names no topic (银发 of 银发〔2022〕3号 where that number is unknown): not searched as words.
            if (otherIssuer > 0) issuer = otherIssuer;
            // An order named loosely (三部门令, 人行银保监令): its 令 is the number's kind, not a topic word.
            else if (numberKnown && issuer == 0 && order) issuer = 1;
            known |= numberKnown;
            if (reader is not null && !numberKnown) UnknownNumbers.Add(new string(folded, number.Start, number.Length).Trim());
            // A number no regulation has still stands in the query, matching nothing: typed alone, it finds nothing.
            if (best.Disjuncts.Count == 0) best.Add(new TermQuery(new Term(ArticleFields.DocumentNumberKey, number.Keys[0].Key)));
            numbers.Add(best, Occur.SHOULD);
            // The prefix may hold the topic glued to the issuer (数据分类分级金规〔2024〕24号): only the issuer part the
            // index knows goes with the number; the words before it stay to choose the article. An unknown number's
            // prefix (issuer 0) stays whole: it may still name the topic or issuer in words.
            var prefix = number.Keys.Count > 0 ? number.Keys[0].PrefixLength : 0;
            var keep = Math.Max(0, Math.Min(number.Lead, prefix - issuer));
            // An issuer's short name glued to the number names the issuer too, though the index holds the name in full
            // (银监会2005年7号公告 for …委员会公告〔2005〕第7号): it is not part of the topic.
            var lead = new string(folded, number.Start, number.Lead);
            if (lead.EndsWith("公告", StringComparison.Ordinal)) lead = lead[..^2]; // 银监会公告〔2005〕第7号
            else if (lead.EndsWith('令')) lead = lead[..^1];
            if (IssuerNames.NameEnding(lead) is { } name) keep = Math.Max(0, Math.Min(keep, lead.Length - name.Length));
            Array.Fill(folded, ' ', number.Start + keep, number.Length - keep);
        }

        // A number the index knows names the regulation(s) searched: their articles alone are ranked by the other words (and
        // scored, which keeps such queries cheap). A number it does not know leaves the search to the words.
        if (known)
        {
            into.Add(numbers, Occur.MUST);
            _restrictedToNumber = true;
            BlankIssuerNames(folded);
        }
        else
        {
            foreach (var clause in numbers.Clauses) into.Add(clause.Query, Occur.SHOULD);
        }

        return new string(folded);
    }

    /// <summary>The regulations whose number has the year and serial of <paramref name="number"/> and whose prefix holds the
    /// typed prefix's characters in order (国令 in 国务院令): a loose abbreviation of the same issuer, not another issuer.</summary>
    /// <param name="bare">The key of its year and serial alone.</param>
    private List<string> Compatible(DocumentNumberKeys.FoundNumber number, Term bare)
    {
        var typed = number.Keys[0].Key[..number.Keys[0].PrefixLength];
        var found = new List<string>();
        var stored = new HashSet<string> { ArticleFields.DocumentNumber };
        foreach (var leaf in reader!.Leaves)
        {
            var segment = leaf.AtomicReader;
            if (segment.GetTermDocsEnum(bare) is not { } postings || segment.GetSortedDocValues(ArticleFields.Regulation) is not { } files) continue;
            var seen = new HashSet<int>(); // regulations of this segment by ordinal
            for (var doc = postings.NextDoc(); doc != DocIdSetIterator.NO_MORE_DOCS; doc = postings.NextDoc())
            {
                // A regulation's articles come first in its block and carry the number; its provisions do not.
                var ordinal = files.GetOrd(doc);
                if (seen.Contains(ordinal) || segment.Document(doc, stored).Get(ArticleFields.DocumentNumber) is not { } written) continue;
                seen.Add(ordinal);
                var keys = DocumentNumberKeys.ForIndex(written);
                if (keys.Count > 0 && InOrder(typed, keys[0][..keys[0].IndexOf('|')]))
                {
                    var file = new Lucene.Net.Util.BytesRef();
                    files.LookupOrd(ordinal, file);
                    found.Add(file.Utf8ToString());
                }
            }
        }

        return found;
    }

    /// <summary>The length of the longest ending of the typed prefix (…会令 of 银保监会令) that is the prefix of some number in
    /// the index, or 0.</summary>
    private int KnownPrefixLength(DocumentNumberKeys.FoundNumber number)
    {
        if (MultiFields.GetTerms(reader!, ArticleFields.DocumentNumberKey)?.GetEnumerator() is not { } terms) return 0;
        foreach (var (key, length) in number.Keys)
        {
            if (length < DocumentNumberKeys.MinimumPrefix) continue;
            if (KeysOfPrefix(terms, key[..length]).Any()) return length;
        }

        return 0;
    }

    /// <summary>The keys of the index with the longest prefix typed (down to the kind alone, 令, where no issuer was typed)
    /// and the number's serial, in any year; and that prefix's length.</summary>
    private (List<Term> Keys, int PrefixLength) AnyYear(DocumentNumberKeys.FoundNumber number, bool typedIssuer)
    {
        if (MultiFields.GetTerms(reader!, ArticleFields.DocumentNumberKey)?.GetEnumerator() is not { } terms) return ([], 0);
        var ending = "|" + number.Serial;
        foreach (var (key, length) in number.Keys)
        {
            if (typedIssuer && length < DocumentNumberKeys.MinimumPrefix) continue;
            // The year between the separators: prefix|yyyy|serial.
            var found = KeysOfPrefix(terms, key[..length])
                .Where(text => text.EndsWith(ending, StringComparison.Ordinal) && text.Length == length + 1 + 4 + ending.Length)
                .Select(text => new Term(ArticleFields.DocumentNumberKey, text)).ToList();
            if (found.Count > 0) return (found, length);
        }

        return ([], 0);
    }

    /// <summary>The document-number keys of the index with the prefix <paramref name="prefix"/> (any year and serial).</summary>
    private static IEnumerable<string> KeysOfPrefix(TermsEnum terms, string prefix)
    {
        var start = new Lucene.Net.Util.BytesRef(prefix + "|"); // the prefix and its separator
        if (terms.SeekCeil(start) == TermsEnum.SeekStatus.END) yield break;
        do
        {
            if (!Lucene.Net.Util.StringHelper.StartsWith(terms.Term, start)) yield break;
            yield return terms.Term.Utf8ToString();
        }
        while (terms.MoveNext());
    }

    /// <summary>Whether every character of <paramref name="part"/> stands in <paramref name="whole"/>, in the same order.</summary>
    private static bool InOrder(string part, string whole)
    {
        var at = 0;
        foreach (var c in part)
        {
            at = whole.IndexOf(c, at) + 1;
            if (at == 0) return false;
        }

        return true;
    }

    /// <summary>Blanks the issuers named apart from a known number (人民银行 银监会2005年7号公告, 人民银行、银监会…): the number
    /// has named the regulation, and its issuers' names would otherwise choose the articles that mention them.</summary>
    private static void BlankIssuerNames(char[] folded)
    {
        var start = 0;
        for (var i = 0; i <= folded.Length; i++)
        {
            if (i < folded.Length && !char.IsWhiteSpace(folded[i]) && folded[i] is not ('、' or '，' or ',' or '；' or ';')) continue;
            if (i > start && IssuerNames.IsName(new string(folded, start, i - start))) Array.Fill(folded, ' ', start, i - start);
            start = i + 1;
        }
    }
}
