using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using ObligationTracker.Cli.Web.Api;
using ObligationTracker.Cli.Web.Security;
using ObligationTracker.Storage.Register;

namespace ObligationTracker.Cli.Web.Pages.Institutions;

/// <summary>POST /institutions/{id}/obligations/{obligationId}/evidence: attach a file or a link, then back to the obligation's page.</summary>
/// <remarks>
/// The anti-forgery token is checked by <see cref="CheckedForm"/> rather than by the framework's filter, after the declared
/// size: the filter would read the whole form first, and a file over the limit would end in an error instead of a message.
/// </remarks>
[Authorize(Policy = AccessPolicies.WriteInstitution)]
[IgnoreAntiforgeryToken]
internal sealed class EvidenceModel(StorePool pool, WebOptions options, IAntiforgery antiforgery) : PageModel
{
    public long InstitutionId { get; private set; }

    public long ObligationId { get; private set; }

    public string? Problem { get; private set; }

    public IActionResult OnGet(long id, long obligationId) => LocalRedirect(InstitutionPage.Obligation(id, obligationId));

    public async Task<IActionResult> OnPostAsync(long id, long obligationId, CancellationToken ct)
    {
        InstitutionId = id;
        ObligationId = obligationId;
        // Over the limit, or a body that cannot be read as a form: both are told as the size limit on this page.
        var (form, refusal, _) = await CheckedForm.Check(HttpContext, antiforgery, options.MaxUploadBytes, ct);
        switch (refusal)
        {
            case CheckedForm.Refusal.NotAForm:
                return Refuse(StatusCodes.Status400BadRequest, "请通过页面上的表单提交。");
            case CheckedForm.Refusal.BadToken:
                return Refuse(StatusCodes.Status400BadRequest, "表单已过期或缺少防伪令牌，请刷新页面后重试。");
            case not null:
                return Refuse(StatusCodes.Status413PayloadTooLarge, TooLarge());
        }

        var file = form!.Files.GetFile("file");
        var url = form["url"].ToString().Trim();
        if (file is { Length: 0, FileName.Length: 0 }) file = null; // no file chosen
        if ((file is null) == (url.Length == 0)) return Refuse(StatusCodes.Status400BadRequest, "请填写一个链接或选择一个文件（二选一）。");
        if (file is { Length: 0 }) return Refuse(StatusCodes.Status400BadRequest, UploadWording.EmptyFileZh); // as the API refuses it
        EvidenceReference? link = null;
        if (file is null && (link = EvidenceFiles.Link(url)) is null) return Refuse(StatusCodes.Status400BadRequest, $"“{url}”不是 http 或 https 链接。");

        byte[]? bytes = null;
        if (file is not null)
        {
            using var buffer = new MemoryStream();
            await file.CopyToAsync(buffer, ct);
            bytes = buffer.ToArray();
        }

        var outcome = pool.Use(s =>
        {
            if (InstitutionPage.Find(s, id) is not { } institution || s.Register.Register.Find(institution, obligationId.ToString(System.Globalization.CultureInfo.InvariantCulture)) is not { } entry)
                return StatusCodes.Status404NotFound;
            if (!entry.Active) return StatusCodes.Status409Conflict;
            var evidence = link ?? EvidenceFiles.Keep(options.DataDirectory, id, obligationId, file!.FileName, bytes!);
            s.Register.Tracking.Set(id, obligationId, new TrackingUpdate(Evidence: evidence), User.Actor());
            return StatusCodes.Status200OK;
        });
        return outcome switch
        {
            StatusCodes.Status404NotFound => NotFound(),
            StatusCodes.Status409Conflict => Refuse(outcome, "此义务已被修订删除，跟踪已关闭，不能再添加证据。"),
            _ => LocalRedirect(InstitutionPage.Obligation(id, obligationId) + "?saved=evidence"),
        };
    }

    private string TooLarge() => $"文件超过上传上限 {UploadWording.Limit(options.MaxUploadBytes)}。";

    private PageResult Refuse(int status, string problem)
    {
        Problem = problem;
        Response.StatusCode = status;
        return Page();
    }
}
