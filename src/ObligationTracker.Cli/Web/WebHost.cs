using System.Text.Encodings.Web;
using System.Text.Unicode;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.DataProtection.KeyManagement;
using Microsoft.AspNetCore.HttpOverrides;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Routing;
using ObligationTracker.Cli.Web.Api;
using ObligationTracker.Cli.Web.Security;
using ObligationTracker.Search.Indexing;
using ObligationTracker.Search.Querying;

namespace ObligationTracker.Cli.Web;

/// <summary>Builds the web app: services, security, the API under /api, the pages, static files — one place for <c>ot serve</c> and the tests.</summary>
internal static class WebHost
{
    public const string AntiforgeryHeader = "RequestVerificationToken";

    public static WebApplication Build(WebOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var baseDirectory = AppContext.BaseDirectory;
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions
        {
            Args = [],
            // The app's files (pages are compiled in; wwwroot is copied beside ot.dll) are found beside the assembly,
            // whether run by `dotnet run`, from an install folder, or from a test project's output.
            ApplicationName = typeof(WebHost).Assembly.GetName().Name,
            ContentRootPath = baseDirectory,
            WebRootPath = Path.Combine(baseDirectory, "wwwroot"),
            EnvironmentName = options.EnvironmentName,
        });

        var urls = options.Urls ?? (builder.Configuration["urls"] is { Length: > 0 } configured ? configured.Split(';', StringSplitOptions.RemoveEmptyEntries) : [WebOptions.DefaultUrl]);
        builder.WebHost.UseUrls([.. urls]);
        builder.WebHost.ConfigureKestrel(k => k.AddServerHeader = false);
        // What appsettings.json would say: the framework's per-request chatter off, start-up and errors kept.
        builder.Logging.AddFilter("Microsoft.AspNetCore", LogLevel.Warning);
        builder.Logging.AddFilter("Microsoft.AspNetCore.DataProtection", LogLevel.Error);
        // A start-up failure (port in use) is reported by `ot serve` in one line, without the host's stack trace.
        builder.Logging.AddFilter("Microsoft.Extensions.Hosting.Internal.Host", LogLevel.None);

        var services = builder.Services;
        services.AddSingleton(options);
        services.AddSingleton(options.Clock);
        services.AddSingleton(new StorePool(options.Store, options.Clock));
        services.AddSingleton(_ => ArticleIndex.Open(options.IndexPath));
        // One calendar per request, as the data directory's file stands: `ot calendar import` counts without a restart.
        services.AddSingleton(sp => new CalendarSource(options.DataDirectory, sp.GetRequiredService<ILogger<CalendarSource>>()));
        services.AddScoped(sp => sp.GetRequiredService<CalendarSource>().Current);
        services.AddSingleton<UploadService>();
        services.AddSingleton<DashboardCache>();
        services.AddSingleton<RegulationIds>();
        services.AddSingleton<IssuerChoices>();

        // The key ring lives in the store: every node on a shared PostgreSQL store accepts the cookies the others issue.
        services.AddDataProtection().SetApplicationName("ObligationTracker");
        services.Configure<KeyManagementOptions>(o => o.XmlRepository = new StoreKeyRepository(options.Store, options.Clock));
        services.AddAuthentication(CookieAuthenticationDefaults.AuthenticationScheme).AddCookie(SignInCookie.Configure);
        services.AddAuthorization(AccessPolicies.Add);
        services.AddSingleton<IAuthorizationHandler, InstitutionAccessHandler>();
        services.AddSingleton<SignInThrottle>();
        services.AddAntiforgery(o =>
        {
            o.HeaderName = AntiforgeryHeader;
            o.Cookie.Name = "ot.antiforgery";
            o.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
            o.Cookie.SameSite = SameSiteMode.Strict;
        });

