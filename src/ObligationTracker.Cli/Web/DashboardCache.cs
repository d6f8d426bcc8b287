using System.Collections.Concurrent;
using System.Globalization;
using ObligationTracker.Cli.Queries;
using ObligationTracker.Storage.Register;

namespace ObligationTracker.Cli.Web;

/// <summary>The last dashboard of each institution, reused while nothing it depends on has changed.</summary>
/// <remarks>
/// A dashboard reads the whole register and computes its due dates (tens of milliseconds for a bank's thousands of
/// obligations); it depends only on the day, the store's change stamp (tracking history, ingests, repeals) and the
/// recorded events and the holiday calendar (an import while the app runs). Those are read first, with a few index lookups, and the view is computed again when they differ;
/// a change made through another node shows at once, since the stamp is read from the shared store.
/// </remarks>
internal sealed class DashboardCache(CalendarSource calendars)
{
    private readonly ConcurrentDictionary<long, (string Key, DashboardView View)> _views = new();

    public DashboardView Get(Stores stores, StoredInstitution institution, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(stores);
        ArgumentNullException.ThrowIfNull(institution);
        var key = string.Create(CultureInfo.InvariantCulture, $"{today:yyyy-MM-dd}|{stores.Register.ChangeStamp()}|{stores.Reminders.Events.LastId()}|{calendars.Version}");
        if (_views.TryGetValue(institution.Id, out var cached) && cached.Key == key) return cached.View;
        var view = new InstitutionRegister(stores.Register, stores.Reminders, calendars.Current).Dashboard(institution, today);
        _views[institution.Id] = (key, view);
        return view;
    }
}
