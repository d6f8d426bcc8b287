using System.Threading.RateLimiting;
using Microsoft.AspNetCore.RateLimiting;

namespace ObligationTracker.Cli.Web;

/// <summary>
/// At most one computation of a whole register (a dashboard: every applicable obligation's due dates) per core at a time;
/// the others wait their turn without holding a thread.
/// </summary>
/// <remarks>
/// Such a request costs tens of milliseconds of CPU where a search answered from the cache costs a fraction of one. Left
/// alone, fifty of them at once share the cores with everything else, and searches wait behind them; held to one per core,
/// they take the same total CPU while searches keep their milliseconds. The queue is long enough never to turn a caller
/// away under any load the server could finish; past it the answer is 503.
/// </remarks>
internal static class RegisterWorkLimit
{
    public const string PolicyName = "register-work";

    public static void Add(IServiceCollection services) => services.AddRateLimiter(o =>
    {
        o.RejectionStatusCode = StatusCodes.Status503ServiceUnavailable;
        o.AddConcurrencyLimiter(PolicyName, c =>
        {
            c.PermitLimit = Environment.ProcessorCount;
            c.QueueLimit = 10_000;
            c.QueueProcessingOrder = QueueProcessingOrder.OldestFirst;
        });
    });
}
