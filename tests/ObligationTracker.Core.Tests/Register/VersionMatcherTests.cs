using ObligationTracker.Core.Register;
using Xunit;

namespace ObligationTracker.Core.Tests.Register;

public sealed class VersionMatcherTests
{
    [Fact]
    public void Match_ArticleInsertedBefore_PairsRenumberedProvisionsAsUnchanged()
    {
        var old = new[] { (1, "信托公司应当建立内部控制制度。"), (2, "信托公司应当每年报送合规报告。") };
        var @new = new[] { (1, "信托公司应当建立数据安全应急预案。"), (2, "信托公司应当建立内部控制制度。"), (3, "信托公司应当每年报送合规报告。") };

        var match = VersionMatcher.Match(old, @new);

        Assert.Equal([(0, 1, MatchKind.Unchanged), (1, 2, MatchKind.Unchanged)], match.Pairs.Select(p => (p.Old, p.New, p.Kind)));
        Assert.Equal([0], match.Added);
        Assert.Empty(match.Removed);
    }

    [Fact]
    public void Match_RewordedInSameArticle_IsChanged_UnrelatedIsRemovedAndAdded()
    {
        var old = new[] { (4, "消费金融公司应当于每年4月30日前报送上一年度合规管理报告。"), (5, "消费金融公司应当设立独立的合规管理部门。") };
        var @new = new[] { (4, "消费金融公司应当于每年3月31日前报送上一年度合规管理工作报告。"), (5, "消费金融公司不得向未成年人发放贷款。") };

        var match = VersionMatcher.Match(old, @new);

        var pair = Assert.Single(match.Pairs);
        Assert.Equal((0, 0, MatchKind.Changed), (pair.Old, pair.New, pair.Kind));
        Assert.Equal([1], match.Removed);
        Assert.Equal([1], match.Added);
    }

    [Fact]
    public void Match_RepeatedBoilerplate_StaysInItsOwnArticle()
    {
        var old = new[] { (3, "应当及时报告。"), (7, "应当及时报告。") };
        var @new = new[] { (3, "应当及时报告。"), (7, "应当及时报告。") };

        Assert.Equal([(0, 0), (1, 1)], VersionMatcher.Match(old, @new).Pairs.Select(p => (p.Old, p.New)));
    }

    [Theory]
    [InlineData("银行应当报告。", "银行应当报告。", 1.0)]
    [InlineData("银行应当报告", "银行，应当报告。", 1.0)]
    [InlineData("甲乙丙丁", "戊己庚辛", 0.0)]
    public void Dice_IgnoresPunctuationAndSpaces(string a, string b, double expected) =>
        Assert.Equal(expected, TextSimilarity.Dice(a, b), 3);
}
