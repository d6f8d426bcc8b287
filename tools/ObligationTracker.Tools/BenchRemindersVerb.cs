using System.Diagnostics;
using System.Globalization;
using ObligationTracker.Core.Calendar;
using ObligationTracker.Core.Institutions;
using ObligationTracker.Core.Mining;
using ObligationTracker.Core.Mining.Deadlines;
using ObligationTracker.Core.Register;
using ObligationTracker.Core.Scheduling;
using ObligationTracker.Core.Structure;
using ObligationTracker.Scheduling;
using ObligationTracker.Scheduling.Notifiers;
using ObligationTracker.Storage;
using ObligationTracker.Storage.Database;
using ObligationTracker.Storage.Reminders;

namespace ObligationTracker.Tools;

/// <summary>
/// <c>bench-reminders</c>: N institutions × M obligations with a realistic mix of deadlines (recurring, absolute,
/// relative, event, vague) in a fresh SQLite store; times the daily scan on a heavy day (a quarter's 7-day reminders)
/// and reports its peak memory, then the delivery throughput (claim → send → mark) on the log channel.
/// </summary>
internal sealed class BenchRemindersVerb : IToolVerb
{
    private static readonly FixedClock Clock = new(new DateTimeOffset(2026, 4, 15, 7, 0, 0, TimeSpan.FromHours(8)));

    public string Name => "bench-reminders";

    public string Summary => "daily scan and delivery: bench-reminders [--institutions 10000] [--obligations 300] [--deliver 20000] [--postgres | --store CONN] [--keep DIR]";

    public async Task<int> RunAsync(string[] args)
    {
        int institutions = 10_000, obligations = 300, deliver = 20_000;
        string? store = null, keep = null;
        var postgres = false;
        for (var i = 0; i < args.Length; i++)
        {
            switch (args[i])
            {
                case "--institutions": institutions = int.Parse(args[++i], CultureInfo.InvariantCulture); break;
                case "--obligations": obligations = int.Parse(args[++i], CultureInfo.InvariantCulture); break;
                case "--deliver": deliver = int.Parse(args[++i], CultureInfo.InvariantCulture); break;
                case "--store": store = args[++i]; break;
                case "--keep": keep = args[++i]; break;
                case "--postgres": postgres = true; break;
                default: Console.Error.WriteLine($"unknown argument {args[i]}"); return 2;
            }
        }

        var dir = keep ?? Path.Combine(Path.GetTempPath(), "ot-bench-rem-" + Guid.NewGuid().ToString("N")[..8]);
        using var server = postgres && store is null ? TemporaryPostgres.Start() : null;
        var settings = server is not null ? new StoreSettings(StoreBackend.Postgres, server.CreateDatabase())
            : store is null ? StoreSettings.Sqlite(dir) : StoreSettings.Parse(store, "--store");
        try
        {
            var watch = Stopwatch.StartNew();
            Seed(settings, institutions, obligations);
            Console.WriteLine($"seeded {settings.Describe()}: {institutions} institutions × {obligations} obligations in {watch.Elapsed.TotalSeconds:F1} s");

            GC.Collect();
            var before = Process.GetCurrentProcess();
            before.Refresh();
            var peakBefore = before.PeakWorkingSet64;
            var reminderSettings = new ReminderSettings { Log = true, Node = "bench" };
            watch.Restart();
            ScanResult scan;
            using (var regulations = RegulationStore.Open(settings, Clock))
            using (var reminders = ReminderStore.Open(settings, Clock))
                scan = new ReminderScanner(regulations, reminders, new DueDateCalculator(HolidayCalendar.Default), reminderSettings, Clock).Run();
            var scanSeconds = watch.Elapsed.TotalSeconds;
            var process = Process.GetCurrentProcess();
            process.Refresh();
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"daily scan of {scan.Through:yyyy-MM-dd}: {scan.Institutions} institutions, {scan.Pairs:N0} (institution, obligation) pairs, {scan.Planned:N0} reminders planned, {scan.Enqueued:N0} enqueued in {scanSeconds:F1} s; peak working set {process.PeakWorkingSet64 / 1048576.0:F0} MB (before the scan {peakBefore / 1048576.0:F0} MB)"));

