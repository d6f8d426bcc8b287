using System.Data.Common;
using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Json;
using ObligationTracker.Core.Register;
using ObligationTracker.Core.Scheduling;
using ObligationTracker.Storage.Database;
using ObligationTracker.Storage.Migrations;

namespace ObligationTracker.Storage.Reminders;

/// <summary>The reminder queue: enqueued once per idempotency key by the daily scan, claimed with a lease, marked when sent.</summary>
/// <remarks>
/// <para>Delivery is claim → begin → send → mark. Each step is one conditional UPDATE on the claim token, so two
/// senders — threads or clustered nodes — never both hold a reminder, and a sender whose lease ran out can neither
/// begin nor mark. A re-scan or a misfired scan inserts nothing twice: the key is unique.</para>
/// <para>A sender that dies after claiming and before beginning loses nothing and duplicates nothing: the reminder was
/// never handed to a channel, and the next claimant sends it as a first delivery. One that dies between beginning
/// (<see cref="ReminderState.Sending"/>) and marking leaves the reminder <em>in doubt</em>: the channel may have taken
/// it. It is sent again under the same idempotency key, flagged as a redelivery, so a receiver that keeps the keys it
/// has seen (webhook <c>Idempotency-Key</c>, e-mail Message-ID) processes it once. That window — the channel's
/// round trip — is the only one: no store can share a transaction with an SMTP server or a webhook. The flag stays on
/// the row, so every possible duplicate is counted.</para>
/// </remarks>
public sealed class ReminderStore : IDisposable
{
    private static readonly JsonSerializerOptions Json = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    private const int InsertBatch = 200;

    private readonly StoreConnection _db;
    private readonly TimeProvider _clock;

    private ReminderStore(StoreConnection db, TimeProvider clock)
    {
        _db = db;
        _clock = clock;
        Events = new EventStore(db, clock);
    }

    public EventStore Events { get; }

    public StoreSettings Settings => _db.Settings;

    /// <summary>Opens the store's database and brings the reminder tables up to date.</summary>
    public static ReminderStore Open(StoreSettings settings, TimeProvider clock)
    {
        var db = StoreConnection.Open(settings);
        try
        {
            StoreMigrations.Apply(db, ReminderMigrations.All, clock);
            return new ReminderStore(db, clock);
        }
        catch
        {
            db.Dispose();
            throw;
        }
    }

    /// <summary>The last day a scan completed, or null before the first.</summary>
    public DateOnly? LastScan() =>
        _db.Scalar("SELECT MAX(scan_date) FROM reminder_scans", null) is string s ? DateOnly.ParseExact(s, "yyyy-MM-dd", CultureInfo.InvariantCulture) : null;

    /// <summary>Inserts the scan's reminders (a key already there is left alone) and records the scan, in one transaction.</summary>
    /// <returns>How many were new.</returns>
    public int CompleteScan(DateOnly day, IEnumerable<Reminder> reminders, string node)
    {
        ArgumentNullException.ThrowIfNull(reminders);
        var now = Read.Iso(_clock.GetUtcNow());
        using var tx = _db.Begin();
        var added = 0;
        var batch = new List<Reminder>(InsertBatch);
        foreach (var r in reminders)
        {
            batch.Add(r);
            if (batch.Count == InsertBatch) added += Insert(tx, batch, now);
        }

        if (batch.Count > 0) added += Insert(tx, batch, now);
        _db.Execute("""
            INSERT INTO reminder_scans (scan_date, enqueued, node, completed_at) VALUES (@d, @n, @node, @at)
            ON CONFLICT (scan_date) DO UPDATE SET enqueued = reminder_scans.enqueued + excluded.enqueued, node = excluded.node, completed_at = excluded.completed_at
            """, tx, ("@d", Read.Iso(day)), ("@n", added), ("@node", node), ("@at", now));
        tx.Commit();
        return added;
    }

    /// <summary>One multi-row INSERT (a round trip per batch, not per row, which matters on PostgreSQL); clears the batch.</summary>
    private int Insert(DbTransaction tx, List<Reminder> batch, string now)
    {
        using var cmd = _db.Command("", tx, ("@at", now));
        var rows = new System.Text.StringBuilder();
        for (var i = 0; i < batch.Count; i++)
        {
            var r = batch[i];
            var p = string.Create(CultureInfo.InvariantCulture, $"@p{i}_");
            rows.Append(i == 0 ? "" : ",").Append(CultureInfo.InvariantCulture, $"({p}i, {p}o, {p}due, {p}lead, {p}ch, {p}send, 'pending', 0, {p}json, @at)");
            StoreConnection.Add(cmd, p + "i", r.InstitutionId);
            StoreConnection.Add(cmd, p + "o", r.ObligationId);
            StoreConnection.Add(cmd, p + "due", Read.Iso(r.DueDate));
            StoreConnection.Add(cmd, p + "lead", r.LeadDays);
            StoreConnection.Add(cmd, p + "ch", r.Channel);
            StoreConnection.Add(cmd, p + "send", Read.Iso(r.SendOn));
            StoreConnection.Add(cmd, p + "json", JsonSerializer.Serialize(r, Json));
        }

        cmd.CommandText = $"""
            INSERT INTO reminders (institution_id, obligation_id, due_date, lead_days, channel, send_on, state, attempts, payload_json, created_at)
            VALUES {rows} ON CONFLICT (institution_id, obligation_id, due_date, lead_days, channel) DO NOTHING
            """;
        batch.Clear();
        return cmd.ExecuteNonQuery();
    }

