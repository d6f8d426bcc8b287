using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;

namespace ObligationTracker.Core.Ingest.Docx;

/// <summary>Renders Word's automatic paragraph numbering (numbering.xml) as text: 第%1条 with chineseCounting → 第一条.</summary>
/// <remarks>
/// Counters are kept per list and level; numbering a level resets the deeper ones. As in Word, list instances (numId) that
/// share an abstract list continue one another unless an instance restarts with a start override. Regulations written in
/// Word often number articles this way, so the number is not in the paragraph's text at all.
/// </remarks>
internal sealed class DocxNumbering
{
    private readonly Dictionary<int, AbstractNum> abstractByNumId = [];
    private readonly Dictionary<int, Dictionary<int, int>> startOverrides = [];
    private readonly Dictionary<string, int[]> counters = [];
    private readonly Dictionary<string, Style> styles;

    public DocxNumbering(MainDocumentPart main)
    {
        styles = main.StyleDefinitionsPart?.Styles?.Elements<Style>()
            .Where(s => s.StyleId?.Value is not null)
            .GroupBy(s => s.StyleId!.Value!)
            .ToDictionary(g => g.Key, g => g.First()) ?? [];
        var numbering = main.NumberingDefinitionsPart?.Numbering;
        if (numbering is null) return;
        var abstracts = numbering.Elements<AbstractNum>()
            .Where(a => a.AbstractNumberId?.Value is not null)
            .GroupBy(a => a.AbstractNumberId!.Value)
            .ToDictionary(g => g.Key, g => g.First());
        foreach (var num in numbering.Elements<NumberingInstance>())
        {
            if (num.NumberID?.Value is not { } numId || num.AbstractNumId?.Val?.Value is not { } absId) continue;
            if (!abstracts.TryGetValue(absId, out var abs)) continue;
            abstractByNumId[numId] = abs;
            foreach (var o in num.Elements<LevelOverride>())
                if (o.LevelIndex?.Value is { } ilvl && o.StartOverrideNumberingValue?.Val?.Value is { } start)
                    (startOverrides.TryGetValue(numId, out var d) ? d : startOverrides[numId] = [])[ilvl] = start;
        }
    }

    /// <summary>The rendered number of the paragraph with its suffix ("第一条 ", "（一）"), advancing the counters;
    /// null if not numbered.</summary>
    public string? Next(Paragraph paragraph)
    {
        var (numId, ilvl) = NumberingOf(paragraph);
        if (numId is not { } id || id == 0 || !abstractByNumId.TryGetValue(id, out var abs)) return null;
        var level = ilvl ?? 0;
        if (LevelOf(abs, level) is not { } lvl) return null;
        var format = lvl.NumberingFormat?.Val?.Value;
        if (format == NumberFormatValues.Bullet || format == NumberFormatValues.None) return null;

        if (level is < 0 or > 8) return null;
        var key = startOverrides.ContainsKey(id) ? $"num:{id}" : $"abstract:{abs.AbstractNumberId?.Value}";
        if (!counters.TryGetValue(key, out var count))
            counters[key] = count = Enumerable.Range(0, 9).Select(l => Start(abs, id, l) - 1).ToArray();
        count[level]++;
        for (var deeper = level + 1; deeper < 9; deeper++) count[deeper] = Start(abs, id, deeper) - 1;

        var text = lvl.LevelText?.Val?.Value ?? "";
        for (var l = 0; l <= level; l++)
        {
            var placeholder = $"%{l + 1}";
            if (!text.Contains(placeholder)) continue;
            var fmt = LevelOf(abs, l)?.NumberingFormat?.Val?.Value;
            text = text.Replace(placeholder, Format(count[l], fmt));
        }
        if (text.Length == 0) return null;
        // The level's suffix: a tab by default (read as a space), a space, or nothing.
        return lvl.LevelSuffix?.Val?.Value == LevelSuffixValues.Nothing ? text : text + " ";
    }

