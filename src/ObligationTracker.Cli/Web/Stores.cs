using ObligationTracker.Storage;
using ObligationTracker.Storage.Database;
using ObligationTracker.Storage.Reminders;
using ObligationTracker.Storage.Users;

namespace ObligationTracker.Cli.Web;

/// <summary>The stores one request works with: the register, and, opened when first asked for, the reminders and the users.</summary>
internal sealed class Stores(StoreSettings settings, TimeProvider clock) : IDisposable
{
    private RegulationStore? _register;
    private ReminderStore? _reminders;
    private UserStore? _users;

    public RegulationStore Register => _register ??= RegulationStore.Open(settings, clock);

    public ReminderStore Reminders => _reminders ??= ReminderStore.Open(settings, clock);

    public UserStore Users => _users ??= UserStore.Open(settings, clock);

    public void Dispose()
    {
        _register?.Dispose();
        _reminders?.Dispose();
        _users?.Dispose();
    }
}
