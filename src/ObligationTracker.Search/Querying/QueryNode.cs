namespace ObligationTracker.Search.Querying;

/// <summary>A parsed query: free text, an exact phrase, or a parenthesised group of clauses.</summary>
internal abstract record QueryNode;

/// <summary>Words as typed (adjacent plain words are kept together so synonyms and document numbers can span them).</summary>
internal sealed record TextNode(string Text) : QueryNode;

/// <summary>A quoted phrase, matched exactly (as consecutive characters).</summary>
internal sealed record PhraseNode(string Text) : QueryNode;

internal sealed record GroupNode(IReadOnlyList<QueryClause> Clauses) : QueryNode;

internal enum Occurrence
{
    /// <summary>Ranks results but is not required.</summary>
    Should,
    Must,
    MustNot,
}

/// <summary>A node and how it must occur; <paramref name="Explicit"/> when an operator (AND, +, -, NOT) said so.</summary>
internal sealed record QueryClause(QueryNode Node, Occurrence Occurrence, bool Explicit);
