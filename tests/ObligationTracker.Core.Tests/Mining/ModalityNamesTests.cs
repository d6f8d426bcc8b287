using ObligationTracker.Core.Mining;
using Xunit;

namespace ObligationTracker.Core.Tests.Mining;

public class ModalityNamesTests
{
    [Theory]
    [InlineData("obligation", "obligation")]
    [InlineData("OBLIGATION", "obligation")] // typed in any case
    [InlineData(" Prohibition ", "prohibition")]
    [InlineData("义务", "obligation")] // the labels the pages and the register show
    [InlineData("禁止", "prohibition")]
    [InlineData("许可", "permission")]
    public void Parse_NameInAnyCaseOrChineseLabel_IsItsFormatName(string typed, string expected)
    {
        Assert.Equal(expected, ModalityNames.Parse(typed));
    }

    [Theory]
    [InlineData("must")]
    [InlineData("none")] // not a provision's modality: no filter keeps it
    [InlineData("应当")] // a marker, not a modality's name
    [InlineData("")]
    public void Parse_AnythingElse_IsNull(string typed)
    {
        Assert.Null(ModalityNames.Parse(typed));
    }

    [Fact]
    public void Label_OfEveryName_ParsesBackToIt()
    {
        foreach (var name in ModalityNames.Provisions) Assert.Equal(name, ModalityNames.Parse(ModalityNames.Label(name)));
    }
}
