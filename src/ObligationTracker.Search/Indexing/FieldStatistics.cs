namespace ObligationTracker.Search.Indexing;

/// <summary>What one indexed field holds over the whole index (deleted documents included until merged away): where to
/// look for what a field costs to index (every token is hashed and appended to its term's postings, cheaply where the
/// same few terms repeat, as a title's do) and to search (a query walks its terms' postings).</summary>
/// <param name="Documents">Documents holding the field.</param>
/// <param name="Postings">Document-term pairs: the entries a query walks.</param>
/// <param name="Tokens">Tokens inverted; for a field indexed without frequencies (keywords), its postings.</param>
/// <param name="Positions">Whether positions are kept (for phrases).</param>
internal sealed record FieldStatistics(string Field, long Documents, long Postings, long Tokens, bool Positions);
