namespace ObligationTracker.Search.Querying;

/// <summary>Time spent in each stage of a search, summed over searches (the profile-query tool's breakdown).</summary>
/// <param name="clock">The clock to read, in any unit (the tool passes the thread's CPU time, which load does not inflate).</param>
internal sealed class SearchStages(Func<double> clock)
{
    private readonly Dictionary<string, double> _totals = new(StringComparer.Ordinal);
    private readonly List<string> _order = [];
    private double _last;

    public IEnumerable<(string Stage, double Total)> Totals => _order.Select(s => (s, _totals[s]));

    public void Start() => _last = clock();

    /// <summary>Charges the time since the last mark to <paramref name="stage"/>.</summary>
    public void Mark(string stage)
    {
        var now = clock();
        if (!_totals.ContainsKey(stage)) _order.Add(stage);
        _totals[stage] = _totals.GetValueOrDefault(stage) + (now - _last);
        _last = now;
    }
}
