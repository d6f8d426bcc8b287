using System.Diagnostics;
using Microsoft.Extensions.Time.Testing;
using ObligationTracker.Cli.Commands;
using ObligationTracker.Storage;
using ObligationTracker.Storage.Database;
using Xunit;

namespace ObligationTracker.Cli.Tests.Register;

/// <summary>
/// Kills an <c>ot track import</c> process in the middle of its writes and checks that every change it reported as
/// committed is in the store, and that the store is consistent (state = last committed change).
/// </summary>
public abstract class TrackImportCrashTests : IDisposable
{
    private const int Lines = 20_000;
    private const int KillAfter = 150;
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 3, 2, 8, 0, 0, TimeSpan.Zero));

    protected string Root { get; } = Path.Combine(Path.GetTempPath(), "ot-crash-" + Guid.NewGuid().ToString("N"));

    protected abstract StoreSettings CreateStore();

    /// <summary>The --store value the child process gets.</summary>
    protected abstract string StoreArgument(StoreSettings settings);

    [Fact]
    public void TrackImport_KilledMidRun_LosesNoCommittedChange()
    {
        Directory.CreateDirectory(Root);
        var settings = CreateStore();
        var source = Path.Combine(Root, "v1.md");
        File.WriteAllText(source, RegisterSamples.Version1);
        Assert.Equal(0, IngestCommand.Run([source], Path.Combine(Root, "data"), false, _clock, TextWriter.Null, TextWriter.Null, settings));
        Assert.Equal(0, InstitutionCommand.RunAdd(settings, RegisterSamples.Institution, ["消费金融公司"], null, null, _clock, TextWriter.Null, TextWriter.Null));
        List<long> obligations;
        using (var store = RegulationStore.Open(settings, _clock))
            obligations = store.Register.Applicable(store.Institutions.Find(RegisterSamples.Institution)!).Select(e => e.ObligationId).ToList();
        var tsv = Path.Combine(Root, "changes.tsv");
        File.WriteAllLines(tsv, Enumerable.Range(1, Lines).Select(n => $"{obligations[n % obligations.Count]}\t{(n % 2 == 0 ? "进行中" : "已合规")}\towner{n % 7}\t第{n}行"));

        var reported = RunAndKill(settings, tsv);

        Assert.InRange(reported.Count, KillAfter, Lines - 1); // killed mid-run, not finished
        using var reopened = RegulationStore.Open(settings, _clock);
        var institution = reopened.Institutions.Find(RegisterSamples.Institution)!;
        var committed = new HashSet<int>();
        foreach (var id in obligations)
        {
            var notes = reopened.Tracking.History(institution.Id, id).Where(h => h.Field == "notes").Select(h => int.Parse(h.To!.Trim('第', '行'))).ToList();
            committed.UnionWith(notes);
            if (notes.Count > 0) Assert.Equal($"第{notes[^1]}行", reopened.Tracking.Get(institution.Id, id).Notes);
        }

        Assert.Subset(committed, reported.ToHashSet());
        Assert.InRange(committed.Count - reported.Count, 0, 1); // at most the one committed just before its "ok" was printed
        Assert.Equal(Enumerable.Range(1, committed.Count), committed.Order()); // lines commit in order, none skipped
    }

    public void Dispose()
    {
        GC.SuppressFinalize(this);
        if (Directory.Exists(Root)) Directory.Delete(Root, recursive: true);
    }

    private List<int> RunAndKill(StoreSettings settings, string tsv)
    {
        var psi = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var a in new[] { Path.Combine(AppContext.BaseDirectory, "ot.dll"), "--store", StoreArgument(settings), "track", "import", tsv, "-i", RegisterSamples.Institution, "--by", "crash-test" })
            psi.ArgumentList.Add(a);
        psi.Environment["OT_DATA"] = Path.Combine(Root, "data");
        using var process = Process.Start(psi)!;
        _ = process.StandardError.ReadToEndAsync();
        var reported = new List<int>();
        var reader = Task.Run(() =>
        {
            while (reported.Count < KillAfter && process.StandardOutput.ReadLine() is { } line)
                if (line.StartsWith("ok ", StringComparison.Ordinal)) reported.Add(int.Parse(line.Split(' ')[1]));
        });
        Assert.True(reader.Wait(TimeSpan.FromSeconds(90)), "the import did not report progress");
        process.Kill(entireProcessTree: true);
        // Lines printed between our last read and the kill were committed too; read what is left of the pipe.
        while (process.StandardOutput.ReadLine() is { } line)
            if (line.StartsWith("ok ", StringComparison.Ordinal)) reported.Add(int.Parse(line.Split(' ')[1]));
        process.WaitForExit();
        Assert.NotEqual(0, process.ExitCode);
        return reported;
    }
}

public sealed class SqliteTrackImportCrashTests : TrackImportCrashTests
{
    protected override StoreSettings CreateStore() => StoreSettings.Sqlite(Path.Combine(Root, "data"));

    protected override string StoreArgument(StoreSettings settings) => "sqlite:" + Path.Combine(Root, "data", RegulationStore.FileName);
}

[Collection(PostgresCollection.Name)]
public sealed class PostgresTrackImportCrashTests(PostgresServerFixture pg) : TrackImportCrashTests
{
    protected override StoreSettings CreateStore() => new(StoreBackend.Postgres, pg.Server.CreateDatabase());

    protected override string StoreArgument(StoreSettings settings) => settings.ConnectionString;
}
