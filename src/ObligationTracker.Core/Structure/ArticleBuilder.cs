namespace ObligationTracker.Core.Structure;

/// <summary>Collects the lines of one article and turns them into paragraphs (款) and items (项) with exact offsets.</summary>
/// <remarks>
/// A paragraph is a line that is not an item, together with the item lines that follow it: legally the items of a
/// list belong to the paragraph that introduces them (…包括：（一）…（二）…). An item of a deeper rank (1. under （一）)
/// is a sub-item of the item before it; deeper ranks still stay inside the sub-item's text.
/// </remarks>
internal sealed class ArticleBuilder(string text, int number, TextLine headingLine, int headingLength, string? chapter, string? section, bool inAttachment, int attachment)
{
    private readonly List<TextLine> _lines = [headingLine];

    public int Number => number;

    public TextLine HeadingLine => headingLine;

    public bool InAttachment => inAttachment;

    public void Add(TextLine line) => _lines.Add(line);

    public Article Build()
    {
        var paragraphs = new List<Paragraph>();
        ParagraphDraft? draft = null;

        for (var i = 0; i < _lines.Count; i++)
        {
            var line = _lines[i];
            var start = line.Start;
            if (i == 0)
            {
                start += headingLength;
                while (start < line.End && char.IsWhiteSpace(text[start])) start++;
                if (start == line.End) continue; // 第一条 alone on its line
            }

            var span = text.AsSpan(start, line.End - start);
            var isItem = Markers.TryItem(span, out var rank, out var itemNumber, out var markerLength);
            if (!isItem && draft is { TopRank: > 0 } open && ItemsResumeAfter(i, open.TopRank, open.LastNumber + 1))
            {
                open.ContinueLastItem(line.End); // a paragraph inside an item: the numbering of the items resumes below it
                continue;
            }

            var splits = InlineItems(start, line.End, isItem ? rank : 0, isItem ? itemNumber : 0, draft, isItem);
            var headEnd = splits.Count > 0 ? splits[0] : line.End;
            if (isItem)
            {
                draft ??= new ParagraphDraft(start) { End = start };
                draft.AddItem(text, rank, itemNumber, start, markerLength, headEnd);
            }
            else
            {
                if (draft is not null) paragraphs.Add(draft.Build(text));
                draft = new ParagraphDraft(start) { End = headEnd };
            }

            for (var k = 0; k < splits.Count; k++)
            {
                var at = splits[k];
                Markers.TryItem(text.AsSpan(at, line.End - at), out var r, out var n, out var len);
                draft.AddItem(text, r, n, at, len, k + 1 < splits.Count ? splits[k + 1] : line.End);
            }
        }

        if (draft is not null) paragraphs.Add(draft.Build(text));

        var last = _lines[^1];
        var heading = headingLine.Of(text)[..headingLength];
        return new Article(number, heading, chapter, section, paragraphs, new TextSpan(headingLine.Start, last.End - headingLine.Start), inAttachment, attachment);
    }

    /// <summary>True when, after line <paramref name="i"/>, the next item of rank <paramref name="rank"/> is numbered
    /// <paramref name="next"/>: the lines in between belong to the item before, not to a new paragraph.</summary>
    private bool ItemsResumeAfter(int i, int rank, int next)
    {
        for (var j = i + 1; j < Math.Min(_lines.Count, i + 16); j++) // an item's inner paragraphs are few; bounds the look-ahead
            if (Markers.TryItem(_lines[j].In(text), out var r, out var n, out _) && r <= rank)
                return r == rank && n == next;
        return false;
    }

    /// <summary>Where items written on one line start (…下列情形之一的：（一）…；（二）…): after a colon, semicolon or full
    /// stop, each continuing the numbering of the one before. A line that is itself a sub-item is left whole.</summary>
    private List<int> InlineItems(int start, int end, int rank, int number, ParagraphDraft? draft, bool isItem)
    {
        var splits = new List<int>();
        if (isItem && draft is { TopRank: > 0 } d && rank > d.TopRank) return splits;
        var expected = number + 1;
        for (var k = start + 2; k < end - 1; k++)
        {
            var prev = text[k - 1];
            if (prev is not ('：' or ':' or '；' or ';' or '。')) continue;
            if (!Markers.TryItem(text.AsSpan(k, end - k), out var r, out var n, out _) || n != expected) continue;
            if (rank == 0 ? n != 1 || prev is not ('：' or ':') : r != rank) continue;
            splits.Add(k);
            rank = r;
            expected++;
        }

        return splits;
    }

    private sealed class ParagraphDraft(int start)
    {
        private readonly List<ItemDraft> _items = [];
        private int _topRank;

        public int TopRank => _topRank;

        public int LastNumber => _items.Count > 0 ? _items[^1].Number : 0;

        public void ContinueLastItem(int end)
        {
            End = end;
            _items[^1].End = end;
        }

        public int End { get; set; }

        public void AddItem(string text, int rank, int number, int lineStart, int markerLength, int lineEnd)
        {
            End = lineEnd;
            var textStart = lineStart + markerLength;
            while (textStart < lineEnd && char.IsWhiteSpace(text[textStart])) textStart++;
            var marker = text.Substring(lineStart, markerLength);
            var current = _items.Count > 0 ? _items[^1] : null;
            if (current is null || rank <= _topRank)
            {
                _topRank = current is null ? rank : Math.Min(_topRank, rank);
                _items.Add(new ItemDraft(number, marker, textStart, lineEnd));
                return;
            }

            current.End = lineEnd;
            var sub = current.SubItems.Count > 0 ? current.SubItems[^1] : null;
            if (sub is not null && rank > sub.Rank) sub.End = lineEnd; // deeper than a sub-item: stays in its text
            else current.SubItems.Add(new ItemDraft(number, marker, textStart, lineEnd) { Rank = rank });
        }

        public Paragraph Build(string text) =>
            new(text[start..End], start, _items.Select(i => i.Build(text)).ToList());
    }

    private sealed class ItemDraft(int number, string marker, int start, int end)
    {
        public int Number => number;

        public int End { get; set; } = end;

        public int Rank { get; init; }

        public List<ItemDraft> SubItems { get; } = [];

        public Item Build(string text) =>
            new(number, marker, text[start..Math.Max(start, End)], start) { SubItems = SubItems.Select(s => s.Build(text)).ToList() };
    }
}
