using System.Globalization;

namespace ObligationTracker.Core.Scheduling;

/// <summary>One reminder of one due date of one obligation for one institution, on one channel.</summary>
/// <param name="LeadDays">Days before the due date it is sent (30, 7, 1); <see cref="OverdueLead"/> for the first day overdue.</param>
/// <param name="Channel">Where it goes: log, email, webhook.</param>
public sealed record Reminder(
    long InstitutionId,
    string Institution,
    long ObligationId,
    string ObligationKey,
    string RegulationTitle,
    string? DocumentNumber,
    int Article,
    string Text,
    DateOnly DueDate,
    string Basis,
    int LeadDays,
    bool Provisional,
    string? Warning,
    string Channel)
{
    /// <summary>The lead of the reminder sent on the first day after the due date.</summary>
    public const int OverdueLead = -1;

    /// <summary>Identifies the delivery: (institution, obligation, due date, lead, channel). The store keeps one row per key.</summary>
    public string IdempotencyKey => string.Create(CultureInfo.InvariantCulture, $"{InstitutionId}:{ObligationId}:{DueDate:yyyy-MM-dd}:{LeadDays}:{Channel}");

    /// <summary>The day it is meant to go out.</summary>
    public DateOnly SendOn => DueDate.AddDays(LeadDays == OverdueLead ? 1 : -LeadDays);

    public bool IsOverdueNotice => LeadDays == OverdueLead;

    /// <summary>A one-line subject: <c>[ot] 7天后到期 2025-04-30 某银行 — 标题 第十条</c>.</summary>
    public string Subject => string.Create(CultureInfo.InvariantCulture,
        $"[ot] {(IsOverdueNotice ? "已逾期" : LeadDays == 0 ? "今日到期" : $"{LeadDays}天后到期")} {DueDate:yyyy-MM-dd} {Institution} — {RegulationTitle}{(Article > 0 ? $" 第{Article}条" : "")}");
}
