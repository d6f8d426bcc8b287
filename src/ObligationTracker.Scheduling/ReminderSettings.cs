using System.Globalization;
using System.Text.Json;
using ObligationTracker.Core.Scheduling;

namespace ObligationTracker.Scheduling;

/// <summary>Where reminders go and when: the <c>reminders</c> object of the data directory's settings.json, overridden by the environment.</summary>
/// <remarks>
/// <code>
/// { "reminders": { "leadTimes": "30,7,1,overdue", "scanAt": "07:00",
///   "smtp": { "host": "mail.example.cn", "port": 25, "from": "ot@example.cn", "to": "compliance@example.cn" },
///   "recipients": { "某某银行": "compliance@bank.cn" }, "webhook": "https://hooks.example.cn/ot", "log": true,
///   "workingDaysOnly": false, "deliverySeconds": 30, "leaseSeconds": 300, "icsFolder": "ics" } }
/// </code>
/// Environment: OT_LEAD_TIMES, OT_SCAN_AT, OT_SMTP_HOST, OT_SMTP_PORT, OT_SMTP_FROM, OT_SMTP_TO, OT_WEBHOOK_URL, OT_NODE.
/// A channel is on when it is configured: e-mail with an SMTP host, the webhook with a URL; the log channel unless "log": false.
/// </remarks>
public sealed record ReminderSettings
{
    public LeadTimes LeadTimes { get; init; } = LeadTimes.Default;

    /// <summary>Time of day (China time) the daily scan runs.</summary>
    public TimeOnly ScanAt { get; init; } = new(7, 0);

    public string? SmtpHost { get; init; }

    public int SmtpPort { get; init; } = 25;

    public string SmtpFrom { get; init; } = "obligation-tracker@localhost";

    /// <summary>Recipient for institutions without their own.</summary>
    public string? SmtpTo { get; init; }

    public IReadOnlyDictionary<string, string> Recipients { get; init; } = new Dictionary<string, string>();

    public Uri? WebhookUrl { get; init; }

    public bool Log { get; init; } = true;

    /// <summary>Hold deliveries on non-working days (the holiday calendar as a Quartz calendar on the delivery trigger).</summary>
    public bool WorkingDaysOnly { get; init; }

    /// <summary>This scheduler's node id in a cluster.</summary>
    public string Node { get; init; } = Environment.MachineName + "-" + Environment.ProcessId.ToString(CultureInfo.InvariantCulture);

