using System.Globalization;
using System.Security.Claims;
using System.Text.Json;
using Microsoft.AspNetCore.Antiforgery;
using ObligationTracker.Cli.Queries;
using ObligationTracker.Cli.Web.Security;
using ObligationTracker.Storage.Register;

namespace ObligationTracker.Cli.Web.Api;

/// <summary>Tracking of one (institution, obligation): update, history, evidence. Every change is recorded with who made it.</summary>
internal static class TrackingEndpoints
{
    public static void Map(RouteGroupBuilder api)
    {
        var group = api.MapGroup("/institutions/{id}/tracking/{obligationId}").WithTags("Tracking");
        group.MapPut("/", Update).RequireAuthorization(AccessPolicies.WriteInstitution).AddEndpointFilter(RequireAntiforgery)
            .WithSummary("Change status, reason, owner, notes, due date (dueDate), last-done date (lastDone) or clear the review flag (reviewed); fields left out stay as they are, null or \"\" empties one (not status).")
            .Accepts<TrackingBody>("application/json")
            .Produces<TrackingResult>().ProducesProblem(400).ProducesProblem(404).ProducesProblem(409);
        group.MapGet("/history", History).RequireAuthorization(AccessPolicies.ReadInstitution)
            .WithSummary("Every recorded change of this tracking entry, oldest first, and its evidence.")
            .Produces<TrackingHistory>().ProducesProblem(400).ProducesProblem(404);
        group.MapPost("/evidence", Evidence).RequireAuthorization(AccessPolicies.WriteInstitution)
            .WithSummary("Attach evidence: a file (multipart field 'file'; kept with its SHA-256) or a link (form field 'url', http or https).")
            .DisableAntiforgery() // checked by the handler, so a missing token gets a clear 400 like every other call
            .Accepts<IFormFile>("multipart/form-data")
            .Produces<TrackingResult>().ProducesProblem(400).ProducesProblem(404).ProducesProblem(409).ProducesProblem(413);
        group.MapGet("/evidence/{evidenceId}", Download).RequireAuthorization(AccessPolicies.ReadInstitution)
            .WithSummary("Download an evidence file, as an attachment with its type. A link is not a file: 404 (its URL is in the history), never a redirect.")
            .Produces(StatusCodes.Status200OK, contentType: "application/octet-stream").ProducesProblem(400).ProducesProblem(404);
    }

    /// <summary>Cookie-authenticated writes carry the anti-forgery token in a header (a cross-site form cannot set one).</summary>
    internal static async ValueTask<object?> RequireAntiforgery(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var http = context.HttpContext;
        try
        {
            await http.RequestServices.GetRequiredService<IAntiforgery>().ValidateRequestAsync(http);
        }
        catch (AntiforgeryValidationException)
        {
            return ApiProblems.BadRequest($"The anti-forgery token is missing or invalid: send the token from /api/me in the {WebHost.AntiforgeryHeader} header.");
        }

        return await next(context);
    }

    /// <remarks>The body is read as JSON here, not bound to <see cref="TrackingBody"/>: binding cannot tell a property left out from a null one.</remarks>
    private static async Task<IResult> Update(HttpContext http, StorePool pool, ClaimsPrincipal user, string id, string obligationId, CancellationToken ct)
    {
        if (!http.Request.HasJsonContentType())
            return Results.Problem(statusCode: StatusCodes.Status415UnsupportedMediaType, title: "Unsupported media type", detail: "Send the changes as application/json.");
        JsonElement json;
        try
        {
            json = await http.Request.ReadFromJsonAsync<JsonElement>(ct);
        }
        catch (JsonException ex)
        {
            return ApiProblems.BadRequest($"The body is not valid JSON: {ex.Message}");
        }

        var (body, clear, wrong) = TrackingBody.Read(json);
        if (body is null) return ApiProblems.BadRequest(wrong!);
        var (update, problem) = TrackingInput.Parse(body.Status, body.Reason, body.Owner, body.Notes, body.DueDate, body.LastDone, body.Reviewed ?? false, null,
            TrackingInput.FieldNames.Api, clear);
        if (update is null) return ApiProblems.BadRequest(problem!);
        return WithEntry(pool, id, obligationId, write: true, (s, institution, entry) =>
        {
            try
            {
                var written = s.Register.Tracking.Set(institution.Id, entry.ObligationId, update, user.Actor());
                return Results.Ok(new TrackingResult(entry.ObligationId, written, TrackingView.From(s.Register.Tracking.Get(institution.Id, entry.ObligationId))));
            }
            catch (ArgumentException ex)
            {
                return ApiProblems.BadRequest(ex.Message);
            }
        });
    }

    private static IResult History(StorePool pool, string id, string obligationId) =>
        WithEntry(pool, id, obligationId, write: false, (s, institution, entry) => Results.Ok(new TrackingHistory(
            entry.ObligationId, TrackingView.From(entry.Tracking), s.Register.Tracking.History(institution.Id, entry.ObligationId),
            [.. s.Register.Tracking.Evidence(institution.Id, entry.ObligationId).Select(e => EvidenceView.From(e))])));

