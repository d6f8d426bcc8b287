namespace ObligationTracker.Core.Structure;

/// <summary>Collects the lines of one article and turns them into paragraphs (款) and items (项) with exact offsets.</summary>
/// <remarks>
/// A paragraph is a line that is not an item, together with the item lines that follow it: legally the items of a
/// list belong to the paragraph that introduces them (…包括：（一）…（二）…). An item of a deeper rank (1. under （一）)
/// is a sub-item of the item before it; deeper ranks still stay inside the sub-item's text.
/// </remarks>
internal sealed class ArticleBuilder(string text, int number, TextLine headingLine, int headingLength, string? chapter, string? section, bool inAttachment)
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
            if (Markers.TryItem(span, out var rank, out var itemNumber, out var markerLength))
            {
                draft ??= new ParagraphDraft(start) { End = start };
                draft.AddItem(text, rank, itemNumber, start, markerLength, line.End);
            }
            else
            {
                if (draft is not null) paragraphs.Add(draft.Build(text));
                draft = new ParagraphDraft(start) { End = line.End };
            }
        }

        if (draft is not null) paragraphs.Add(draft.Build(text));

        var last = _lines[^1];
        var heading = headingLine.Of(text)[..headingLength];
        return new Article(number, heading, chapter, section, paragraphs, new TextSpan(headingLine.Start, last.End - headingLine.Start), inAttachment);
    }

    private sealed class ParagraphDraft(int start)
    {
        private readonly List<ItemDraft> _items = [];
        private int _topRank;

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
        public int End { get; set; } = end;

        public int Rank { get; init; }

        public List<ItemDraft> SubItems { get; } = [];

        public Item Build(string text) =>
            new(number, marker, text[start..Math.Max(start, End)], start) { SubItems = SubItems.Select(s => s.Build(text)).ToList() };
    }
}
