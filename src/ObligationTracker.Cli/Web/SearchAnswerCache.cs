using System.Globalization;
using Microsoft.AspNetCore.OutputCaching;
using ObligationTracker.Search.Indexing;

namespace ObligationTracker.Cli.Web;

/// <summary>
/// Output caching of GET /api/search: the same query string answered from memory until this node's index changes.
/// </summary>
/// <remarks>
/// A search's answer depends only on the query string and the index (the store ids in it change only with the index), not
/// on who asks, so one entry serves every signed-in user; authorization still runs first, since the output cache sits
/// after it in the pipeline. Entries are keyed by the index's <see cref="ArticleIndex.Version"/>: a commit (an upload, a
/// catch-up with another node's ingest) makes the next request miss, and old entries age out. Answers that are not 200,
/// or that renew the sign-in cookie, are not stored.
/// </remarks>
internal sealed class SearchAnswerCache : IOutputCachePolicy
{
    public const string PolicyName = "search";

    /// <summary>How long an entry may outlive its use (the index version, not this, decides whether it is current).</summary>
    public static readonly TimeSpan Lifetime = TimeSpan.FromMinutes(10);

    public static void Add(IServiceCollection services) => services.AddOutputCache(o =>
    {
        o.SizeLimit = 64L * 1024 * 1024;
        o.AddPolicy(PolicyName, new SearchAnswerCache());
    });

    ValueTask IOutputCachePolicy.CacheRequestAsync(OutputCacheContext context, CancellationToken cancellation)
    {
        var method = context.HttpContext.Request.Method;
        var cacheable = HttpMethods.IsGet(method) || HttpMethods.IsHead(method);
        context.EnableOutputCaching = true;
        context.AllowCacheLookup = cacheable;
        context.AllowCacheStorage = cacheable;
        context.AllowLocking = true; // fifty clients asking the same new query wait for one search, not fifty
        context.CacheVaryByRules.QueryKeys = "*";
        var index = context.HttpContext.RequestServices.GetRequiredService<ArticleIndex>();
        context.CacheVaryByRules.VaryByValues["index"] = index.Version.ToString(CultureInfo.InvariantCulture);
        context.ResponseExpirationTimeSpan = Lifetime;
        return ValueTask.CompletedTask;
    }

    ValueTask IOutputCachePolicy.ServeFromCacheAsync(OutputCacheContext context, CancellationToken cancellation) => ValueTask.CompletedTask;

    ValueTask IOutputCachePolicy.ServeResponseAsync(OutputCacheContext context, CancellationToken cancellation)
    {
        var response = context.HttpContext.Response;
        if (response.StatusCode != StatusCodes.Status200OK || response.Headers.SetCookie.Count > 0) context.AllowCacheStorage = false;
        return ValueTask.CompletedTask;
    }
}
