using System.Text.Json;
using Microsoft.AspNetCore.Mvc;
using ObligationTracker.Cli.Export;
using ObligationTracker.Cli.Web.Security;
using ObligationTracker.Storage;
using ObligationTracker.Storage.Register;

namespace ObligationTracker.Cli.Web.Api;

/// <summary>Regulations: the list, one with its articles and their obligations, and upload of a new one.</summary>
internal static class RegulationEndpoints
{
    public static void Map(RouteGroupBuilder api)
    {
        var group = api.MapGroup("/regulations").WithTags("Regulations");
        group.MapGet("/", List).RequireAuthorization(AccessPolicies.Reader).WithSummary("The stored regulations.");
        group.MapGet("/{id}", Show).RequireAuthorization(AccessPolicies.Reader)
            .WithSummary("One regulation with its articles; each article with its provisions (obligations): modality, addressees, deadline, offsets in the text.")
            .Produces<RegulationDetail>().ProducesProblem(400).ProducesProblem(404);
        group.MapPost("/", Upload).RequireAuthorization(AccessPolicies.Officer)
            .WithSummary("Upload a regulation (multipart field 'file': PDF, DOCX, HTML, TXT or Markdown): stored, replaced (a new version) or unchanged, with the reader's and parser's diagnostics.")
            .DisableAntiforgery() // UploadService checks the token itself, after the size and before reading the form
            .Accepts<IFormFile>("multipart/form-data")
            .Produces<UploadResult>(200).Produces<UploadResult>(201).Produces<UploadResult>(422)
            .ProducesProblem(400).ProducesProblem(413).ProducesProblem(415);
    }

    private static IResult List(StorePool pool) =>
        Results.Ok(pool.Use(s => s.Register.List().Select(RegulationSummary.From).ToList()));

    private static IResult Show(StorePool pool, string id)
    {
        if (!ApiProblems.TryId(id, "a regulation", out var number, out var problem)) return problem!;
        return pool.Use(s =>
        {
            if (s.Register.Find(number.ToString(System.Globalization.CultureInfo.InvariantCulture)) is not { } stored || stored.Id != number
                || s.Register.Load(number) is not { } regulation)
                return ApiProblems.NotFound($"There is no regulation {number}.");
            var obligations = s.Register.Obligations(number).ToLookup(o => o.Article);
            var articles = regulation.Articles.Select(a => new ArticleView(
                a.Number, a.Heading, a.Chapter, a.Section, a.InAttachment, a.Span.Start, a.Span.Length, a.Text,
                [.. a.Paragraphs.Select(p => new ParagraphView(p.Start, p.Text))],
                [.. obligations[a.Number].Select(ProvisionView.From)])).ToList();
            return Results.Ok(new RegulationDetail(RegulationSummary.From(stored), regulation.Issuers, articles));
        });
    }

    private static Task<IResult> Upload(HttpContext http, UploadService uploads, CancellationToken ct) => uploads.Handle(http, ct);
}

/// <summary>A stored regulation without its text.</summary>
internal sealed record RegulationSummary(
    long Id, string File, string Title, string? Issuer, string? DocumentNumber, DateOnly? Issued, DateOnly? Effective,
    int Articles, int Version, DateTimeOffset IngestedAt, string Status)
{
    public static RegulationSummary From(StoredRegulation r) => new(
        r.Id, r.File, r.Title, r.Issuer, r.DocumentNumber, r.Issued, r.Effective, r.ArticleCount, r.Version, r.IngestedAt,
        r.Status == RegulationStatus.Repealed ? "repealed" : "in-force");
}

/// <summary>A regulation with its articles.</summary>
internal sealed record RegulationDetail(RegulationSummary Regulation, IReadOnlyList<string> Issuers, IReadOnlyList<ArticleView> Articles);

/// <summary>An article: where it stands, its text, paragraphs and provisions.</summary>
/// <param name="Start">Offset of the article (heading included) in the regulation's text; paragraph and provision offsets are in the same text.</param>
internal sealed record ArticleView(
    int Number, string Heading, string? Chapter, string? Section, bool InAttachment, int Start, int Length, string Text,
    IReadOnlyList<ParagraphView> Paragraphs, IReadOnlyList<ProvisionView> Provisions);

internal sealed record ParagraphView(int Start, string Text);

/// <summary>An obligation (a provision with a modality) as mined, with its store id for tracking.</summary>
/// <param name="Start">Offset of <paramref name="Text"/> in the regulation's text.</param>
internal sealed record ProvisionView(
    long Id, string Key, int Sequence, int Start, string Text, string Modality, string ModalityLabel,
    IReadOnlyList<string> Addressees, IReadOnlyList<string> ReferenceTypes, JsonElement? Deadline, string DeadlineText, string? PreviousText)
{
    public static ProvisionView From(StoredObligation o)
    {
        ArgumentNullException.ThrowIfNull(o);
        JsonElement? deadline = null;
        if (o.DeadlineJson is not null)
        {
            using var doc = JsonDocument.Parse(o.DeadlineJson);
            deadline = doc.RootElement.Clone();
        }

        return new ProvisionView(o.Id, o.Key, o.Sequence, o.Start, o.Text, o.Modality, Labels.Modality(o.Modality), o.Addressees, o.ReferenceTypes,
            deadline, Labels.Deadline(o.DeadlineJson), o.PreviousText);
    }
}