    private static async Task<IResult> Evidence(HttpContext http, StorePool pool, WebOptions options, IAntiforgery antiforgery, ClaimsPrincipal user, string id, string obligationId, CancellationToken ct)
    {
        IResult TooLarge() => ApiProblems.TooLarge($"Evidence files are limited to {UploadWording.Limit(options.MaxUploadBytes)}.");
        var (form, problem) = await CheckedForm.Read(http, antiforgery, options.MaxUploadBytes, "Send multipart/form-data with a 'file' or a 'url' field.", TooLarge, ct);
        if (form is null) return problem!;

        var file = form.Files.GetFile("file");
        var url = form["url"].ToString();
        if ((file is null) == string.IsNullOrWhiteSpace(url)) return ApiProblems.BadRequest("Give either a 'file' or a 'url', not both and not neither.");
        var link = file is null ? EvidenceFiles.Link(url) : null;
        if (file is null && link is null) return ApiProblems.BadRequest($"'{url}' is not an http(s) URL.");
        if (file is { Length: 0 }) return ApiProblems.BadRequest(UploadWording.EmptyFile);
        if (file is { } f && f.Length > options.MaxUploadBytes) return TooLarge();

        byte[]? bytes = null;
        if (file is not null)
        {
            using var buffer = new MemoryStream((int)file.Length);
            await file.CopyToAsync(buffer, ct);
            bytes = buffer.ToArray();
        }

        return WithEntry(pool, id, obligationId, write: true, (s, institution, entry) =>
        {
            var evidence = link ?? EvidenceFiles.Keep(options.DataDirectory, institution.Id, entry.ObligationId, file!.FileName, bytes!);
            var written = s.Register.Tracking.Set(institution.Id, entry.ObligationId, new TrackingUpdate(Evidence: evidence), user.Actor());
            return Results.Ok(new TrackingResult(entry.ObligationId, written, TrackingView.From(s.Register.Tracking.Get(institution.Id, entry.ObligationId))));
        });
    }

    private static IResult Download(StorePool pool, WebOptions options, string id, string obligationId, string evidenceId)
    {
        if (!ApiProblems.TryId(evidenceId, "an evidence", out var evidence, out var bad)) return bad!;
        return WithEntry(pool, id, obligationId, write: false, (s, institution, entry) =>
        {
            if (s.Register.Tracking.Evidence(institution.Id, entry.ObligationId).FirstOrDefault(e => e.Id == evidence) is not { } found)
                return ApiProblems.NotFound($"Obligation {entry.ObligationId} of {institution.Name} has no evidence {evidence}.");
            if (found.Evidence.Kind != EvidenceReference.FileKind)
                return ApiProblems.NotFound($"Evidence {evidence} is a link, not a file: {found.Evidence.Reference}");
            if (EvidenceFiles.Open(options.DataDirectory, found.Evidence) is not { } file)
                return ApiProblems.NotFound($"The file of evidence {evidence} is not kept by this server (recorded from the command line elsewhere, or removed).");
            return Results.File(file.Path, file.ContentType, file.DownloadName);
        });
    }

    /// <summary>The register entry of the route's obligation: 400 for a malformed id, 404 when it does not bind the institution, 409 when removed (for writes).</summary>
    private static IResult WithEntry(StorePool pool, string id, string obligationId, bool write, Func<Stores, StoredInstitution, RegisterEntry, IResult> work)
    {
        var reference = Uri.UnescapeDataString(obligationId).Trim();
        if (!(long.TryParse(reference, NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n > 0) && !reference.Contains('#', StringComparison.Ordinal))
            return ApiProblems.BadRequest($"'{obligationId}' is not an obligation id (a positive whole number) or key (doc#article.sequence).");
        return InstitutionRoute.With(pool, id, (s, institution) =>
        {
            if (s.Register.Register.Find(institution, reference) is not { } entry)
                return ApiProblems.NotFound($"Obligation '{reference}' does not bind {institution.Name}.");
            if (write && !entry.Active)
                return Results.Problem(statusCode: StatusCodes.Status409Conflict, title: "Removed",
                    detail: $"Obligation {entry.ObligationId} was removed by a revision ({entry.Tracking.Reason}); its tracking is closed.");
            return work(s, institution, entry);
        });
    }
}

/// <summary>What a change did: the history rows written (empty when nothing changed) and the tracking now.</summary>
internal sealed record TrackingResult(long ObligationId, IReadOnlyList<HistoryEntry> Changes, TrackingView Tracking);

internal sealed record TrackingHistory(long ObligationId, TrackingView Tracking, IReadOnlyList<HistoryEntry> History, IReadOnlyList<EvidenceView> Evidence);

/// <summary>A piece of evidence: a link, or a file by name and SHA-256 (the server's path is not shown).</summary>
internal sealed record EvidenceView(long Id, string Kind, string Reference, string? Sha256, DateTimeOffset AddedAt, string AddedBy)
{
    public static EvidenceView From(EvidenceEntry e)
    {
        ArgumentNullException.ThrowIfNull(e);
        var reference = e.Evidence.Kind == EvidenceReference.FileKind ? Path.GetFileName(e.Evidence.Reference) : e.Evidence.Reference;
        return new EvidenceView(e.Id, e.Evidence.Kind, reference, e.Evidence.Sha256, e.AddedAt, e.AddedBy);
    }
}
