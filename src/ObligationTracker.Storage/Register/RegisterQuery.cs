using ObligationTracker.Core.Calendar;
using ObligationTracker.Core.Institutions;
using ObligationTracker.Core.Register;
using ObligationTracker.Storage.Database;

namespace ObligationTracker.Storage.Register;

/// <summary>An institution's register: the obligations that bind it, with their tracking.</summary>
/// <remarks>
/// An obligation binds an institution when (1) one of the institution's types, or an ancestor of one, is among the
/// obligation's addressees (a 消费金融公司 is bound by what is addressed to 非银行金融机构 … 金融机构); (2) the
/// regulation's scope includes the institution — a scope type is one of its types or an ancestor — so an obligation
/// of 金融机构 in a rule for 商业银行 does not reach a 消费金融公司; and (3) the regulation is in force: not repealed
/// and effective on the given day. Removed obligations stay listed (已关闭) where the institution had tracked them.
/// </remarks>
public sealed class RegisterQuery
{
    private readonly StoreConnection _db;
    private readonly TimeProvider _clock;
    private readonly InstitutionTaxonomy _taxonomy = InstitutionTaxonomy.Default;

    internal RegisterQuery(StoreConnection db, TimeProvider clock)
    {
        _db = db;
        _clock = clock;
    }

    /// <summary>Regulations take effect on the Chinese calendar day.</summary>
    public DateOnly Today => ChinaDate.Today(_clock);

    /// <summary>The types whose obligations bind an institution of these types: the types and all their ancestors.</summary>
    public IReadOnlyList<string> BindingTypes(IEnumerable<string> types) =>
        types.SelectMany(t => _taxonomy.Ancestors(t).Prepend(t)).Distinct().Order(StringComparer.Ordinal).ToList();

    /// <summary>The institution's register on <paramref name="asOf"/> (default: today), in regulation and article order.</summary>
    public IReadOnlyList<RegisterEntry> Applicable(StoredInstitution institution, DateOnly? asOf = null, long? obligationId = null)
    {
        ArgumentNullException.ThrowIfNull(institution);
        return Query(BindingTypes(institution.Types), asOf, institution.Id, obligationId);
    }

    /// <summary>
    /// The registers of many institutions, same result as <see cref="Applicable"/> for each: the obligations are read once
    /// per distinct set of binding types and the tracking once per chunk of institutions (daily scans, exports of all).
    /// </summary>
    public IEnumerable<(StoredInstitution Institution, IReadOnlyList<RegisterEntry> Entries)> ApplicableToAll(IReadOnlyList<StoredInstitution> institutions, DateOnly? asOf = null)
    {
        ArgumentNullException.ThrowIfNull(institutions);
        foreach (var group in institutions.GroupBy(i => string.Join('|', BindingTypes(i.Types)), StringComparer.Ordinal))
        {
            var obligations = Query(group.Key.Split('|'), asOf, institutionId: null, obligationId: null);
            foreach (var chunk in group.Chunk(500))
            {
                var tracking = TrackingOf(chunk.Select(i => i.Id).ToList());
                foreach (var institution in chunk)
                {
                    var mine = tracking.GetValueOrDefault(institution.Id);
                    var entries = new List<RegisterEntry>(obligations.Count);
                    foreach (var e in obligations)
                    {
                        if (mine is not null && mine.TryGetValue(e.ObligationId, out var state)) entries.Add(e with { Tracking = state });
                        else if (e.Active) entries.Add(e);
                    }

                    yield return (institution, entries);
                }
            }
        }
    }

