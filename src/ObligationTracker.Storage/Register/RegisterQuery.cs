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
    /// <summary>Regulations take effect on the Chinese calendar day.</summary>
    private static readonly TimeSpan ChinaOffset = TimeSpan.FromHours(8);

    private readonly StoreConnection _db;
    private readonly TimeProvider _clock;
    private readonly InstitutionTaxonomy _taxonomy = InstitutionTaxonomy.Default;

    internal RegisterQuery(StoreConnection db, TimeProvider clock)
    {
        _db = db;
        _clock = clock;
    }

    public DateOnly Today => DateOnly.FromDateTime(_clock.GetUtcNow().ToOffset(ChinaOffset).DateTime);

    /// <summary>The types whose obligations bind an institution of these types: the types and all their ancestors.</summary>
    public IReadOnlyList<string> BindingTypes(IEnumerable<string> types) =>
        types.SelectMany(t => _taxonomy.Ancestors(t).Prepend(t)).Distinct().Order(StringComparer.Ordinal).ToList();

    /// <summary>The institution's register on <paramref name="asOf"/> (default: today), in regulation and article order.</summary>
    public IReadOnlyList<RegisterEntry> Applicable(StoredInstitution institution, DateOnly? asOf = null, long? obligationId = null)
    {
        ArgumentNullException.ThrowIfNull(institution);
        var binding = BindingTypes(institution.Types);
        using var cmd = _db.Command("", null, ("@inst", institution.Id), ("@today", Read.Iso(asOf ?? Today)));
        var inTypes = StoreConnection.InList(cmd, "t", binding);
        var oneObligation = obligationId is { } oid ? " AND o.id = @oid" : "";
        if (obligationId is not null) StoreConnection.Add(cmd, "@oid", obligationId);
        cmd.CommandText = $"""
            SELECT o.id, o.obligation_key, r.id, r.title, r.document_number, o.article, o.text, o.modality,
                   (SELECT {_db.Dialect.StringAgg("x.type", '|')} FROM obligation_addressees x WHERE x.obligation_id = o.id AND x.by_reference = 0),
                   m.by_ref, o.deadline_kind, o.deadline_json, o.active, o.previous_text,
                   t.status, t.reason, t.owner, t.notes, t.next_due, t.last_done, t.review_required, t.review_note
            FROM (SELECT a.obligation_id, MIN(a.by_reference) AS by_ref FROM obligation_addressees a
                  WHERE a.type IN ({inTypes}) GROUP BY a.obligation_id) m
            JOIN obligations o ON o.id = m.obligation_id
            JOIN regulations r ON r.id = o.regulation_id
            LEFT JOIN tracking t ON t.obligation_id = o.id AND t.institution_id = @inst
            WHERE r.status = 'in_force' AND (r.effective IS NULL OR r.effective <= @today)
              AND EXISTS (SELECT 1 FROM regulation_scope s WHERE s.regulation_id = r.id AND s.type IN ({inTypes}))
              AND (o.active = 1 OR t.status IS NOT NULL){oneObligation}
            ORDER BY r.id, o.article, o.seq, o.id
            """;
        using var reader = cmd.ExecuteReader();
        var list = new List<RegisterEntry>();
        while (reader.Read())
        {
            var tracking = reader.IsDBNull(14)
                ? TrackingState.Untracked
                : new TrackingState(
                    TrackingStatusLabels.Parse(reader.GetString(14)) ?? TrackingStatus.Pending, Read.Text(reader, 15), Read.Text(reader, 16),
                    Read.Text(reader, 17), Read.Date(reader, 18), Read.Date(reader, 19), Read.Flag(reader, 20), Read.Text(reader, 21));
            list.Add(new RegisterEntry(
                Read.Long(reader, 0), reader.GetString(1), Read.Long(reader, 2), reader.GetString(3), Read.Text(reader, 4), Read.Int(reader, 5),
                reader.GetString(6), reader.GetString(7), (Read.Text(reader, 8) ?? "").Split('|', StringSplitOptions.RemoveEmptyEntries).Order(StringComparer.Ordinal).ToList(),
                Read.Flag(reader, 9), Read.Text(reader, 10), Read.Text(reader, 11), Read.Flag(reader, 12), Read.Text(reader, 13), tracking));
        }

        return list;
    }

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
