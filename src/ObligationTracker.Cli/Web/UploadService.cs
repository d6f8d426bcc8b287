using System.Security.Cryptography;
using Microsoft.AspNetCore.Antiforgery;
using ObligationTracker.Cli.Ingestion;
using ObligationTracker.Cli.Web.Api;
using ObligationTracker.Core.Ingest;
using ObligationTracker.Core.Pipeline;
using ObligationTracker.Search.Indexing;

namespace ObligationTracker.Cli.Web;

/// <summary>POST /api/regulations: checks an uploaded file (size, anti-forgery token, type by its bytes), keeps it under uploads/, and ingests it.</summary>
/// <remarks>
/// The checks run in order of cost: the declared length, the anti-forgery token and the form's size (<see cref="CheckedForm"/>),
/// the extension, then the first bytes — a file named .pdf that is
/// not a PDF is refused (415) before any reader sees it. Ingests run one at a time: the index's commit data (which
/// version of each file it holds) is read and rewritten by each.
/// </remarks>
internal sealed class UploadService(WebOptions options, StorePool pool, ArticleIndex index, IAntiforgery antiforgery) : IDisposable
{
    public const string FormField = "file";

    private readonly SemaphoreSlim _gate = new(1, 1);
    private readonly RegulationLoader _loader = new();

    public async Task<IResult> Handle(HttpContext http, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(http);
        var (form, problem) = await CheckedForm.Read(http, antiforgery, options.MaxUploadBytes,
            $"Send multipart/form-data with the regulation in the field '{FormField}'.", TooLarge, ct);
        if (form is null) return problem!;

        var file = form.Files.GetFile(FormField) ?? (form.Files.Count == 1 ? form.Files[0] : null);
        if (file is null) return ApiProblems.BadRequest($"No file: send the regulation in the multipart field '{FormField}'.");
        if (file.Length == 0) return ApiProblems.BadRequest(UploadWording.EmptyFile);
        if (file.Length > options.MaxUploadBytes) return TooLarge();
        var name = SafeName(file.FileName);
        if (name is null) return ApiProblems.BadRequest("The file has no usable name (it names the regulation's source, e.g. 办法.pdf).");
        if (!_loader.Readers.IsSupported(name))
            return Unsupported($"'{Path.GetExtension(name)}' files are not read: upload a PDF, DOCX, HTML, TXT or Markdown file.");

        byte[] bytes;
        using (var buffer = new MemoryStream((int)file.Length))
        {
            await file.CopyToAsync(buffer, ct);
            bytes = buffer.ToArray();
        }

        if (Mismatch(name, bytes) is { } mismatch) return Unsupported(mismatch);
        var outcome = await Ingest(name, bytes, ct);
        return outcome.Status switch
        {
            "failed" => Results.UnprocessableEntity(outcome),
            "stored" when outcome.RegulationId is { } id => Results.Created($"/api/regulations/{id}", outcome),
            _ => Results.Ok(outcome),
        };
    }

    private async Task<UploadResult> Ingest(string name, byte[] bytes, CancellationToken ct)
    {
        await _gate.WaitAsync(ct);
        try
        {
            return await Task.Run(() =>
            {
                Directory.CreateDirectory(options.UploadsPath);
                var path = Path.Combine(options.UploadsPath, name);
                var temporary = path + ".part";
                File.WriteAllBytes(temporary, bytes);
                File.Move(temporary, path, overwrite: true);
                var hash = Convert.ToHexStringLower(SHA256.HashData(bytes));
                return pool.Use(s =>
                {
                    var outcome = new Ingestor(_loader, s.Register, index, options.Clock).Ingest(path);
                    var stored = outcome.Status == IngestStatus.Failed ? null : s.Register.FindByContentHash(hash);
                    return UploadResult.From(outcome, name, stored?.Id);
                });
            }, ct);
        }
        finally
        {
            _gate.Release();
        }
    }

    public void Dispose() => _gate.Dispose();

    /// <summary>Why the bytes are not what the extension says, or null when they are.</summary>
    private static string? Mismatch(string name, byte[] bytes)
    {
        var head = bytes.AsSpan(0, Math.Min(bytes.Length, FileSniffer.HeaderLength));
        var kind = FileSniffer.Sniff(head);
        var ext = Path.GetExtension(name).ToLowerInvariant();
        var fits = ext switch
        {
            ".pdf" => kind == FileKind.Pdf,
            ".docx" or ".docm" or ".dotx" => kind == FileKind.Zip,
            ".doc" or ".dot" or ".wps" => kind is FileKind.Ole or FileKind.Rtf,
            ".html" or ".htm" or ".xhtml" or ".shtml" => kind == FileKind.Html || (kind == FileKind.Unknown && LooksLikeText(head)),
            _ => kind == FileKind.Unknown && LooksLikeText(head),
        };
        return fits ? null : $"The file is named {ext} but its contents are {(kind == FileKind.Unknown ? "not text" : FileSniffer.Describe(kind))}.";
    }

    /// <summary>Text in UTF-8 or GB18030 has no NUL byte; UTF-16 (which has) starts with its byte-order mark.</summary>
    private static bool LooksLikeText(ReadOnlySpan<byte> head) =>
        head.StartsWith(new byte[] { 0xFF, 0xFE }) || head.StartsWith(new byte[] { 0xFE, 0xFF }) || !head.Contains((byte)0);

    /// <summary>The file name without any folder part or characters a file system refuses; null when nothing is left.</summary>
    private static string? SafeName(string? fileName)
    {
        var name = Path.GetFileName((fileName ?? "").Replace('\\', '/'));
        foreach (var c in Path.GetInvalidFileNameChars()) name = name.Replace(c, '_');
        name = name.Trim().TrimStart('.');
        return name.Length == 0 || name.EndsWith(".part", StringComparison.OrdinalIgnoreCase) ? null : name;
    }

    private IResult TooLarge() => ApiProblems.TooLarge(
        $"The upload is larger than the limit of {UploadWording.Limit(options.MaxUploadBytes)}.");

    private static IResult Unsupported(string detail) => Results.Problem(statusCode: StatusCodes.Status415UnsupportedMediaType, title: "Unsupported file type", detail: detail);
}
