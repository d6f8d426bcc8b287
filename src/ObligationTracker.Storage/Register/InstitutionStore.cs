using ObligationTracker.Core.Institutions;
using ObligationTracker.Storage.Database;

namespace ObligationTracker.Storage.Register;

/// <summary>The institutions whose registers we keep.</summary>
public sealed class InstitutionStore
{
    private readonly StoreConnection _db;
    private readonly TimeProvider _clock;

    internal InstitutionStore(StoreConnection db, TimeProvider clock)
    {
        _db = db;
        _clock = clock;
    }

    /// <summary>Adds an institution; null when one of that name exists already.</summary>
    public StoredInstitution? Add(Institution institution)
    {
        ArgumentNullException.ThrowIfNull(institution);
        using var tx = _db.Begin();
        if (_db.Scalar("SELECT id FROM institutions WHERE name = @n", tx, ("@n", institution.Name)) is not null) return null;
        var id = _db.InsertReturningId("INSERT INTO institutions (name, region, group_name, created_at) VALUES (@n, @r, @g, @at)", tx,
            ("@n", institution.Name), ("@r", institution.Region), ("@g", institution.Group), ("@at", Read.Iso(_clock.GetUtcNow())));
        foreach (var type in institution.Types)
            _db.Execute("INSERT INTO institution_types (institution_id, type) VALUES (@i, @t)", tx, ("@i", id), ("@t", type));
        tx.Commit();
        return Find(id.ToString(System.Globalization.CultureInfo.InvariantCulture));
    }

    public IReadOnlyList<StoredInstitution> List() => Query("", []);

    /// <summary>By exact name, else by store id.</summary>
    public StoredInstitution? Find(string nameOrId)
    {
        var key = nameOrId.Trim();
        return Query("WHERE i.name = @n", [("@n", key)]).FirstOrDefault()
            ?? (long.TryParse(key, out var id) ? Query("WHERE i.id = @id", [("@id", id)]).FirstOrDefault() : null);
    }

    private List<StoredInstitution> Query(string where, (string, object?)[] parameters)
    {
        var rows = _db.Query($"SELECT i.id, i.name, i.region, i.group_name, i.created_at FROM institutions i {where} ORDER BY i.id", null,
            r => new StoredInstitution(Read.Long(r, 0), r.GetString(1), [], Read.Text(r, 2), Read.Text(r, 3), Read.Instant(r, 4)), parameters);
        if (rows.Count == 0) return rows;
        var types = _db.Query($"SELECT t.institution_id, t.type FROM institution_types t JOIN institutions i ON i.id = t.institution_id {where} ORDER BY t.institution_id, t.type", null,
            r => (Id: Read.Long(r, 0), Type: r.GetString(1)), parameters).ToLookup(t => t.Id, t => t.Type);
        return rows.Select(i => i with { Types = types[i.Id].ToList() }).ToList();
    }
}
