using Microsoft.Extensions.Time.Testing;
using ObligationTracker.Storage.Database;

namespace ObligationTracker.Storage.Tests;

/// <summary>Base of every store test: each test gets a fresh, empty store on the backend its subclass names.</summary>
public abstract class StoreBackendTests : IDisposable
{
    private readonly string _dir = Path.Combine(Path.GetTempPath(), "ot-store-" + Guid.NewGuid().ToString("N"));
    private StoreSettings? _settings;

    protected FakeTimeProvider Clock { get; } = new(new DateTimeOffset(2026, 3, 1, 9, 0, 0, TimeSpan.Zero));

    protected string Dir => _dir;

    /// <summary>The same store on every call within one test.</summary>
    protected StoreSettings Settings => _settings ??= CreateSettings();

    protected RegulationStore Open() => RegulationStore.Open(Settings, Clock);

    protected abstract StoreSettings CreateSettings();

    public void Dispose()
    {
        GC.SuppressFinalize(this);
        if (Directory.Exists(_dir)) Directory.Delete(_dir, recursive: true);
    }
}