    /// <summary>How often the delivery job looks for pending reminders.</summary>
    public TimeSpan DeliveryInterval { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>How long a claim holds before another sender may take the reminder.</summary>
    public TimeSpan Lease { get; init; } = TimeSpan.FromMinutes(5);

    public int MaxAttempts { get; init; } = 8;

    /// <summary>When set, every scan rewrites one iCalendar feed per institution here (a year ahead), for calendars to subscribe to.</summary>
    public string? IcsFolder { get; init; }

    /// <summary>The channels on, in this order.</summary>
    public IReadOnlyList<string> Channels =>
        [.. Log ? ["log"] : Array.Empty<string>(), .. SmtpHost is not null ? ["email"] : Array.Empty<string>(), .. WebhookUrl is not null ? ["webhook"] : Array.Empty<string>()];

    public string? RecipientFor(string institution) => Recipients.TryGetValue(institution, out var to) ? to : SmtpTo;

    /// <summary>settings.json's reminders object (if any), then the environment.</summary>
    /// <exception cref="FormatException">A value cannot be understood; the message names it.</exception>
    public static ReminderSettings Load(string dataDirectory, Func<string, string?>? environment = null)
    {
        environment ??= Environment.GetEnvironmentVariable;
        var s = new ReminderSettings();
        var file = Path.Combine(dataDirectory, "settings.json");
        if (File.Exists(file))
        {
            try
            {
                using var doc = JsonDocument.Parse(File.ReadAllText(file));
                if (doc.RootElement.TryGetProperty("reminders", out var r)) s = FromJson(s, r);
            }
            catch (Exception ex) when (ex is JsonException or InvalidOperationException or KeyNotFoundException)
            {
                throw new FormatException($"{file}: the reminders settings cannot be read: {ex.Message}", ex);
            }
        }

        string? Env(string name) => environment(name) is { Length: > 0 } v ? v : null;
        if (Env("OT_LEAD_TIMES") is { } lead) s = s with { LeadTimes = LeadTimes.Parse(lead) };
        if (Env("OT_SCAN_AT") is { } at) s = s with { ScanAt = ParseTime(at) };
        if (Env("OT_SMTP_HOST") is { } host) s = s with { SmtpHost = host };
        if (Env("OT_SMTP_PORT") is { } port) s = s with { SmtpPort = ParsePort(port) };
        if (Env("OT_SMTP_FROM") is { } from) s = s with { SmtpFrom = from };
        if (Env("OT_SMTP_TO") is { } to) s = s with { SmtpTo = to };
        if (Env("OT_WEBHOOK_URL") is { } url) s = s with { WebhookUrl = ParseUrl(url) };
        if (Env("OT_NODE") is { } node) s = s with { Node = node };
        if (s.IcsFolder is { } folder && !Path.IsPathRooted(folder)) s = s with { IcsFolder = Path.Combine(dataDirectory, folder) };
        return s;
    }

    private static ReminderSettings FromJson(ReminderSettings s, JsonElement r)
    {
        string? Str(JsonElement e, string name) => e.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null;
        if (Str(r, "leadTimes") is { } lead) s = s with { LeadTimes = LeadTimes.Parse(lead) };
        if (Str(r, "scanAt") is { } at) s = s with { ScanAt = ParseTime(at) };
        if (r.TryGetProperty("smtp", out var smtp))
        {
            s = s with { SmtpHost = Str(smtp, "host") ?? s.SmtpHost, SmtpFrom = Str(smtp, "from") ?? s.SmtpFrom, SmtpTo = Str(smtp, "to") ?? s.SmtpTo };
            if (smtp.TryGetProperty("port", out var p)) s = s with { SmtpPort = p.GetInt32() };
        }

        if (r.TryGetProperty("recipients", out var rec))
            s = s with { Recipients = rec.EnumerateObject().ToDictionary(p => p.Name, p => p.Value.GetString() ?? "") };
        if (Str(r, "webhook") is { } url) s = s with { WebhookUrl = ParseUrl(url) };
        if (r.TryGetProperty("log", out var log)) s = s with { Log = log.GetBoolean() };
        if (r.TryGetProperty("workingDaysOnly", out var wd)) s = s with { WorkingDaysOnly = wd.GetBoolean() };
        if (r.TryGetProperty("leaseSeconds", out var ls)) s = s with { Lease = TimeSpan.FromSeconds(ls.GetInt32()) };
        if (r.TryGetProperty("deliverySeconds", out var ds)) s = s with { DeliveryInterval = TimeSpan.FromSeconds(ds.GetInt32()) };
        if (Str(r, "node") is { } node) s = s with { Node = node };
        if (Str(r, "icsFolder") is { } ics) s = s with { IcsFolder = ics };
        return s;
    }

    private static TimeOnly ParseTime(string text) =>
        TimeOnly.TryParseExact(text, "HH:mm", CultureInfo.InvariantCulture, DateTimeStyles.None, out var t) ? t : throw new FormatException($"Scan time '{text}' is not HH:mm.");

    private static int ParsePort(string text) =>
        int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var p) && p is > 0 and < 65536 ? p : throw new FormatException($"SMTP port '{text}' is not a port number.");

    private static Uri ParseUrl(string text) =>
        Uri.TryCreate(text, UriKind.Absolute, out var u) && u.Scheme is "http" or "https" ? u : throw new FormatException($"Webhook '{text}' is not an http(s) URL.");
}
