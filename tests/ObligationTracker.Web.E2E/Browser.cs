using Microsoft.Playwright;
using Xunit.Abstractions;
using Xunit.Sdk;

namespace ObligationTracker.Web.E2E;

/// <summary>
/// Debian's headless Chromium driven by Playwright, with a fresh profile, and screenshots of each step in a folder the
/// test output names.
/// </summary>
/// <remarks>
/// Chromium is taken from /usr/bin/chromium (or $OT_CHROMIUM); when it is missing the test fails saying how to install
/// it — it never skips. Playwright's driver runs on the Node it ships; no browser is downloaded.
/// </remarks>
public sealed class Browser : IAsyncDisposable
{
    public const string DefaultChromium = "/usr/bin/chromium";

    /// <summary>Chromium switches for a quiet, offline, headless run as root (no sandbox), with nothing reaching out to the network.</summary>
    private static readonly string[] Switches =
    [
        "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
        "--disable-background-networking", "--disable-component-update", "--disable-sync",
    ];

    private readonly IPlaywright _playwright;
    private readonly IBrowserContext _context;
    private readonly string _profile;
    private readonly ITestOutputHelper _output;
    private int _shots;

    private Browser(IPlaywright playwright, IBrowserContext context, string profile, string screenshots, ITestOutputHelper output)
    {
        _playwright = playwright;
        _context = context;
        _profile = profile;
        Screenshots = screenshots;
        _output = output;
    }

    public IPage Page { get; private set; } = null!;

    /// <summary>Where this run's screenshots go: screenshots/{name} in the test output folder, or under $OT_E2E_SCREENSHOTS.</summary>
    public string Screenshots { get; }

    /// <summary>Messages the pages wrote to the console as errors, and scripts that failed (a CSP refusal shows here).</summary>
    public List<string> ConsoleErrors { get; } = [];

    public static async Task<Browser> Start(Uri baseAddress, string name, ITestOutputHelper output)
    {
        ArgumentNullException.ThrowIfNull(output);
        var chromium = Environment.GetEnvironmentVariable("OT_CHROMIUM") is { Length: > 0 } configured ? configured : DefaultChromium;
        if (!File.Exists(chromium))
            throw new XunitException($"Chromium was not found at {chromium}: the end-to-end test needs Debian's chromium package (apt-get install -y chromium; .ci/run installs it), or OT_CHROMIUM set to a Chromium binary.");

        var root = Environment.GetEnvironmentVariable("OT_E2E_SCREENSHOTS") is { Length: > 0 } folder ? folder : Path.Combine(AppContext.BaseDirectory, "screenshots");
        var screenshots = Path.Combine(root, name);
        if (Directory.Exists(screenshots)) Directory.Delete(screenshots, recursive: true);
        Directory.CreateDirectory(screenshots);
        output.WriteLine($"screenshots: {screenshots}");

        var profile = Path.Combine(Path.GetTempPath(), "ot-e2e-chromium-" + Guid.NewGuid().ToString("N"));
        var playwright = await Playwright.CreateAsync();
        var context = await playwright.Chromium.LaunchPersistentContextAsync(profile, new BrowserTypeLaunchPersistentContextOptions
        {
            ExecutablePath = chromium,
            Headless = true,
            Args = Switches,
            BaseURL = baseAddress.ToString(),
            ViewportSize = new ViewportSize { Width = 1366, Height = 900 },
            Locale = "zh-CN",
            TimezoneId = "Asia/Shanghai",
        });
        context.SetDefaultTimeout(15_000);
        var browser = new Browser(playwright, context, profile, screenshots, output);
        browser.Page = context.Pages.Count > 0 ? context.Pages[0] : await context.NewPageAsync();
        browser.Page.Console += (_, message) =>
        {
            if (message.Type == "error") browser.ConsoleErrors.Add($"{message.Location}: {message.Text}");
        };
        browser.Page.PageError += (_, error) => browser.ConsoleErrors.Add(error);
        return browser;
    }

    /// <summary>Saves the page (the whole page, or what the window shows) as NN-<paramref name="step"/>.png and names the file in the test output.</summary>
    public async Task Shot(string step, bool fullPage = true)
    {
        var file = Path.Combine(Screenshots, $"{++_shots:00}-{step}.png");
        await Page.ScreenshotAsync(new PageScreenshotOptions { Path = file, FullPage = fullPage });
        _output.WriteLine($"  {Path.GetFileName(file)}  {Page.Url}");
    }

    public async ValueTask DisposeAsync()
    {
        await _context.CloseAsync();
        _playwright.Dispose();
        try
        {
            Directory.Delete(_profile, recursive: true);
        }
        catch (IOException)
        {
            // A profile file still held by an exiting Chromium is left to the temp folder's cleaning.
        }
    }
}
