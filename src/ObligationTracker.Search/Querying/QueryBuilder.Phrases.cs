using Lucene.Net.Index;
using Lucene.Net.Search;
using ObligationTracker.Search.Analysis;

namespace ObligationTracker.Search.Querying;

/// <summary>Words that must stand in the text as typed: quoted phrases and required words, matched as phrases of
/// character pairs in the text or the title.</summary>
internal sealed partial class QueryBuilder
{
    private Query? Required(string text, bool highlight)
    {
        var numbers = new BooleanQuery(disableCoord: true);
        var rest = AddDocumentNumbers(text, numbers);
        var requirement = new BooleanQuery(disableCoord: true);
        foreach (var part in rest.Split(' ', StringSplitOptions.RemoveEmptyEntries))
            if (Exact(part, highlight, Phrase: false) is { } exact) requirement.Add(exact, Occur.MUST);
        if (numbers.Clauses.Count > 0) requirement.Add(numbers, Occur.MUST);
        if (requirement.Clauses.Count == 0) return null;
        // Required words are still ranked like plain words.
        var query = new BooleanQuery(disableCoord: true) { { requirement, Occur.MUST } };
        if (Ranked(rest, highlight: false) is { } ranked) query.Add(ranked, Occur.SHOULD);
        return query;
    }

    /// <summary>The text as consecutive characters in the article text or the title.</summary>
    private Query? Exact(string text, bool highlight, bool Phrase)
    {
        var folded = TextNormalizer.Fold(text);
        // Chinese is written without spaces: one between two Han characters of a phrase ("数据 安全", pasted from a PDF's
        // spaced-out heading) is no part of what the text says. Between Latin words it is ("basel iii").
        if (Phrase) folded = SpaceBetweenHan().Replace(folded, "");
        var either = new BooleanQuery(disableCoord: true);
        foreach (var field in new[] { _fields.TextBigrams, _fields.TitleBigrams }.OfType<string>())
        {
            var tokens = Analyse(field, folded);
            if (tokens.Count == 0) continue;
            if (tokens.Count == 1)
            {
                either.Add(Single(field, tokens[0].Term), Occur.SHOULD);
                continue;
            }

            either.Add(BoundedPhrase(field, tokens), Occur.SHOULD);
        }

        // A lone Han character is indexed as a unigram only where it stands alone; jieba's field finds it as a word. Only
        // where it is all that was typed: of "A类" or "T+1" the words leave 类 or 1 alone (a, t are stop words there).
        var words = _segmenter.Words(folded);
        if (words.Count == 1 && words[0].Length == 1 && folded.Trim() == words[0])
            either.Add(new TermQuery(new Term(_fields.Text, words[0])), Occur.SHOULD);
        if (either.Clauses.Count == 0) return null;
        if (highlight)
        {
            foreach (var word in words) HighlightTerms.Add(word);
            if (Phrase) HighlightTerms.Add(folded.Trim()); // marked whole where it stands as typed
        }

        if (Phrase) either.Boost = _weights.Phrase;
        return either;
    }

    /// <summary>The analysed tokens as an exact phrase over <paramref name="field"/> (a bigram field: positions kept).</summary>
    private static PhraseQuery ExactPhrase(string field, List<(string Term, int Position)> tokens)
    {
        var phrase = new PhraseQuery();
        foreach (var (term, position) in tokens) phrase.Add(new Term(field, term), position);
        return phrase;
    }

    /// <summary>The tokens as an exact phrase, where a lone Han character at either end (年 of 未满3年, 第 of 第3条) also
    /// matches the pairs the text makes of it with its neighbour beyond the phrase (年的, 法第): the index holds a Han
    /// character as a unigram only where it stands alone, so the plain phrase would find nothing.</summary>
    private Query BoundedPhrase(string field, List<(string Term, int Position)> tokens)
    {
        var (opens, closes) = (IsLoneHan(tokens[0].Term), IsLoneHan(tokens[^1].Term));
        if (reader is null || !(opens || closes)) return ExactPhrase(field, tokens);
        var phrase = new MultiPhraseQuery();
        for (var k = 0; k < tokens.Count; k++)
        {
            var terms = new List<Term> { new(field, tokens[k].Term) };
            if (k == 0 && opens) terms.AddRange(Pairs(field, tokens[k].Term, ending: true));
            if (k == tokens.Count - 1 && closes) terms.AddRange(Pairs(field, tokens[k].Term, ending: false));
            phrase.Add([.. terms], tokens[k].Position);
        }

        return phrase;
    }

    /// <summary>One token exactly: a lone Han character (罚, 税 in "罚", +税, -罚) also as every character pair the text makes
    /// of it, since the index holds it as a unigram only where it stands alone.</summary>
    private Query Single(string field, string term)
    {
        if (reader is null || !IsLoneHan(term)) return new TermQuery(new Term(field, term));
        // A filter, not a disjunction: a common character (的) makes thousands of pairs, more than a query's clauses.
        List<Term> terms = [new(field, term), .. Pairs(field, term, ending: false), .. Pairs(field, term, ending: true)];
        return new ConstantScoreQuery(new Lucene.Net.Queries.TermsFilter(terms));
    }

    private static bool IsLoneHan(string term) => term.Length == 1 && char.GetUnicodeCategory(term[0]) == System.Globalization.UnicodeCategory.OtherLetter;

    /// <summary>The index's character pairs of <paramref name="field"/> that start (or, with <paramref name="ending"/>, end)
    /// with the character: a seek for those starting with it, a walk over the field's terms for those ending with it (only
    /// for a quoted phrase opening with a lone character, which is rare).</summary>
    private IEnumerable<Term> Pairs(string field, string character, bool ending)
    {
        var terms = MultiFields.GetTerms(reader!, field);
        if (terms is null) yield break;
        var target = new Lucene.Net.Util.BytesRef(character);
        var e = terms.GetEnumerator();
        if (!ending && e.SeekCeil(target) == TermsEnum.SeekStatus.END) yield break;
        for (var more = ending ? e.MoveNext() : true; more; more = e.MoveNext())
        {
            var bytes = e.Term;
            var starts = Lucene.Net.Util.StringHelper.StartsWith(bytes, target);
            if (!ending && !starts) yield break; // past the terms starting with it
            if (bytes.Length != 2 * target.Length) continue;
            if (ending ? Lucene.Net.Util.StringHelper.EndsWith(bytes, target) : starts) yield return new Term(field, Lucene.Net.Util.BytesRef.DeepCopyOf(bytes));
        }
    }

    [System.Text.RegularExpressions.GeneratedRegex(@"(?<=\p{IsCJKUnifiedIdeographs})\s+(?=\p{IsCJKUnifiedIdeographs})")]
    private static partial System.Text.RegularExpressions.Regex SpaceBetweenHan();
}
