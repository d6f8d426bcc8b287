using ObligationTracker.Core.Mining.Deadlines;

namespace ObligationTracker.Core.Mining;

/// <summary>A normative provision with what it requires, of whom and by when (one FORMAT.md line).</summary>
/// <param name="Id">Stable within a document: <c>doc#article.sequence</c>.</param>
/// <param name="Doc">The regulation's file name without folders.</param>
/// <param name="Article">Article number; 0 outside any article.</param>
/// <param name="Text">The provision's text as written.</param>
/// <param name="Start">Offset of the text in the regulation's normalised text.</param>
/// <param name="Modality">Obligation, prohibition or permission (never None).</param>
/// <param name="Addressees">Canonical institution types bound (监管机构 for the regulator, 其他 for anyone else).</param>
/// <param name="Deadline">The time limit, or null.</param>
/// <param name="References">Articles of the same regulation it refers to (依照本办法第十条 → 10).</param>
/// <param name="ReferenceTypes">Types that apply the regulation only by reference (参照本办法执行).</param>
public sealed record Obligation
{
    public Obligation(
        string id,
        string doc,
        int article,
        string text,
        int start,
        Modality modality,
        IReadOnlyList<string> addressees,
        Deadline? deadline,
        IReadOnlyList<int> references,
        IReadOnlyList<string> referenceTypes)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(id);
        ArgumentException.ThrowIfNullOrWhiteSpace(doc);
        ArgumentOutOfRangeException.ThrowIfNegative(article);
        ArgumentException.ThrowIfNullOrWhiteSpace(text);
        ArgumentOutOfRangeException.ThrowIfNegative(start);
        if (modality == Modality.None) throw new ArgumentException("An obligation needs a modality.", nameof(modality));
        ArgumentNullException.ThrowIfNull(addressees);
        if (addressees.Count == 0) throw new ArgumentException("An obligation binds at least one party.", nameof(addressees));
        Id = id;
        Doc = doc;
        Article = article;
        Text = text;
        Start = start;
        Modality = modality;
        Addressees = addressees;
        Deadline = deadline;
        References = references ?? [];
        ReferenceTypes = referenceTypes ?? [];
    }

    public string Id { get; }

    public string Doc { get; }

    public int Article { get; }

    public string Text { get; }

    public int Start { get; }

    public Modality Modality { get; }

    public IReadOnlyList<string> Addressees { get; }

    public Deadline? Deadline { get; }

    public IReadOnlyList<int> References { get; }

    public IReadOnlyList<string> ReferenceTypes { get; }
}
