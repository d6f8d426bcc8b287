namespace ObligationTracker.Core.Mining;

/// <summary>FORMAT.md spellings of <see cref="Modality"/>, the Chinese labels the pages and the register show, and what a
/// person may type for one (a filter's value): the one list they all share.</summary>
public static class ModalityNames
{
    /// <summary>The names of the modalities a provision can have (not <see cref="Modality.None"/>): what filters accept.</summary>
    public static readonly IReadOnlyList<string> Provisions = [Modality.Obligation.ToFormatName(), Modality.Prohibition.ToFormatName(), Modality.Permission.ToFormatName()];

    public static string ToFormatName(this Modality modality) => modality switch
    {
        Modality.Obligation => "obligation",
        Modality.Prohibition => "prohibition",
        Modality.Permission => "permission",
        _ => "none",
    };

    /// <summary>The Chinese label of a FORMAT.md name (obligation → 义务); another text is returned as it is.</summary>
    public static string Label(string formatName) => formatName switch
    {
        "obligation" => "义务",
        "prohibition" => "禁止",
        "permission" => "许可",
        _ => formatName,
    };

    /// <summary>The FORMAT.md name of what a person typed for a modality: the name in any case (Obligation, OBLIGATION)
    /// or its Chinese label (义务, 禁止, 许可); null for anything else, which the caller reports with <see cref="Accepted"/>.</summary>
    public static string? Parse(string typed)
    {
        var text = typed.Trim();
        foreach (var name in Provisions)
            if (string.Equals(text, name, StringComparison.OrdinalIgnoreCase) || text == Label(name)) return name;
        return null;
    }

    /// <summary>The accepted values, for a message about one that is not: obligation (义务), prohibition (禁止), permission (许可).</summary>
    public static string Accepted => string.Join(", ", Provisions.Select(n => $"{n} ({Label(n)})"));
}
