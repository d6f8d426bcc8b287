namespace ObligationTracker.Core.Diagnostics;

/// <summary>Every diagnostic code in one place, so tests can assert a code and messages stay consistent.</summary>
public static class DiagnosticCodes
{
    // Ingest: reading a file.
    public const string EmptyFile = "OT0001";
    public const string UnsupportedFormat = "OT0002";
    public const string FileTooLarge = "OT0003";
    public const string CorruptFile = "OT0004";
    public const string EncryptedPdf = "OT0005";
    public const string NoTextLayer = "OT0006";
    public const string LegacyDoc = "OT0007";
    public const string ZipBomb = "OT0008";
    public const string HtmlWithoutBody = "OT0009";
    public const string EncodingGuessed = "OT0010";
    public const string FileNotFound = "OT0011";
    public const string FileUnreadable = "OT0012";
    public const string ManifestRow = "OT0013";

    // Structure: parsing the text.
    public const string NoArticles = "OT0101";
    public const string ArticleGap = "OT0102";
    public const string ArticleDuplicate = "OT0103";
    public const string NoTitle = "OT0104";

    // Register: mining and storing obligations at ingest.
    public const string ExtractionFailed = "OT0401";
}
