using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using ObligationTracker.Cli.Commands;
using ObligationTracker.Cli.Queries;
using ObligationTracker.Cli.Web.Security;
using ObligationTracker.Core.Calendar;
using ObligationTracker.Storage.Register;

namespace ObligationTracker.Cli.Web.Pages.Institutions;

/// <summary>
/// GET /institutions/{id}/obligations/{obligationId}: one obligation of the register with its tracking, history and
/// evidence; POST (anti-forgery checked) changes status, reason, owner, notes, due and last-done dates.
/// </summary>
/// <remarks>Everyone who may read the institution sees the page; only who may write it (officer, its own users) gets the forms, and a post from anyone else gets 403.</remarks>
[Authorize(Policy = AccessPolicies.ReadInstitution)]
internal sealed class ObligationModel(StorePool pool, HolidayCalendar calendar, TimeProvider clock) : PageModel
{
    /// <summary>How the form's fields are named in messages.</summary>
    private static readonly TrackingInput.FieldNames FormNames = new("到期日", "最近完成日", "请填写原因", "状态、原因、负责人、备注或日期");

    public StoredInstitution Institution { get; private set; } = null!;

    public RegisterLine Line { get; private set; } = null!;

    public IReadOnlyList<HistoryEntry> History { get; private set; } = [];

    public IReadOnlyList<EvidenceEntry> Evidence { get; private set; } = [];

    public bool MayWrite { get; private set; }

    /// <summary>What the last post did (saved, evidence), from the redirect after it.</summary>
    public string? Saved { get; private set; }

    /// <summary>Why the post was refused; the form keeps what was typed.</summary>
    public string? Problem { get; private set; }

    /// <summary>The form as typed, when a post was refused.</summary>
    public IFormCollection? Posted { get; private set; }

    public IActionResult OnGet(long id, long obligationId, string? saved)
    {
        Saved = saved;
        return Load(id, obligationId, withHistory: true) ? Page() : NotFound();
    }

    public IActionResult OnPost(long id, long obligationId)
    {
        if (!User.MayWrite(id)) return Forbid();
        if (!Load(id, obligationId, withHistory: false)) return NotFound();
        if (!Line.Active) return Refuse(StatusCodes.Status409Conflict, "此义务已被修订删除，跟踪已关闭，不能再更新。");

        var form = Request.Form;
        var (update, problem) = TrackingInput.Parse(form["status"], form["reason"], form["owner"], form["notes"], form["dueDate"], form["lastDone"],
            form["reviewed"] == "true", null, FormNames, Emptied(form));
        if (update is null) return Refuse(StatusCodes.Status400BadRequest, problem!);
        try
        {
            pool.Use(s => s.Register.Tracking.Set(id, obligationId, update, User.Actor()));
        }
        catch (ArgumentException ex)
        {
            return Refuse(StatusCodes.Status400BadRequest, ex.Message);
        }

        return LocalRedirect(InstitutionPage.Obligation(id, obligationId) + "?saved=tracking");
    }

    /// <summary>The form's fields shown with their current value (was.{field}) and posted empty: the user emptied them.</summary>
    /// <remarks>
    /// Blank alone still means "unchanged": a field someone else filled in after this page was loaded stays filled, and a
    /// post without the was.* fields (a script) empties nothing. History records only what really changed.
    /// </remarks>
    private static TrackingClear Emptied(IFormCollection form)
    {
        var clear = TrackingClear.None;
        foreach (var (field, flag) in new[] { ("owner", TrackingClear.Owner), ("notes", TrackingClear.Notes), ("dueDate", TrackingClear.NextDue) })
        {
            if (string.IsNullOrWhiteSpace(form[field]) && !string.IsNullOrWhiteSpace(form["was." + field])) clear |= flag;
        }

        return clear;
    }

    /// <summary>The selected status in the form: as posted after a refusal, else the current one.</summary>
    public string FormValue(string field, string? current) => Posted is { } posted && posted.ContainsKey(field) ? posted[field].ToString() : current ?? "";

    private IActionResult Refuse(int status, string problem)
    {
        pool.Use(s => LoadHistory(s, Institution.Id, Line.ObligationId)); // the refused form is shown again, with them
        Problem = problem;
        Posted = Request.Form;
        Response.StatusCode = status;
        return Page();
    }

    /// <summary>The institution and the obligation's line; its history and evidence only for a page that shows them (not for a save that redirects).</summary>
    private bool Load(long id, long obligationId, bool withHistory)
    {
        var today = CliDates.Today(clock);
        var found = pool.Use(s =>
        {
            if (InstitutionPage.Find(s, id) is not { } institution) return false;
            if (new InstitutionRegister(s.Register, s.Reminders, calendar).Line(institution, obligationId, today) is not { } line) return false;
            Institution = institution;
            Line = line;
            if (withHistory) LoadHistory(s, id, obligationId);
            return true;
        });
        MayWrite = found && User.MayWrite(id);
        return found;
    }

    private bool LoadHistory(Stores s, long id, long obligationId)
    {
        History = s.Register.Tracking.History(id, obligationId);
        Evidence = s.Register.Tracking.Evidence(id, obligationId);
        return true;
    }
}
