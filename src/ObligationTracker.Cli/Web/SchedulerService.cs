using ObligationTracker.Scheduling;
using ObligationTracker.Scheduling.Quartz;

namespace ObligationTracker.Cli.Web;

/// <summary>The reminder scheduler (Quartz: the daily scan and reminder delivery) as a service of the web host.</summary>
/// <remarks>On stop it lets a running job finish (the host's shutdown timeout bounds the wait).</remarks>
internal sealed class SchedulerService(WebOptions options, CalendarSource calendars) : IHostedService, IAsyncDisposable
{
    private readonly HttpClient _http = new() { Timeout = TimeSpan.FromSeconds(30) };
    private ReminderScheduler? _scheduler;

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        var settings = ReminderSettings.Load(options.DataDirectory);
        if (options.Node is { } node) settings = settings with { Node = node };
        var runtime = new ReminderRuntime(options.Store, settings, () => calendars.Current,
            ReminderRuntime.NotifiersFor(settings, Console.Out, _http), options.Clock);
        runtime.Scanned += s => Console.Error.WriteLine($"scan {s.After:yyyy-MM-dd}..{s.Through:yyyy-MM-dd}: {s.Institutions} institutions, {s.Pairs} obligations, {s.Planned} reminders planned, {s.Enqueued} new");
        runtime.Delivered += d => Console.Error.WriteLine($"delivered {d.Sent}, failed {d.Failed}, lost claims {d.Lost}");
        _scheduler = await ReminderScheduler.StartAsync(runtime, cancellationToken);
        Console.Error.WriteLine($"scheduler on {options.Store.Describe()} as node {settings.Node}: scan daily at {settings.ScanAt:HH\\:mm} China time, channels {string.Join(", ", settings.Channels)}");
    }

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        if (_scheduler is not null) await _scheduler.StopAsync(waitForJobs: true, cancellationToken);
    }

    public async ValueTask DisposeAsync()
    {
        if (_scheduler is not null) await _scheduler.DisposeAsync();
        _http.Dispose();
    }
}
