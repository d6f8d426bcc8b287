using System.Collections.Concurrent;
using System.Data.Common;
using ObligationTracker.Storage;
using ObligationTracker.Storage.Database;

namespace ObligationTracker.Cli.Web;

/// <summary>Open stores for request handlers, reused between requests.</summary>
/// <remarks>
/// A store holds one connection, which is not shared between threads, so each request takes a store of its own and
/// gives it back when done. Opening one runs the schema check, which is worth doing once per connection rather than
/// once per request. A store whose work failed with a database error is closed instead of being given back, so a
/// broken connection (a PostgreSQL restart) is not handed to the next request.
/// </remarks>
internal sealed class StorePool(StoreSettings settings, TimeProvider clock) : IDisposable
{
    private readonly ConcurrentBag<Stores> _idle = [];
    private readonly int _maxIdle = Math.Max(8, Environment.ProcessorCount * 4);
    private int _disposed;

    public StoreSettings Settings => settings;

    public T Use<T>(Func<Stores, T> work)
    {
        ObjectDisposedException.ThrowIf(_disposed != 0, this);
        var stores = _idle.TryTake(out var idle) ? idle : new Stores(settings, clock);
        try
        {
            var result = work(stores);
            Return(stores);
            return result;
        }
        catch (DbException)
        {
            stores.Dispose();
            throw;
        }
        catch
        {
            Return(stores);
            throw;
        }
    }

    public void Dispose()
    {
        if (Interlocked.Exchange(ref _disposed, 1) != 0) return;
        while (_idle.TryTake(out var s)) s.Dispose();
    }

    private void Return(Stores stores)
    {
        if (_disposed != 0 || _idle.Count >= _maxIdle) stores.Dispose();
        else _idle.Add(stores);
    }
}
