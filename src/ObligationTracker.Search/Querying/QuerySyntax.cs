using System.Text;

namespace ObligationTracker.Search.Querying;

/// <summary>Parses the query language: plain words (ranked), "exact phrases" (required unless OR'ed), AND / OR / NOT
/// in upper case, +required, -excluded, and (groups). Bad input gives an error message, never an exception.</summary>
internal static partial class QuerySyntax
{
    private const int MaximumLength = 1000;

    public static (GroupNode? Query, string? Error) Parse(string query)
    {
        if (string.IsNullOrWhiteSpace(query)) return (null, "The query is empty.");
        if (query.Length > MaximumLength) return (null, $"The query is longer than {MaximumLength} characters.");
        var (tokens, error) = Lex(YearInBrackets().Replace(query, "〔$1$2〕"));
        if (error is not null) return (null, error);
        var position = 0;
        var (group, groupError) = ParseGroup(tokens, ref position, nested: false);
        if (groupError is not null) return (null, groupError);
        if (group!.Clauses.All(c => c.Occurrence == Occurrence.MustNot))
            return (null, "The query only excludes words (NOT/-): add something to search for.");
        return (group, null);
    }

    private static (GroupNode?, string?) ParseGroup(List<Token> tokens, ref int position, bool nested)
    {
        var clauses = new List<QueryClause>();
        string? pending = null; // AND or OR waiting for its right operand
        var negate = false;
        while (position < tokens.Count)
        {
            var token = tokens[position++];
            switch (token.Kind)
            {
                case TokenKind.And or TokenKind.Or:
                    if (clauses.Count == 0 || pending is not null || negate)
                        return (null, $"{token.Text} needs a word or phrase on its left.");
                    pending = token.Kind == TokenKind.And ? "AND" : "OR";
                    continue;
                case TokenKind.Not:
                    if (negate) return (null, "NOT is repeated.");
                    negate = true;
                    continue;
                case TokenKind.Close:
                    if (!nested) return (null, "A closing parenthesis ')' has no opening one.");
                    return Finish(clauses, pending, negate, closed: true);
            }

            QueryNode node;
            if (token.Kind == TokenKind.Open)
            {
                var (inner, error) = ParseGroup(tokens, ref position, nested: true);
                if (error is not null) return (null, error);
                node = inner!;
            }
            else
            {
                node = token.Kind == TokenKind.Phrase ? new PhraseNode(token.Text) : new TextNode(token.Text);
            }

            var occurrence = node is PhraseNode ? Occurrence.Must : Occurrence.Should;
            var isExplicit = false;
            if (token.Modifier == '+') (occurrence, isExplicit) = (Occurrence.Must, true);
            if (token.Modifier == '-' || negate) (occurrence, isExplicit) = (Occurrence.MustNot, true);
            negate = false;

            if (pending == "AND")
            {
                var previous = clauses[^1];
                if (previous.Occurrence != Occurrence.MustNot) clauses[^1] = previous with { Occurrence = Occurrence.Must, Explicit = true };
                if (occurrence != Occurrence.MustNot) (occurrence, isExplicit) = (Occurrence.Must, true);
            }
            else if (pending == "OR")
            {
                var previous = clauses[^1];
                if (!previous.Explicit) clauses[^1] = previous with { Occurrence = Occurrence.Should, Explicit = true };
                if (!isExplicit) (occurrence, isExplicit) = (Occurrence.Should, true);
            }

            pending = null;
            var clause = new QueryClause(node, occurrence, isExplicit);
            // Plain words next to each other form one run of free text.
            if (clauses.Count > 0 && clause is { Node: TextNode next, Explicit: false, Occurrence: Occurrence.Should }
                && clauses[^1] is { Node: TextNode last, Explicit: false, Occurrence: Occurrence.Should })
                clauses[^1] = clauses[^1] with { Node = new TextNode(last.Text + " " + next.Text) };
            else
                clauses.Add(clause);
        }

        if (nested) return (null, "An opening parenthesis '(' is not closed.");
        return Finish(clauses, pending, negate, closed: false);
    }

    private static (GroupNode?, string?) Finish(List<QueryClause> clauses, string? pending, bool negate, bool closed)
    {
        if (pending is not null) return (null, $"{pending} needs a word or phrase on its right.");
        if (negate) return (null, "NOT needs a word or phrase after it.");
        if (clauses.Count == 0) return (null, closed ? "The parentheses '()' are empty." : "The query has nothing to search for.");
        return (new GroupNode(clauses), null);
    }

