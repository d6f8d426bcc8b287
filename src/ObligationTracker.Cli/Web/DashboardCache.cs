using System.Collections.Concurrent;
using System.Globalization;
using ObligationTracker.Cli.Queries;
using ObligationTracker.Storage.Register;

namespace ObligationTracker.Cli.Web;

/// <summary>The last dashboard of each institution, and its register's lines, reused while nothing they depend on has changed.</summary>
/// <remarks>
/// A dashboard reads the whole register and computes its due dates (tens of milliseconds for a bank's thousands of
/// obligations); it depends only on the day, the store's change stamp (tracking history, ingests, repeals) and the
/// recorded events and the holiday calendar (an import while the app runs). Those are read first, with a few index lookups, and the view is computed again when they differ;
/// a change made through another node shows at once, since the stamp is read from the shared store. The dashboard page's
/// register (every line with its due date) depends on the same things, so it is computed with the view and kept under the same key.
/// </remarks>
internal sealed class DashboardCache(CalendarSource calendars)
{
    private readonly ConcurrentDictionary<long, (string Key, DashboardView View, IReadOnlyList<RegisterLine> Lines)> _views = new();

    /// <summary>The dashboard (GET /api/institutions/{id}/dashboard).</summary>
    public DashboardView Get(Stores stores, StoredInstitution institution, DateOnly today) => Overview(stores, institution, today).View;

    /// <summary>The dashboard and the register's lines, removed obligations (已关闭) included (the dashboard page).</summary>
    public (DashboardView View, IReadOnlyList<RegisterLine> Lines) Overview(Stores stores, StoredInstitution institution, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(stores);
        ArgumentNullException.ThrowIfNull(institution);
        var key = string.Create(CultureInfo.InvariantCulture, $"{today:yyyy-MM-dd}|{stores.Register.ChangeStamp()}|{stores.Reminders.Events.LastId()}|{calendars.Version}");
        if (_views.TryGetValue(institution.Id, out var cached) && cached.Key == key) return (cached.View, cached.Lines);
        var (view, lines) = new InstitutionRegister(stores.Register, stores.Reminders, calendars.Current).Overview(institution, today);
        _views[institution.Id] = (key, view, lines);
        return (view, lines);
    }
}
