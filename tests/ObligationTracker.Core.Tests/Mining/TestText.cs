using ObligationTracker.Core.Mining;
using ObligationTracker.Core.Structure;

namespace ObligationTracker.Core.Tests.Mining;

/// <summary>Builds small regulations from made-up text: one 第X条 per article, one paragraph per line.</summary>
internal static class TestText
{
    public static IReadOnlyList<Obligation> Extract(string text) =>
        ObligationExtractor.Default.ExtractFromText("test.md", text);

    public static Article Article(int number, params string[] paragraphs)
    {
        var list = new List<Paragraph>();
        var offset = 0;
        foreach (var p in paragraphs)
        {
            list.Add(new Paragraph(p, offset, []));
            offset += p.Length + 1;
        }

        return new Article(number, $"第{number}条", null, null, list, new TextSpan(0, offset));
    }
}
