using Lucene.Net.Analysis;
using Lucene.Net.Documents;
using ObligationTracker.Search.Analysis;

namespace ObligationTracker.Search.Indexing;

/// <summary>A <see cref="StringField"/> (one term, as written, not analysed) whose token is replayed by a stream shared with
/// the other keyword fields of a batch of documents.</summary>
/// <remarks>Lucene's StringField makes a token stream with attributes of its own for every field instance it indexes, which
/// in Lucene.Net goes through reflection (and a lock): for the article numbers, types and modalities of every document, a
/// few percent of indexing. The index holds the same term either way.</remarks>
internal sealed class KeywordField(string name, string value, KeywordTokenStream stream, Field.Store store)
    : Field(name, value, store == Field.Store.YES ? StringField.TYPE_STORED : StringField.TYPE_NOT_STORED)
{
    public override TokenStream GetTokenStream(Analyzer analyzer) => stream.Of(GetStringValue());
}
