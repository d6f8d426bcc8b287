using System.Diagnostics;
using System.Globalization;
using System.Security.Cryptography;
using ObligationTracker.Core.Institutions;
using ObligationTracker.Core.Mining;
using ObligationTracker.Core.Pipeline;
using ObligationTracker.Core.Register;
using ObligationTracker.Core.Structure;
using ObligationTracker.Storage;
using ObligationTracker.Storage.Database;
using ObligationTracker.Storage.Register;

namespace ObligationTracker.Tools;

/// <summary>
/// <c>bench-register</c>: the whole corpus ingested with its obligations, N institutions of mixed types (some tracked),
/// then every institution's register computed: p50/p95/p99 per institution, total for all, store size; on SQLite and on a
/// temporary PostgreSQL started like the tests start theirs (or --store CONNECTION).
/// </summary>
internal sealed class BenchRegisterVerb : IToolVerb
{
    public string Name => "bench-register";

    public string Summary => "register queries: bench-register [--backend sqlite|postgres|both] [--institutions 1000] [--store CONN] [DIR|FILE...]";

    public Task<int> RunAsync(string[] args)
    {
        var backend = "both";
        var institutions = 1000;
        string? store = null;
        var rest = new List<string>();
        for (var i = 0; i < args.Length; i++)
        {
            switch (args[i])
            {
                case "--backend": backend = args[++i]; break;
                case "--institutions": institutions = int.Parse(args[++i], CultureInfo.InvariantCulture); break;
                case "--store": store = args[++i]; break;
                default: rest.Add(args[i]); break;
            }
        }

        var watch = Stopwatch.StartNew();
        var corpus = Prepare(CorpusFiles.Resolve([.. rest]));
        Console.WriteLine($"corpus: {corpus.Count} regulations, {corpus.Sum(c => c.Obligations.Count)} obligations (parse + mine {watch.Elapsed.TotalSeconds:F1} s)");

        if (store is not null)
        {
            Run(StoreSettings.Parse(store, "--store"), corpus, institutions, () => null);
            return Task.FromResult(0);
        }

        if (backend is "sqlite" or "both")
        {
            var dir = Path.Combine(Path.GetTempPath(), "ot-bench-" + Guid.NewGuid().ToString("N")[..8]);
            var settings = StoreSettings.Sqlite(dir);
            try
            {
                Run(settings, corpus, institutions, () =>
                {
                    var file = Path.Combine(dir, RegulationStore.FileName);
                    return new FileInfo(file).Length + (File.Exists(file + "-wal") ? new FileInfo(file + "-wal").Length : 0);
                });
            }
            finally
            {
                Directory.Delete(dir, recursive: true);
            }
        }

        if (backend is "postgres" or "both")
        {
            using var server = TemporaryPostgres.Start();
            var settings = new StoreSettings(StoreBackend.Postgres, server.CreateDatabase("ot_bench"));
            Run(settings, corpus, institutions, () => server.DatabaseSize("ot_bench"));
        }

        return Task.FromResult(0);
    }

    private static List<(Regulation Regulation, IReadOnlyList<Obligation> Obligations, RegulationScope Scope, string Hash, string Path)> Prepare(List<string> files)
    {
        var loader = new RegulationLoader();
        var list = new List<(Regulation, IReadOnlyList<Obligation>, RegulationScope, string, string)>();
        foreach (var file in files)
        {
            var bytes = File.ReadAllBytes(file);
            if (loader.Load(bytes, file).Regulation is not { } regulation) continue;
            var obligations = ObligationExtractor.Default.Extract(regulation);
            list.Add((regulation, obligations, RegulationScope.Of(regulation, obligations, InstitutionTaxonomy.Default), Convert.ToHexStringLower(SHA256.HashData(bytes)), file));
        }

        return list;
    }