    /// <summary>Without <paramref name="institutionId"/>: every obligation of the types, removed ones included (marked), untracked.</summary>
    private List<RegisterEntry> Query(IReadOnlyList<string> binding, DateOnly? asOf, long? institutionId, long? obligationId)
    {
        using var cmd = _db.Command("", null, ("@inst", institutionId ?? -1), ("@today", Read.Iso(asOf ?? Today)));
        var inTypes = StoreConnection.InList(cmd, "t", binding);
        var oneObligation = obligationId is { } oid ? " AND o.id = @oid" : "";
        if (obligationId is not null) StoreConnection.Add(cmd, "@oid", obligationId);
        var (trackingColumns, trackingJoin, activeOrTracked) = institutionId is null
            ? ("NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL", "", "1 = 1")
            : ("t.status, t.reason, t.owner, t.notes, t.next_due, t.last_done, t.review_required, t.review_note",
               "LEFT JOIN tracking t ON t.obligation_id = o.id AND t.institution_id = @inst", "(o.active = 1 OR t.status IS NOT NULL)");
        // In-force regulations whose scope includes the institution first (a few hundred rows), then their obligations
        // addressed to one of the binding types, then the institution's tracking. MATERIALIZED keeps SQLite from
        // re-checking the scope for every obligation row.
        cmd.CommandText = $"""
            WITH regs AS MATERIALIZED (
                SELECT r.id, r.title, r.document_number FROM regulations r
                WHERE r.status = 'in_force' AND (r.effective IS NULL OR r.effective <= @today)
                  AND EXISTS (SELECT 1 FROM regulation_scope s WHERE s.regulation_id = r.id AND s.type IN ({inTypes})))
            SELECT o.id, o.obligation_key, r.id, r.title, r.document_number, o.article, o.text, o.modality,
                   o.addressee_list, m.by_ref, o.deadline_kind, o.deadline_json, o.active, o.previous_text,
                   {trackingColumns}
            FROM (SELECT a.obligation_id, MIN(a.by_reference) AS by_ref FROM obligation_addressees a
                  WHERE a.type IN ({inTypes}) GROUP BY a.obligation_id) m
            JOIN obligations o ON o.id = m.obligation_id
            JOIN regs r ON r.id = o.regulation_id
            {trackingJoin}
            WHERE {activeOrTracked}{oneObligation}
            ORDER BY r.id, o.article, o.seq, o.id
            """;
        using var reader = cmd.ExecuteReader();
        var list = new List<RegisterEntry>();
        while (reader.Read())
        {
            list.Add(new RegisterEntry(
                Read.Long(reader, 0), reader.GetString(1), Read.Long(reader, 2), reader.GetString(3), Read.Text(reader, 4), Read.Int(reader, 5),
                reader.GetString(6), reader.GetString(7), (Read.Text(reader, 8) ?? "").Split('|', StringSplitOptions.RemoveEmptyEntries),
                Read.Flag(reader, 9), Read.Text(reader, 10), Read.Text(reader, 11), Read.Flag(reader, 12), Read.Text(reader, 13),
                reader.IsDBNull(14) ? TrackingState.Untracked : ReadTracking(reader, 14)));
        }

        return list;
    }

    private Dictionary<long, Dictionary<long, TrackingState>> TrackingOf(IReadOnlyList<long> institutionIds)
    {
        using var cmd = _db.Command("", null);
        var ids = new string[institutionIds.Count];
        for (var i = 0; i < ids.Length; i++)
        {
            ids[i] = $"@i{i}";
            StoreConnection.Add(cmd, ids[i], institutionIds[i]);
        }

        cmd.CommandText = $"""
            SELECT t.status, t.reason, t.owner, t.notes, t.next_due, t.last_done, t.review_required, t.review_note, t.institution_id, t.obligation_id
            FROM tracking t WHERE t.institution_id IN ({string.Join(", ", ids)})
            """;
        using var reader = cmd.ExecuteReader();
        var result = new Dictionary<long, Dictionary<long, TrackingState>>();
        while (reader.Read())
        {
            var institution = Read.Long(reader, 8);
            if (!result.TryGetValue(institution, out var map)) result[institution] = map = [];
            map[Read.Long(reader, 9)] = ReadTracking(reader, 0);
        }

        return result;
    }

    private static TrackingState ReadTracking(System.Data.Common.DbDataReader r, int at) => new(
        TrackingStatusLabels.Parse(r.GetString(at)) ?? TrackingStatus.Pending, Read.Text(r, at + 1), Read.Text(r, at + 2), Read.Text(r, at + 3),
        Read.Date(r, at + 4), Read.Date(r, at + 5), Read.Flag(r, at + 6), Read.Text(r, at + 7));

    /// <summary>One obligation of the register by store id or key (<c>doc#article.sequence</c>); null when it does not bind the institution.</summary>
    public RegisterEntry? Find(StoredInstitution institution, string obligation, DateOnly? asOf = null)
    {
        var id = long.TryParse(obligation.Trim(), out var n)
            ? n
            : _db.Scalar("SELECT id FROM obligations WHERE obligation_key = @k ORDER BY active DESC, id DESC", null, ("@k", obligation.Trim())) is { } v
                ? Convert.ToInt64(v, System.Globalization.CultureInfo.InvariantCulture)
                : (long?)null;
        if (id is null) return null;
        var found = Applicable(institution, asOf, id);
        return found.Count > 0 ? found[0] : null;
    }
}
