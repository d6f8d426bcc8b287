using System.Globalization;
using MimeKit;
using ObligationTracker.Core.Scheduling;

namespace ObligationTracker.Scheduling.Notifiers;

/// <summary>E-mail over SMTP (MailKit), one message per reminder, one connection per delivery round (<see cref="ForRound"/>).</summary>
/// <remarks>
/// SMTP has no transaction the store could join, so a crash between the server's 250 and the store's mark re-sends
/// the message. The Message-ID is derived from the idempotency key, so the copies are the same message to any server
/// or client that removes duplicates by Message-ID, and the key is also in an X-OT-Idempotency-Key header.
/// </remarks>
public sealed class SmtpNotifier : INotifier
{
    private readonly ReminderSettings _settings;

    public SmtpNotifier(ReminderSettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        if (settings.SmtpHost is null) throw new ArgumentException("No SMTP host is configured.", nameof(settings));
        _settings = settings;
    }

    public string Channel => "email";

    /// <summary>Sends one reminder on a connection of its own; a delivery round uses <see cref="ForRound"/> instead.</summary>
    public async Task SendAsync(Reminder reminder, bool redelivery, CancellationToken cancellationToken)
    {
        await using var round = new SmtpRound(this, _settings);
        await round.SendAsync(reminder, redelivery, cancellationToken);
    }

    /// <summary>A connection for one delivery round: connect once, send each reminder, QUIT at the end.</summary>
    public INotifier ForRound() => new SmtpRound(this, _settings);

    /// <summary>The reminder as a message; throws before anything is sent when the institution has no recipient.</summary>
    internal MimeMessage Message(Reminder reminder, bool redelivery)
    {
        ArgumentNullException.ThrowIfNull(reminder);
        var to = _settings.RecipientFor(reminder.Institution)
            ?? throw new InvalidOperationException($"No e-mail recipient for {reminder.Institution}: set reminders.smtp.to or reminders.recipients.");
        var message = new MimeMessage();
        message.From.Add(MailboxAddress.Parse(_settings.SmtpFrom));
        message.To.Add(MailboxAddress.Parse(to));
        message.Subject = reminder.Subject;
        message.MessageId = MessageId(reminder);
        message.Headers.Add("X-OT-Idempotency-Key", reminder.IdempotencyKey);
        if (redelivery) message.Headers.Add("X-OT-Redelivery", "1");
        message.Body = new TextPart("plain") { Text = Body(reminder) };
        return message;
    }

    public static string MessageId(Reminder reminder) => reminder.IdempotencyKey.Replace(':', '.') + "@obligation-tracker";

    private static string Body(Reminder r) => string.Create(CultureInfo.InvariantCulture, $"""
        {r.Institution}
        {r.RegulationTitle}{(r.DocumentNumber is null ? "" : $"（{r.DocumentNumber}）")}{(r.Article > 0 ? $" 第{r.Article}条" : "")}

        {r.Text}

        到期日: {r.DueDate:yyyy-MM-dd}（{r.Basis}）
        {(r.IsOverdueNotice ? "已逾期一日。" : $"距到期 {r.LeadDays} 天。")}
        {r.Warning ?? ""}
        """);
}
