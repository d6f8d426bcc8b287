using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using ObligationTracker.Cli.Web.Api;
using ObligationTracker.Cli.Web.Security;

namespace ObligationTracker.Cli.Web.Pages;

/// <summary>GET /upload: the form; POST: the file goes through <see cref="UploadService"/> (the API's checks and ingest) and the page shows what it did.</summary>
/// <remarks>
/// The framework's anti-forgery filter is off here because it would read the whole form before the size check;
/// <see cref="UploadService"/> checks the token itself, after the declared size and before reading the body.
/// </remarks>
[Authorize(Policy = AccessPolicies.Officer)]
[IgnoreAntiforgeryToken]
internal sealed class UploadModel(UploadService uploads, WebOptions options) : PageModel
{
    public const string Accept = ".pdf,.docx,.doc,.html,.htm,.txt,.md";

    public UploadResult? Outcome { get; private set; }

    /// <summary>Why the file was refused (too large, wrong type, no file …).</summary>
    public string? Problem { get; private set; }

    public string Limit => UploadWording.Limit(options.MaxUploadBytes);

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var result = await uploads.Handle(HttpContext, ct);
        var status = result is IStatusCodeHttpResult { StatusCode: { } code } ? code : StatusCodes.Status200OK;
        switch (result)
        {
            case IValueHttpResult { Value: UploadResult outcome }:
                Outcome = outcome;
                break;
            case ProblemHttpResult problem:
                Problem = Message(problem.StatusCode, problem.ProblemDetails.Detail);
                break;
            default:
                Problem = "上传未能处理。";
                break;
        }

        // 201 for a stored regulation is for programs; the page answers 200 and says so in words.
        Response.StatusCode = status == StatusCodes.Status201Created ? StatusCodes.Status200OK : status;
        return Page();
    }

    public static string StatusLabel(string status) => status switch
    {
        "stored" => "已新增",
        "replaced" => "已替换为新版本",
        "unchanged" => "内容未变化，未重复入库",
        "reindexed" => "已重建索引",
        "failed" => "处理失败",
        _ => status,
    };

    private string Message(int status, string? detail) => status switch
    {
        StatusCodes.Status413PayloadTooLarge => $"文件超过上传上限 {Limit}。",
        StatusCodes.Status415UnsupportedMediaType => "文件类型不受支持：" + detail,
        _ => "上传被拒绝：" + detail,
    };
}