    /// <summary>A year in round brackets inside a document number (银发(2019)316号, 公告(2020)第6号) as people type it:
    /// it is the number's year, not a group. Without the closing 号 (银发(2019)316) only after a prefix that ends as
    /// document-number prefixes do.</summary>
    [System.Text.RegularExpressions.GeneratedRegex(@"[(（]\s*(\d{4})\s*[)）](?=\s*第?\s*\d+\s*号)|(?<=" + Indexing.DocumentNumberKeys.PrefixEnding + @"\s*)[(（]\s*(\d{4})\s*[)）](?=\s*第?\s*\d)")]
    private static partial System.Text.RegularExpressions.Regex YearInBrackets();

    [System.Text.RegularExpressions.GeneratedRegex(@"^[A-Za-zＡ-Ｚａ-ｚ][+＋][0-9０-９]{1,2}$")]
    private static partial System.Text.RegularExpressions.Regex SettlementTerm();

    private static (List<Token>, string?) Lex(string query)
    {
        var tokens = new List<Token>();
        var i = 0;
        while (i < query.Length)
        {
            var c = query[i];
            if (char.IsWhiteSpace(c))
            {
                i++;
                continue;
            }

            char? modifier = null;
            if (c is '+' or '-' && i + 1 < query.Length && !char.IsWhiteSpace(query[i + 1]))
            {
                modifier = c;
                c = query[++i];
            }

            if (c == '(' || c == ')')
            {
                if (c == ')' && modifier is not null) return (tokens, $"'{modifier}' cannot stand before ')'.");
                tokens.Add(new Token(c == '(' ? TokenKind.Open : TokenKind.Close, c.ToString(), modifier));
                i++;
                continue;
            }

            if (Closers(c) is { } close)
            {
                var end = query.IndexOfAny(close, i + 1);
                if (end < 0) return (tokens, "A quotation mark is not closed: phrases go between two quotation marks.");
                var phrase = query[(i + 1)..end].Trim();
                if (phrase.Length == 0) return (tokens, "A quoted phrase is empty.");
                tokens.Add(new Token(TokenKind.Phrase, phrase, modifier));
                i = end + 1;
                continue;
            }

            var word = new StringBuilder();
            while (i < query.Length && !char.IsWhiteSpace(query[i]) && query[i] is not ('(' or ')') && Closers(query[i]) is null)
                word.Append(query[i++]);
            var text = word.ToString();
            // Typed in a Chinese input method's full-width mode (ＡＮＤ, ｜｜), an operator is still one.
            var kind = modifier is null
                ? text.Normalize(NormalizationForm.FormKC) switch { "AND" or "&&" => TokenKind.And, "OR" or "||" => TokenKind.Or, "NOT" => TokenKind.Not, _ => TokenKind.Word }
                : TokenKind.Word;
            // A settlement term (T+1, T＋0) is one thing: as words it would be t, a stop word, and a bare 1.
            if (kind == TokenKind.Word && SettlementTerm().IsMatch(text)) kind = TokenKind.Phrase;
            tokens.Add(new Token(kind, text, modifier));
        }

        return (tokens, null);
    }

    /// <summary>The marks that close a phrase opened by <paramref name="c"/>, or null where it opens none.</summary>
    /// <remarks>Chinese input methods type “” and 「」, their nested forms ‘’ and 『』, and the full-width ＂; straight and
    /// curly double quotes close one another, since one mistyped mark should not turn a phrase into an error.</remarks>
    private static char[]? Closers(char c) => c switch
    {
        '"' or '“' or '”' or '＂' => DoubleQuotes,
        '「' => CornerBracket,
        '『' => WhiteCornerBracket,
        '‘' => SingleQuote,
        _ => null,
    };

    private static readonly char[] DoubleQuotes = ['"', '”', '“', '＂'];
    private static readonly char[] CornerBracket = ['」'];
    private static readonly char[] WhiteCornerBracket = ['』'];
    private static readonly char[] SingleQuote = ['’'];

    private enum TokenKind
    {
        Word,
        Phrase,
        And,
        Or,
        Not,
        Open,
        Close,
    }

    private sealed record Token(TokenKind Kind, string Text, char? Modifier);
}
