using System.Globalization;
using ObligationTracker.Core.Scheduling;

namespace ObligationTracker.Scheduling.Notifiers;

/// <summary>Writes each reminder as one line (the console of <c>ot serve</c>, or a log file).</summary>
public sealed class LogNotifier : INotifier
{
    private readonly TextWriter _writer;
    private readonly Lock _lock = new();

    public LogNotifier(TextWriter writer) => _writer = writer;

    public string Channel => "log";

    public Task SendAsync(Reminder reminder, bool redelivery, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(reminder);
        lock (_lock)
        {
            _writer.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"reminder {reminder.IdempotencyKey}\t{reminder.Subject}{(reminder.Warning is null ? "" : " (" + reminder.Warning + ")")}{(redelivery ? "\t(redelivery)" : "")}"));
            _writer.Flush();
        }

        return Task.CompletedTask;
    }
}
