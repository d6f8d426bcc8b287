using ObligationTracker.Storage.Database;
using ObligationTracker.Storage.Migrations;

namespace ObligationTracker.Storage.Users;

/// <summary>The web app's users: name, role, institution and password hash (hashed by the caller; the store never sees a password).</summary>
public sealed class UserStore : IDisposable
{
    private const string Columns = "id, name, password_hash, role, institution_id, created_at, updated_at";

    private readonly StoreConnection _db;
    private readonly TimeProvider _clock;

    private UserStore(StoreConnection db, TimeProvider clock)
    {
        _db = db;
        _clock = clock;
    }

    /// <summary>Opens the store's database and brings the register and user tables up to date (users reference institutions).</summary>
    public static UserStore Open(StoreSettings settings, TimeProvider clock)
    {
        // The register's steps first: the users table references institutions.
        RegulationStore.Open(settings, clock).Dispose();
        var db = StoreConnection.Open(settings);
        try
        {
            StoreMigrations.Apply(db, UserMigrations.All, clock);
            return new UserStore(db, clock);
        }
        catch
        {
            db.Dispose();
            throw;
        }
    }

    /// <summary>Adds a user; null when one of that name exists already.</summary>
    public StoredUser? Add(string name, string passwordHash, UserRole role, long? institutionId)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        ArgumentException.ThrowIfNullOrWhiteSpace(passwordHash);
        if ((role == UserRole.Institution) != institutionId.HasValue)
            throw new ArgumentException("An institution user belongs to exactly one institution; the other roles to none.");
        var now = Read.Iso(_clock.GetUtcNow());
        using var tx = _db.Begin();
        if (_db.Scalar("SELECT id FROM users WHERE name = @n", tx, ("@n", name.Trim())) is not null) return null;
        var id = _db.InsertReturningId("""
            INSERT INTO users (name, password_hash, role, institution_id, created_at, updated_at) VALUES (@n, @h, @r, @i, @at, @at)
            """, tx, ("@n", name.Trim()), ("@h", passwordHash), ("@r", role.Name()), ("@i", institutionId), ("@at", now));
        tx.Commit();
        return Find(id);
    }

    /// <summary>Replaces a user's password hash; false when there is no such user.</summary>
    public bool SetPasswordHash(string name, string passwordHash)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(passwordHash);
        using var tx = _db.Begin();
        var n = _db.Execute("UPDATE users SET password_hash = @h, updated_at = @at WHERE name = @n", tx,
            ("@h", passwordHash), ("@at", Read.Iso(_clock.GetUtcNow())), ("@n", name.Trim()));
        tx.Commit();
        return n == 1;
    }

    public StoredUser? Find(string name) => Query("WHERE name = @n", ("@n", name.Trim())).FirstOrDefault();

    public StoredUser? Find(long id) => Query("WHERE id = @id", ("@id", id)).FirstOrDefault();

    public IReadOnlyList<StoredUser> List() => Query("ORDER BY id");

    public int Count() => Convert.ToInt32(_db.Scalar("SELECT COUNT(*) FROM users", null), System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>The stored data-protection keys (XML elements), oldest first.</summary>
    public IReadOnlyList<string> Keys() => _db.Query("SELECT xml FROM web_keys ORDER BY created_at, name", null, r => r.GetString(0));

    /// <summary>Stores a new key; a name stored already is left as it is (keys never change).</summary>
    public void AddKey(string name, string xml)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        ArgumentException.ThrowIfNullOrWhiteSpace(xml);
        using var tx = _db.Begin();
        _db.Execute("INSERT INTO web_keys (name, xml, created_at) VALUES (@n, @x, @at) ON CONFLICT (name) DO NOTHING", tx,
            ("@n", name), ("@x", xml), ("@at", Read.Iso(_clock.GetUtcNow())));
        tx.Commit();
    }

    public void Dispose() => _db.Dispose();

    private List<StoredUser> Query(string where, params (string Name, object? Value)[] parameters) =>
        _db.Query($"SELECT {Columns} FROM users {where}", null, r => new StoredUser(
            Read.Long(r, 0), r.GetString(1), r.GetString(2), UserRoles.Parse(r.GetString(3)) ?? UserRole.Auditor,
            r.IsDBNull(4) ? null : Read.Long(r, 4), Read.Instant(r, 5), Read.Instant(r, 6)), parameters);
}
