using System.Globalization;
using ObligationTracker.Cli.Web;
using Xunit;

namespace ObligationTracker.Cli.Tests.Web;

public sealed class UploadWordingTests
{
    [Fact]
    public void Limit_WholeMegabytes_WrittenWithoutDecimals() =>
        Assert.Equal("20 MB", UploadWording.Limit(20L * 1024 * 1024));

    [Fact]
    public void Limit_FractionalMegabytesOnAServerWithADecimalComma_WrittenWithAPoint()
    {
        var culture = CultureInfo.CurrentCulture;
        try
        {
            CultureInfo.CurrentCulture = CultureInfo.GetCultureInfo("de-DE");

            Assert.Equal("1.5 MB", UploadWording.Limit(1536L * 1024));
        }
        finally
        {
            CultureInfo.CurrentCulture = culture;
        }
    }
}
