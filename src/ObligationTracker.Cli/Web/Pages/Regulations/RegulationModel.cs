namespace ObligationTracker.Cli.Web.Pages.Regulations;

/// <summary>Addresses into the regulation page that other pages link to.</summary>
internal static class RegulationModel
{
    /// <summary>The anchor of an article: art-12, or att-3 for an article of an attachment.</summary>
    public static string Anchor(int article, bool inAttachment) => (inAttachment ? "att-" : "art-") + article.ToString(System.Globalization.CultureInfo.InvariantCulture);

    public static string Link(long regulationId, int article, bool inAttachment = false) =>
        $"/regulations/{regulationId}#{Anchor(article, inAttachment)}";
}