    private static void Run(
        StoreSettings settings,
        List<(Regulation Regulation, IReadOnlyList<Obligation> Obligations, RegulationScope Scope, string Hash, string Path)> corpus,
        int count,
        Func<long?> size)
    {
        Console.WriteLine();
        Console.WriteLine($"== {settings.Describe()}");
        using var store = RegulationStore.Open(settings, TimeProvider.System);
        var watch = Stopwatch.StartNew();
        foreach (var c in corpus) store.Save(c.Regulation, c.Hash, c.Path, c.Obligations, c.Scope);
        store.Optimize(); // as ot ingest does at its end
        Console.WriteLine($"ingest (store only, one transaction per regulation): {watch.Elapsed.TotalSeconds:F2} s");

        var institutions = MakeInstitutions(store, count);
        watch.Restart();
        var tracked = Track(store, institutions);
        store.Optimize();
        Console.WriteLine($"{institutions.Count} institutions; tracking set on {tracked} (institution, obligation) pairs in {watch.Elapsed.TotalSeconds:F2} s");

        for (var i = 0; i < Math.Min(20, institutions.Count); i++) store.Register.Applicable(institutions[i]); // warm-up
        var times = new List<double>(institutions.Count);
        var cpu = new List<double>(institutions.Count);
        var slowest = new List<(double Ms, int Rows, StoredInstitution Institution)>();
        long rows = 0;
        watch.Restart();
        foreach (var institution in institutions)
        {
            var cpuBefore = ThreadCpu.Now();
            var one = Stopwatch.StartNew();
            var n = store.Register.Applicable(institution).Count;
            times.Add(one.Elapsed.TotalMilliseconds);
            if (cpuBefore is { } b && ThreadCpu.Now() is { } a) cpu.Add((a - b).TotalMilliseconds);
            slowest.Add((times[^1], n, institution));
            rows += n;
        }

        var total = watch.Elapsed.TotalSeconds;
        foreach (var (ms, n, i) in slowest.OrderByDescending(s => s.Ms).Take(3))
            Console.WriteLine($"  slow: {ms:F1} ms, {n} lines, {string.Join("、", i.Types)}");
        times.Sort();
        cpu.Sort();
        static double P(List<double> list, double q) => list[Math.Min(list.Count - 1, (int)Math.Ceiling(q * list.Count) - 1)];
        Console.WriteLine($"applicable obligations, one institution: p50 {P(times, 0.5):F1} ms, p95 {P(times, 0.95):F1} ms, p99 {P(times, 0.99):F1} ms, max {times[^1]:F1} ms wall (target p99 <= 50 ms)");
        if (cpu.Count > 0)
            Console.WriteLine($"  CPU of the querying thread{(settings.Backend == StoreBackend.Postgres ? " (client side; the server's work is not in it)" : "")}: p50 {P(cpu, 0.5):F1} ms, p99 {P(cpu, 0.99):F1} ms, total {cpu.Sum() / 1000:F2} s");
        Console.WriteLine($"applicable obligations, all {institutions.Count}: {total:F2} s, {rows} register lines, {rows / institutions.Count} per institution on average (target <= 30 s)");
        watch.Restart();
        var batchRows = store.Register.ApplicableToAll(institutions).Sum(x => (long)x.Entries.Count);
        Console.WriteLine($"applicable obligations, all {institutions.Count} in one pass (ApplicableToAll, obligations read once per distinct type set): {watch.Elapsed.TotalSeconds:F2} s, {batchRows} register lines");
        if (size() is { } bytes) Console.WriteLine($"store size: {bytes / 1024.0 / 1024.0:F1} MB");
        Console.WriteLine($"machine load average (1, 5, 15 min) at the end: {MachineLoad.Averages()} on {Environment.ProcessorCount} cores");
    }

    /// <summary>Institutions of every type, a fifth with two types (a bank that is also a 外资银行 …), names numbered.</summary>
    private static List<StoredInstitution> MakeInstitutions(RegulationStore store, int count)
    {
        var types = InstitutionTaxonomy.Default.Types.Select(t => t.Name).Where(t => t is not (InstitutionTaxonomy.Regulator or InstitutionTaxonomy.Other)).ToList();
        var random = new Random(42);
        var list = new List<StoredInstitution>(count);
        for (var i = 0; i < count; i++)
        {
            var first = types[i % types.Count];
            IReadOnlyList<string> mine = random.Next(5) == 0 ? [first, types[random.Next(types.Count)]] : [first];
            list.Add(store.Institutions.Add(new Institution($"机构{i:D4}", mine.Distinct().ToList(), $"地区{i % 31}", i % 10 == 0 ? $"集团{i % 7}" : null))!);
        }

        return list;
    }

    /// <summary>Every tenth institution gets statuses on its first 20 obligations, so the register joins real tracking rows.</summary>
    private static int Track(RegulationStore store, List<StoredInstitution> institutions)
    {
        var n = 0;
        foreach (var institution in institutions.Where((_, i) => i % 10 == 0))
            foreach (var entry in store.Register.Applicable(institution).Take(20))
            {
                store.Tracking.Set(institution.Id, entry.ObligationId, new TrackingUpdate(Status: TrackingStatus.InProgress, Owner: "bench"), "bench");
                n++;
            }

        return n;
    }
}