        SearchAnswerCache.Add(services);
        RegisterWorkLimit.Add(services);
        services.AddProblemDetails();
        services.AddExceptionHandler<ApiExceptionHandler>();
        // Binding failures (unreadable JSON, a missing form token) reach ApiExceptionHandler, which says what was wrong.
        services.Configure<RouteHandlerOptions>(o => o.ThrowOnBadRequest = true);
        services.Configure<FormOptions>(o => o.MultipartBodyLengthLimit = options.MaxUploadBytes);
        services.ConfigureHttpJsonOptions(o => o.SerializerOptions.Encoder = JavaScriptEncoder.Create(UnicodeRanges.All));
        services.AddOpenApi(o => o.AddDocumentTransformer((document, _, _) =>
        {
            document.Info.Title = "ObligationTracker API";
            document.Info.Description = "Chinese financial regulations as a searchable, trackable register of obligations. Sign in with a form post to /account/login; "
                + $"send the anti-forgery token from GET /api/me in the {AntiforgeryHeader} header with every PUT, POST and DELETE.";
            return Task.CompletedTask;
        }));
        // Pages show Chinese as is, not as &#x…; entities.
        services.AddSingleton(HtmlEncoder.Create(UnicodeRanges.All));
        services.AddRazorPages(o =>
        {
            o.RootDirectory = "/Web/Pages";
            o.Conventions.AllowAnonymousToFolder("/Account");
        });

        if (options.RunScheduler) services.AddHostedService<SchedulerService>();
        if (options.IndexSyncInterval is not null) services.AddHostedService<IndexCatchUpService>();

        // Behind a reverse proxy on this machine that terminates TLS, X-Forwarded-Proto: https makes the request HTTPS,
        // so the cookies get their Secure flag (CookieSecurePolicy.SameAsRequest). Only loopback proxies are trusted.
        services.Configure<ForwardedHeadersOptions>(o => o.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto);

        var app = builder.Build();
        app.UseForwardedHeaders();
        app.Use(SecurityHeaders);
        app.UseExceptionHandler();
        app.UseWhen(c => SignInCookie.IsApi(c.Request), api => api.UseStatusCodePages());
        // A page answered 400, 403, 404 … without a body (a refused anti-forgery token, a forbidden dashboard) shows /error/{code} in words.
        app.UseWhen(c => !SignInCookie.IsApi(c.Request), web => web.UseStatusCodePagesWithReExecute("/error/{0}"));
        app.UseStaticFiles();
        app.UseRouting();
        app.Use(SignInGuard.Run); // after routing: it knows the sign-in page by its endpoint, whatever the path's spelling
        app.UseAuthentication();
        app.UseAuthorization();
        app.UseOutputCache(); // after authorization: a cached answer goes only to whoever may have it
        app.UseRateLimiter();
        app.UseAntiforgery();

        app.MapOpenApi().AllowAnonymous();
        ApiEndpoints.Map(app.MapGroup("/api"));
        app.MapRazorPages();

        // The first search loads jieba's dictionaries (seconds): do it once the app is up, not in a user's request.
        app.Lifetime.ApplicationStarted.Register(() => _ = Task.Run(() =>
        {
            try
            {
                app.Services.GetRequiredService<ArticleIndex>().Search(new SearchRequest("规定") { PageSize = 1 });
            }
            catch (Exception ex) when (ex is IOException or InvalidOperationException or ObjectDisposedException)
            {
                app.Logger.LogWarning("The search index could not be warmed up: {Message}", ex.Message);
            }
        }));
        return app;
    }

    /// <summary>Headers on every response: no sniffing, no framing, no referrer to other sites, scripts from this app only.</summary>
    private static Task SecurityHeaders(HttpContext context, Func<Task> next)
    {
        var headers = context.Response.Headers;
        headers.XContentTypeOptions = "nosniff";
        headers.XFrameOptions = "DENY";
        headers["Referrer-Policy"] = "same-origin";
        headers.ContentSecurityPolicy = "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; object-src 'none'; frame-ancestors 'none'; base-uri 'self'; form-action 'self'";
        return next();
    }
}
