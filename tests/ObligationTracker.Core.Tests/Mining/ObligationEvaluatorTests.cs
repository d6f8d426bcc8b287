using ObligationTracker.Core.Mining.Evaluation;
using Xunit;

namespace ObligationTracker.Core.Tests.Mining;

public class ObligationEvaluatorTests
{
    private static ScoredLine Line(string text, int article = 3, string modality = "obligation", string addressees = "\"商业银行\"", string deadline = "null", string doc = "a.md") =>
        ScoredLine.Parse($$"""{"doc":"{{doc}}","article":{{article}},"text":"{{text}}","modality":"{{modality}}","addressees":[{{addressees}}],"deadline":{{deadline}}}""");

    private static ObligationScores Score(IEnumerable<ScoredLine> gold, IEnumerable<ScoredLine> system) =>
        ObligationEvaluator.Evaluate(gold, system).Single().Scores;

    [Fact]
    public void Match_SameTextDifferentPunctuationAndSpaces_Counts()
    {
        var s = Score([Line("甲应当报告，并备案。")], [Line("甲应当报告 并备案")]);

        Assert.Equal(1, s.Provisions.TruePositives);
    }

    [Fact]
    public void Match_SystemTextContainsGold_Counts()
    {
        var s = Score([Line("甲应当报告。")], [Line("甲应当报告；乙应当配合。")]);

        Assert.Equal(1, s.Provisions.TruePositives);
    }

    [Fact]
    public void Match_PartialOverlapBelowEightyPercent_DoesNotCount()
    {
        // 5 of the 10 characters of the longer text in order: 50% < 80%, and neither contains the other.
        var s = Score([Line("甲公司应当建立制度甲乙")], [Line("甲公司应当丙丁戊己庚")]);

        Assert.Equal((0, 1, 1), (s.Provisions.TruePositives, s.Provisions.FalsePositives, s.Provisions.FalseNegatives));
    }

    [Fact]
    public void Match_EightyPercentInOrder_Counts()
    {
        // 9 of 10 characters shared in order.
        var s = Score([Line("甲公司应当建立内控制度")], [Line("甲公司应当设立内控制度")]);

        Assert.Equal(1, s.Provisions.TruePositives);
    }

    [Fact]
    public void Match_DifferentArticle_DoesNotCount()
    {
        var s = Score([Line("甲应当报告。", article: 3)], [Line("甲应当报告。", article: 4)]);

        Assert.Equal(0, s.Provisions.TruePositives);
    }

    [Fact]
    public void Match_EachGoldLineAtMostOnce_SecondCopyIsAFalsePositive()
    {
        var s = Score([Line("甲应当报告。")], [Line("甲应当报告。"), Line("甲应当报告。")]);

        Assert.Equal((1, 1, 0), (s.Provisions.TruePositives, s.Provisions.FalsePositives, s.Provisions.FalseNegatives));
    }

    [Fact]
    public void Match_ExactPairPreferredOverContainment()
    {
        // The long system line contains both gold lines; the exact one must pair with its twin so both gold lines match.
        var s = Score([Line("甲应当报告。"), Line("甲应当报告；乙应当配合。")], [Line("甲应当报告；乙应当配合。"), Line("甲应当报告。")]);

        Assert.Equal(2, s.Provisions.TruePositives);
    }

    [Fact]
    public void Addressees_MicroCounts_OverMatchedPairs()
    {
        var s = Score([Line("甲应当报告。", addressees: "\"商业银行\",\"信托公司\"")], [Line("甲应当报告。", addressees: "\"商业银行\",\"其他\"")]);

        Assert.Equal((1, 1, 1), (s.Addressees.TruePositives, s.Addressees.FalsePositives, s.Addressees.FalseNegatives));
    }

    [Fact]
    public void Modality_Mismatch_LowersAccuracy()
    {
        var s = Score([Line("甲应当报告。"), Line("乙不得挪用。", modality: "prohibition")], [Line("甲应当报告。"), Line("乙不得挪用。")]);

        Assert.Equal(0.5, s.Modality.Value);
    }

    [Fact]
    public void Deadline_ExactIgnoresEventTextAndWorkingDaysFalse()
    {
        var gold = Line("甲应当报告。", deadline: """{"kind":"event","event":"发生重大事件","offset":"P5D"}""");
        var system = Line("甲应当报告。", deadline: """{"kind":"event","event":"重大事件发生","offset":"P5D","working_days":false}""");

        var s = Score([gold], [system]);

        Assert.Equal((1, 1.0, 1.0), (s.Deadlines.TruePositives, s.DeadlineKind.Value, s.DeadlineExact.Value));
    }

    [Fact]
    public void Deadline_SameKindOtherOffset_KindRightExactWrong()
    {
        var s = Score(
            [Line("甲应当报告。", deadline: """{"kind":"event","event":"x","offset":"P5D","working_days":true}""")],
            [Line("甲应当报告。", deadline: """{"kind":"event","event":"x","offset":"P5D"}""")]);

        Assert.Equal((1.0, 0.0), (s.DeadlineKind.Value, s.DeadlineExact.Value));
    }

    [Fact]
    public void Deadline_SystemHasOneGoldHasNone_IsAFalsePositive()
    {
        var s = Score([Line("甲应当报告。")], [Line("甲应当报告。", deadline: """{"kind":"vague","phrase":"及时"}""")]);

        Assert.Equal((0, 1, 0), (s.Deadlines.TruePositives, s.Deadlines.FalsePositives, s.Deadlines.FalseNegatives));
    }

    [Fact]
    public void Evaluate_SystemLinesOfDocumentsWithoutGold_AreIgnored()
    {
        var s = Score([Line("甲应当报告。")], [Line("甲应当报告。"), Line("乙应当报告。", doc: "other.md")]);

        Assert.Equal(0, s.Provisions.FalsePositives);
    }
}
