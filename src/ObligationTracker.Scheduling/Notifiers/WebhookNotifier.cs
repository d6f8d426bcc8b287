using System.Net.Http.Json;
using System.Text.Encodings.Web;
using System.Text.Json;
using ObligationTracker.Core.Scheduling;

namespace ObligationTracker.Scheduling.Notifiers;

/// <summary>HTTP POST of the reminder as JSON; any 2xx is acceptance.</summary>
/// <remarks>
/// The <c>Idempotency-Key</c> header carries the reminder's key: a receiver that keeps the keys it has seen turns our
/// redeliveries (a crash between its 2xx and our mark re-sends, with the X-OT-Redelivery header) into exactly-once processing.
/// </remarks>
public sealed class WebhookNotifier : INotifier
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    private readonly HttpClient _http;
    private readonly Uri _url;

    public WebhookNotifier(HttpClient http, Uri url)
    {
        _http = http;
        _url = url;
    }

    /// <summary>Sent with a reminder an earlier attempt may already have delivered.</summary>
    public const string RedeliveryHeader = "X-OT-Redelivery";

    public string Channel => "webhook";

    public async Task SendAsync(Reminder reminder, bool redelivery, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(reminder);
        using var request = new HttpRequestMessage(HttpMethod.Post, _url) { Content = JsonContent.Create(reminder, options: Json) };
        request.Headers.Add("Idempotency-Key", reminder.IdempotencyKey);
        if (redelivery) request.Headers.Add(RedeliveryHeader, "1");
        using var response = await _http.SendAsync(request, cancellationToken);
        if (!response.IsSuccessStatusCode)
            throw new HttpRequestException($"The webhook answered {(int)response.StatusCode} {response.ReasonPhrase}.", null, response.StatusCode);
    }
}
