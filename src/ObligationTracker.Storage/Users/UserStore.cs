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

    /// <summary>Counts a failed sign-in against <paramref name="subject"/>; the time its lock-out ends once the count reaches <paramref name="maxFailures"/>, else null.</summary>
    /// <remarks>
    /// Failures count within <paramref name="window"/> from the first one; a lock-out lasts <paramref name="lockout"/>, and
    /// after either runs out the count starts again. One statement counts, so nodes failing the same name at once each add one.
    /// </remarks>
    public DateTimeOffset? RecordSignInFailure(string subject, int maxFailures, TimeSpan window, TimeSpan lockout)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(subject);
        ArgumentOutOfRangeException.ThrowIfLessThan(maxFailures, 1);
        var now = _clock.GetUtcNow().ToUnixTimeMilliseconds();
        var cutoff = now - (long)window.TotalMilliseconds;
        const string Fresh = "((sign_in_failures.locked_until IS NOT NULL AND sign_in_failures.locked_until <= @now) "
            + "OR (sign_in_failures.locked_until IS NULL AND sign_in_failures.window_start <= @cutoff))";
        const string Count = $"(CASE WHEN {Fresh} THEN 1 ELSE sign_in_failures.failures + 1 END)";
        using var tx = _db.Begin();
        // What has run out is forgotten, so names tried once and never again do not pile up.
        _db.Execute("DELETE FROM sign_in_failures WHERE (locked_until IS NULL AND window_start <= @cutoff) OR locked_until <= @now", tx,
            ("@now", now), ("@cutoff", cutoff));
        _db.Execute($"""
            INSERT INTO sign_in_failures (subject, failures, window_start, locked_until)
            VALUES (@s, 1, @now, CASE WHEN @max <= 1 THEN @until ELSE NULL END)
            ON CONFLICT (subject) DO UPDATE SET
                failures = {Count},
                window_start = CASE WHEN {Fresh} THEN @now ELSE sign_in_failures.window_start END,
                locked_until = CASE WHEN {Count} >= @max THEN @until WHEN {Fresh} THEN NULL ELSE sign_in_failures.locked_until END
            """, tx, ("@s", subject), ("@now", now), ("@cutoff", cutoff), ("@max", maxFailures), ("@until", now + (long)lockout.TotalMilliseconds));
        var until = _db.Scalar("SELECT locked_until FROM sign_in_failures WHERE subject = @s", tx, ("@s", subject));
        tx.Commit();
        return until is null ? null : DateTimeOffset.FromUnixTimeMilliseconds(Convert.ToInt64(until, System.Globalization.CultureInfo.InvariantCulture));
    }

    /// <summary>The latest end of a lock-out in force on any of <paramref name="subjects"/>; null when none is locked out now.</summary>
    public DateTimeOffset? SignInLockedUntil(params string[] subjects)
    {
        ArgumentNullException.ThrowIfNull(subjects);
        if (subjects.Length == 0) return null;
        using var cmd = _db.Command("", null, ("@now", _clock.GetUtcNow().ToUnixTimeMilliseconds()));
        cmd.CommandText = $"SELECT MAX(locked_until) FROM sign_in_failures WHERE locked_until > @now AND subject IN ({StoreConnection.InList(cmd, "s", subjects)})";
        var until = cmd.ExecuteScalar();
        return until is null or DBNull ? null : DateTimeOffset.FromUnixTimeMilliseconds(Convert.ToInt64(until, System.Globalization.CultureInfo.InvariantCulture));
    }

    /// <summary>Forgets the failures counted against <paramref name="subject"/> (a successful sign-in).</summary>
    public void ClearSignInFailures(string subject)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(subject);
        using var tx = _db.Begin();
        _db.Execute("DELETE FROM sign_in_failures WHERE subject = @s", tx, ("@s", subject));
        tx.Commit();
    }

    public void Dispose() => _db.Dispose();

    private List<StoredUser> Query(string where, params (string Name, object? Value)[] parameters) =>
        _db.Query($"SELECT {Columns} FROM users {where}", null, r => new StoredUser(
            Read.Long(r, 0), r.GetString(1), r.GetString(2), UserRoles.Parse(r.GetString(3)) ?? UserRole.Auditor,
            r.IsDBNull(4) ? null : Read.Long(r, 4), Read.Instant(r, 5), Read.Instant(r, 6)), parameters);
}