    /// <summary>Claims up to <paramref name="max"/> reminders that are pending (and due for a retry) or whose lease has run out.</summary>
    /// <remarks>One whose lease ran out while <see cref="ReminderState.Sending"/> comes back in doubt (see the class remarks).</remarks>
    /// <remarks>The candidates are read with two index-ordered queries, then one UPDATE claims them: the claimable
    /// condition is repeated in it so that a row another sender claimed meanwhile is skipped (on PostgreSQL it is
    /// re-checked after the row lock), never claimed twice.</remarks>
    public IReadOnlyList<StoredReminder> Claim(string node, TimeSpan lease, int max)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(node);
        var now = _clock.GetUtcNow();
        var at = Read.Iso(now);
        var limit = max.ToString(CultureInfo.InvariantCulture);
        var ids = _db.Query($"SELECT id FROM reminders WHERE state IN ('claimed', 'sending') AND lease_until < @now ORDER BY id LIMIT {limit}", null, r => Read.Long(r, 0), ("@now", at));
        ids.AddRange(_db.Query($"SELECT id FROM reminders WHERE state = 'pending' AND (retry_at IS NULL OR retry_at <= @now) ORDER BY id LIMIT {limit}", null,
            r => Read.Long(r, 0), ("@now", at)));
        if (ids.Count == 0) return [];
        var token = Guid.NewGuid().ToString("N");
        var list = string.Join(",", ids.Take(max).Select(i => i.ToString(CultureInfo.InvariantCulture)));
        _db.Execute($"""
            UPDATE reminders SET in_doubt = CASE WHEN state = 'sending' THEN 1 ELSE in_doubt END,
                state = 'claimed', claimed_by = @node, claim_token = @token, lease_until = @until, attempts = attempts + 1
            WHERE id IN ({list}) AND ((state = 'pending' AND (retry_at IS NULL OR retry_at <= @now)) OR (state IN ('claimed', 'sending') AND lease_until < @now))
            """, null, ("@node", node), ("@token", token), ("@until", Read.Iso(now + lease)), ("@now", at));
        return Select($"WHERE id IN ({list}) AND claim_token = @token", ("@token", token));
    }

    /// <summary>Records that a claimed reminder is about to be handed to its channel, renewing the lease; false when
    /// the claim was lost (its lease ran out and it may be someone else's now): then it must not be sent.</summary>
    public bool BeginSend(StoredReminder claimed, TimeSpan lease)
    {
        ArgumentNullException.ThrowIfNull(claimed);
        var now = _clock.GetUtcNow();
        return _db.Execute("""
            UPDATE reminders SET state = 'sending', lease_until = @until
            WHERE id = @id AND state = 'claimed' AND claim_token = @token AND lease_until >= @now
            """, null, ("@until", Read.Iso(now + lease)), ("@id", claimed.Id), ("@token", claimed.ClaimToken), ("@now", Read.Iso(now))) == 1;
    }

    /// <summary>Marks a reminder sent once its channel acknowledged it; false when the claim was lost meanwhile.</summary>
    public bool MarkSent(StoredReminder claimed)
    {
        ArgumentNullException.ThrowIfNull(claimed);
        return _db.Execute("UPDATE reminders SET state = 'sent', sent_at = @at, lease_until = NULL, last_error = NULL WHERE id = @id AND state = 'sending' AND claim_token = @token",
            null, ("@at", Read.Iso(_clock.GetUtcNow())), ("@id", claimed.Id), ("@token", claimed.ClaimToken)) == 1;
    }

    /// <summary>Gives a reminder back after a failed or skipped send: retried after <paramref name="retryAfter"/>, or
    /// failed for good after <paramref name="maxAttempts"/>.</summary>
    /// <param name="inDoubt">The channel may have taken it (a timeout or a broken connection after it was handed over,
    /// not a refusal): the retry is then a redelivery.</param>
    public void Release(StoredReminder claimed, string error, TimeSpan retryAfter, int maxAttempts, bool inDoubt = false)
    {
        ArgumentNullException.ThrowIfNull(claimed);
        var state = claimed.Attempts >= maxAttempts ? "failed" : "pending";
        _db.Execute("""
            UPDATE reminders SET state = @state, retry_at = @retry, lease_until = NULL, claimed_by = NULL, claim_token = NULL, last_error = @err,
                in_doubt = CASE WHEN @doubt = 1 THEN 1 ELSE in_doubt END
            WHERE id = @id AND state IN ('claimed', 'sending') AND claim_token = @token
            """, null, ("@state", state), ("@retry", Read.Iso(_clock.GetUtcNow() + retryAfter)), ("@err", error), ("@doubt", inDoubt ? 1 : 0),
            ("@id", claimed.Id), ("@token", claimed.ClaimToken));
    }

    public StoredReminder? Get(long id) => Select("WHERE id = @id", ("@id", id)).FirstOrDefault();

    /// <summary>Reminders in a state (all when null), in the order they were enqueued.</summary>
    public IReadOnlyList<StoredReminder> List(ReminderState? state = null) =>
        state is { } s ? Select("WHERE state = @s", ("@s", Name(s))) : Select("");

    /// <summary>The idempotency keys already sent for these institutions.</summary>
    public IReadOnlySet<string> SentKeys(IEnumerable<long> institutionIds)
    {
        var ids = institutionIds.Select(i => i.ToString(CultureInfo.InvariantCulture)).ToList();
        if (ids.Count == 0) return new HashSet<string>();
        using var cmd = _db.Command("", null);
        cmd.CommandText = $"SELECT institution_id, obligation_id, due_date, lead_days, channel FROM reminders WHERE state = 'sent' AND institution_id IN ({string.Join(",", ids)})";
        using var r = cmd.ExecuteReader();
        var keys = new HashSet<string>(StringComparer.Ordinal);
        while (r.Read())
            keys.Add(string.Create(CultureInfo.InvariantCulture, $"{Read.Long(r, 0)}:{Read.Long(r, 1)}:{r.GetString(2)}:{Read.Int(r, 3)}:{r.GetString(4)}"));
        return keys;
    }

    /// <summary>Tracking facts that change reminders: status (不适用, 已关闭, 已合规 stop some) and when a duty was last done.</summary>
    public IReadOnlyDictionary<(long Institution, long Obligation), (TrackingStatus Status, DateOnly? LastDone)> TrackingFacts()
    {
        var facts = new Dictionary<(long, long), (TrackingStatus, DateOnly?)>();
        const string sql = "SELECT institution_id, obligation_id, status, last_done FROM tracking WHERE status IN (@na, @closed, @done) OR last_done IS NOT NULL";
        foreach (var (i, o, status, done) in _db.Query(sql, null, r => (Read.Long(r, 0), Read.Long(r, 1), r.GetString(2), Read.Date(r, 3)),
            ("@na", TrackingStatus.NotApplicable.Label()), ("@closed", TrackingStatus.Closed.Label()), ("@done", TrackingStatus.Compliant.Label())))
            facts[(i, o)] = (TrackingStatusLabels.Parse(status) ?? TrackingStatus.Pending, done);
        return facts;
    }

    public Dictionary<ReminderState, int> CountByState()
    {
        var counts = Enum.GetValues<ReminderState>().ToDictionary(s => s, _ => 0);
        foreach (var (state, n) in _db.Query("SELECT state, COUNT(*) FROM reminders GROUP BY state", null, r => (r.GetString(0), Read.Int(r, 1))))
            counts[Parse(state)] = n;
        return counts;
    }

    public void Dispose() => _db.Dispose();

    private List<StoredReminder> Select(string where, params (string, object?)[] parameters) =>
        _db.Query($"SELECT id, payload_json, state, attempts, claimed_by, claim_token, lease_until, sent_at, last_error, in_doubt FROM reminders {where} ORDER BY id", null,
            r => new StoredReminder(Read.Long(r, 0), JsonSerializer.Deserialize<Reminder>(r.GetString(1), Json)!, Parse(r.GetString(2)), Read.Int(r, 3),
                Read.Text(r, 4), Read.Text(r, 5), Instant(r, 6), Instant(r, 7), Read.Text(r, 8), Read.Int(r, 9) != 0), parameters);

    private static DateTimeOffset? Instant(DbDataReader r, int i) => r.IsDBNull(i) ? null : Read.Instant(r, i);

    private static string Name(ReminderState s) => s.ToString().ToLowerInvariant();

    private static ReminderState Parse(string s) => Enum.Parse<ReminderState>(s, ignoreCase: true);
}
