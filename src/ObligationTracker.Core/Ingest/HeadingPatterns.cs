using System.Text.RegularExpressions;

namespace ObligationTracker.Core.Ingest;

/// <summary>Line starts that open a new paragraph in Chinese legal text: 第X条/章/节/编, 一、, （一）, 附件.</summary>
/// <remarks>Readers use these only to decide where paragraphs break; the structure parser does the real parsing.</remarks>
internal static partial class HeadingPatterns
{
    private const string Numeral = "[一二三四五六七八九十百千零〇两0-9０-９]+";

    /// <summary>A line that starts like a heading or an enumerated point.</summary>
    public static bool StartsHeading(string line) => Heading().IsMatch(line);

    /// <summary>A heading followed by white space (第十条　为了…): almost never a sentence broken across lines.</summary>
    public static bool StartsSpacedHeading(string line) => SpacedHeading().IsMatch(line);

    [GeneratedRegex($@"^\s*(第\s*{Numeral}\s*[条章节编部分]|{Numeral}\s*[、．.]|[（(]\s*{Numeral}\s*[）)]|附\s*件|附\s*则|附\s*录|附\s*[:：])")]
    private static partial Regex Heading();

    [GeneratedRegex($@"^\s*(第\s*{Numeral}\s*[条章节编]|附\s*件\s*\d*[:：]?)[\s\u3000]")]
    private static partial Regex SpacedHeading();
}