            watch.Restart();
            using (var reminders = ReminderStore.Open(settings, Clock))
            {
                var result = await new ReminderDispatcher(reminders, [new LogNotifier(TextWriter.Null)], reminderSettings).DeliverAsync(deliver, CancellationToken.None);
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"delivery (log channel, claim → send → mark, one at a time): {result.Sent:N0} in {watch.Elapsed.TotalSeconds:F1} s = {result.Sent / watch.Elapsed.TotalSeconds:F0} reminders/s"));
            }

            if (settings.Backend == StoreBackend.Sqlite)
                Console.WriteLine($"store size: {new FileInfo(Path.Combine(dir, RegulationStore.FileName)).Length / 1048576.0:F0} MB");
            return 0;
        }
        finally
        {
            if (keep is null && Directory.Exists(dir)) Directory.Delete(dir, recursive: true);
        }
    }

    /// <summary>One regulation of M obligations addressed to 金融机构 (every type binds), N institutions of mixed types in one transaction.</summary>
    private static void Seed(StoreSettings settings, int institutions, int count)
    {
        using (var store = RegulationStore.Open(settings, Clock))
        {
            if (store.Institutions.List().Count > 0) return;
            var texts = Enumerable.Range(1, count).Select(i => $"金融机构应当按照本办法要求报送第{i}项合规材料，并对材料的真实性、准确性和完整性负责。").ToArray();
            var articles = texts.Select((t, i) => new Article(i + 1, $"第{i + 1}条", null, null, [new Paragraph(t, 0, [])], new TextSpan(0, t.Length))).ToList();
            var regulation = new Regulation("bench.md", "基准测试报送办法", ["国家金融监督管理总局"], "基〔2025〕1号", new DateOnly(2025, 6, 1), new DateOnly(2025, 7, 1),
                articles, string.Join("\n", texts), null, []);
            var list = texts.Select((t, i) => new Obligation($"bench.md#{i + 1}.1", "bench.md", i + 1, t, 0, Modality.Obligation, ["金融机构"], DeadlineFor(i), [], [])).ToList();
            store.Save(regulation, "bench", "/bench.md", list, new RegulationScope(["金融机构"], [], true));
        }

        // Types bound by what is addressed to 金融机构, so each institution sees all M obligations.
        var types = InstitutionTaxonomy.Default.Types.Select(t => t.Name).Where(t => InstitutionTaxonomy.Default.Ancestors(t).Contains("金融机构")).ToList();
        using var db = StoreConnection.Open(settings);
        using var tx = db.Begin();
        var at = Clock.GetUtcNow().ToString("O", CultureInfo.InvariantCulture);
        for (var i = 0; i < institutions; i++)
        {
            var id = db.InsertReturningId("INSERT INTO institutions (name, region, group_name, created_at) VALUES (@n, @r, NULL, @at)", tx,
                ("@n", $"机构{i:D5}"), ("@r", $"地区{i % 31}"), ("@at", at));
            db.Execute("INSERT INTO institution_types (institution_id, type) VALUES (@i, @t)", tx, ("@i", id), ("@t", types[i % types.Count]));
        }

        tx.Commit();
        using var reminders = ReminderStore.Open(settings, Clock);
        for (var i = 0; i < institutions; i += 10)
            reminders.Events.Record(i + 1, null, "重大事项", new DateOnly(2026, 4, 3), null, "bench");
    }

    /// <summary>The mix: 40 % recurring, 20 % absolute, 15 % relative, 15 % event, 10 % vague.</summary>
    private static Deadline DeadlineFor(int i) => (i % 20) switch
    {
        0 or 1 or 2 => Deadline.Recurring(Frequency.Quarterly, offset: "P15D", workingDays: true),
        3 or 4 => Deadline.Recurring(Frequency.Monthly, offset: "P10D", workingDays: true),
        5 or 6 => Deadline.Recurring(Frequency.Annual, due: "04-30"),
        7 => Deadline.Recurring(Frequency.Semiannual, offset: "P30D"),
        8 or 9 or 10 or 11 => Deadline.Absolute(new DateOnly(2026, 1, 1).AddDays(i * 3 % 365)),
        12 or 13 or 14 => Deadline.Relative(DeadlineAnchor.EffectiveDate, $"P{6 + i % 12}M"),
        15 or 16 or 17 => Deadline.ForEvent("发生重大事项", "P10D", workingDays: true),
        _ => Deadline.Vague("及时"),
    };

    private sealed class FixedClock(DateTimeOffset now) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => now.ToUniversalTime();
    }
}