    private (int? NumId, int? Ilvl) NumberingOf(Paragraph paragraph)
    {
        var numPr = paragraph.ParagraphProperties?.NumberingProperties;
        int? numId = numPr?.NumberingId?.Val?.Value;
        int? ilvl = numPr?.NumberingLevelReference?.Val?.Value;
        // Numbering may come from the paragraph style (e.g. an "Article" style numbered 第%1条), following basedOn.
        var styleId = paragraph.ParagraphProperties?.ParagraphStyleId?.Val?.Value;
        for (var depth = 0; styleId is not null && depth < 10 && (numId is null || ilvl is null); depth++)
        {
            if (!styles.TryGetValue(styleId, out var style)) break;
            var styleNum = style.StyleParagraphProperties?.NumberingProperties;
            numId ??= styleNum?.NumberingId?.Val?.Value;
            ilvl ??= styleNum?.NumberingLevelReference?.Val?.Value;
            styleId = style.BasedOn?.Val?.Value;
        }
        return (numId, ilvl);
    }

    private static Level? LevelOf(AbstractNum abs, int ilvl) =>
        abs.Elements<Level>().FirstOrDefault(l => l.LevelIndex?.Value == ilvl);

    private int Start(AbstractNum abs, int numId, int ilvl) =>
        startOverrides.TryGetValue(numId, out var o) && o.TryGetValue(ilvl, out var s) ? s
        : LevelOf(abs, ilvl)?.StartNumberingValue?.Val?.Value ?? 1;

    internal static string Format(int n, NumberFormatValues? format)
    {
        if (format is null || format == NumberFormatValues.Decimal) return n.ToString();
        if (format == NumberFormatValues.ChineseCounting || format == NumberFormatValues.ChineseCountingThousand
            || format == NumberFormatValues.TaiwaneseCounting || format == NumberFormatValues.TaiwaneseCountingThousand
            || format == NumberFormatValues.JapaneseCounting || format == NumberFormatValues.IdeographDigital)
            return ChineseNumerals.Counting(n);
        if (format == NumberFormatValues.IdeographTraditional) return ChineseNumerals.HeavenlyStem(n);
        if (format == NumberFormatValues.IdeographZodiac) return ChineseNumerals.EarthlyBranch(n);
        if (format == NumberFormatValues.DecimalZero) return n.ToString("00");
        if (format == NumberFormatValues.DecimalFullWidth || format == NumberFormatValues.DecimalFullWidth2) return n.ToString();
        if (format == NumberFormatValues.DecimalEnclosedCircle || format == NumberFormatValues.DecimalEnclosedCircleChinese)
            return n is >= 1 and <= 20 ? ((char)('①' + n - 1)).ToString() : n.ToString();
        if (format == NumberFormatValues.DecimalEnclosedParen) return $"({n})";
        if (format == NumberFormatValues.LowerLetter) return Letters(n).ToLowerInvariant();
        if (format == NumberFormatValues.UpperLetter) return Letters(n);
        if (format == NumberFormatValues.LowerRoman) return Roman(n).ToLowerInvariant();
        if (format == NumberFormatValues.UpperRoman) return Roman(n);
        return n.ToString();
    }

    private static string Letters(int n) => n <= 0 ? n.ToString() : new string((char)('A' + (n - 1) % 26), (n - 1) / 26 + 1);

    private static string Roman(int n)
    {
        if (n is <= 0 or >= 4000) return n.ToString();
        var values = new[] { 1000, 900, 500, 400, 100, 90, 50, 40, 10, 9, 5, 4, 1 };
        var symbols = new[] { "M", "CM", "D", "CD", "C", "XC", "L", "XL", "X", "IX", "V", "IV", "I" };
        var sb = new System.Text.StringBuilder();
        for (var i = 0; i < values.Length; i++)
            while (n >= values[i]) { sb.Append(symbols[i]); n -= values[i]; }
        return sb.ToString();
    }
}
