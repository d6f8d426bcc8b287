using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Text.Json;
using System.Text.RegularExpressions;
using ObligationTracker.Storage.Database;
using static ObligationTracker.Tools.ToolArgs;

namespace ObligationTracker.Tools;

/// <summary>
/// <c>bench-web [--url URL --user U --password P] [--clients 50] [--duration 30] [--warmup 10] [--think 0] [--postgres] [--data DIR] [--only search|dashboard] [--uncached|--cold]</c>:
/// closed-loop HTTP load on <c>ot serve</c> — signed-in clients searching (relevance queries, with filters, later pages) and
/// reading an institution's dashboard; throughput and p50/p95/p99/max latency per endpoint, errors, the server's peak memory.
/// </summary>
/// <remarks>
/// Without --url it ingests the real corpus into a data directory (a temporary one unless --data; SQLite unless --postgres),
/// adds an officer and an institution (a commercial bank: the register with most obligations), and starts <c>ot serve</c>
/// on a free loopback port. The load generator runs on the same machine and takes CPU from the server: the figures are
/// what one box serving itself and its clients reaches, a lower bound for a server with its cores to itself.
/// </remarks>
internal sealed partial class BenchWebVerb : IToolVerb
{
    private const string Officer = "bench-officer";
    private const string DefaultPassword = "bench-password-1";
    private const string InstitutionName = "基准商业银行";

    public string Name => "bench-web";

    public string Summary => "HTTP load on ot serve: 50 signed-in clients searching and reading a dashboard; req/s and latency percentiles.";

    public async Task<int> RunAsync(string[] args)
    {
        var clients = int.Parse(Option(args, "--clients") ?? "50", CultureInfo.InvariantCulture);
        var duration = TimeSpan.FromSeconds(double.Parse(Option(args, "--duration") ?? "30", CultureInfo.InvariantCulture));
        var warmup = TimeSpan.FromSeconds(double.Parse(Option(args, "--warmup") ?? "10", CultureInfo.InvariantCulture));
        var think = double.Parse(Option(args, "--think") ?? "0", CultureInfo.InvariantCulture);
        var password = Option(args, "--password") ?? DefaultPassword;
        var user = Option(args, "--user") ?? Officer;

        using var server = Option(args, "--url") is { } url
            ? Server.Existing(new Uri(url), Option(args, "--pid") is { } pid ? int.Parse(pid, CultureInfo.InvariantCulture) : null)
            : await Server.Start(Option(args, "--data"), args.Contains("--postgres"), password);
        if (server is null) return 1;

        var sessions = new List<Session>(clients);
        try
        {
            var signIn = Stopwatch.StartNew();
            for (var i = 0; i < clients; i++) sessions.Add(await Session.SignIn(server.BaseAddress, user, password));
            Console.WriteLine($"{clients} clients signed in ({signIn.Elapsed.TotalSeconds:0.0} s)");
            var institution = Option(args, "--institution") ?? await sessions[0].InstitutionId(InstitutionName);
            var mix = new RequestMix(RelevanceQuery.Load(Path.Combine(RepoPaths.Corpora, "relevance", "queries.tsv")).Select(q => q.Query).ToList(), institution, Option(args, "--only"), args.Contains("--uncached"));

            using var memory = new MemorySampler(server.ProcessId);
            if (!args.Contains("--uncached") && !args.Contains("--cold"))
            {
                // Steady state of a server whose users repeat their searches: each distinct search asked once before timing.
                var primed = Stopwatch.StartNew();
                var distinct = mix.DistinctSearches();
                await Parallel.ForEachAsync(distinct.Select((path, i) => (path, i)), new ParallelOptions { MaxDegreeOfParallelism = clients }, async (x, ct) =>
                {
                    using var response = await sessions[x.i % sessions.Count].Http.GetAsync(new Uri(x.path, UriKind.Relative), ct);
                });
                Console.WriteLine($"answer cache primed: {distinct.Count} distinct searches asked once ({primed.Elapsed.TotalSeconds:0} s; --cold skips this, --uncached makes every search new)");
            }

            var warm = await Drive(sessions, mix, warmup, think, 1);
            Console.WriteLine($"warm-up {warmup.TotalSeconds:0} s: {warm.Sum(r => r.Count)} requests");
            var cpuBefore = server.CpuTime();
            var started = Stopwatch.StartNew();
            var results = await Drive(sessions, mix, duration, think, 2);
            var elapsed = started.Elapsed;
            var cpu = server.CpuTime() - cpuBefore;
            Report(results, clients, think, warmup, elapsed, server, memory, cpu);
            return results.Sum(r => r.Errors) == 0 ? 0 : 1;
        }
        finally
        {
            foreach (var s in sessions) s.Dispose();
        }
    }

    /// <summary>Every client sends its next request as soon as the last one answered (after the think time); runs for <paramref name="length"/>.</summary>
    private static async Task<List<Tally>> Drive(List<Session> sessions, RequestMix mix, TimeSpan length, double thinkMs, int seed)
    {
        using var stop = new CancellationTokenSource(length);
        var tallies = await Task.WhenAll(sessions.Select((s, i) => Task.Run(async () =>
        {
            var random = new Random(seed * 1000 + i);
            var tally = new Dictionary<string, Tally>(StringComparer.Ordinal);
            while (!stop.IsCancellationRequested)
            {
                var (kind, path) = mix.Next(random);
                if (!tally.TryGetValue(kind, out var t)) tally[kind] = t = new Tally(kind);
                var watch = Stopwatch.StartNew();
                try
                {
                    using var response = await s.Http.GetAsync(new Uri(path, UriKind.Relative), HttpCompletionOption.ResponseContentRead, CancellationToken.None);
                    watch.Stop();
                    if (response.IsSuccessStatusCode) t.Latencies.Add(watch.Elapsed.TotalMilliseconds);
                    else t.Fail($"{(int)response.StatusCode} {path}");
                }
                catch (HttpRequestException ex)
                {
                    t.Fail($"{ex.Message} {path}");
                }

                if (thinkMs > 0) await Task.Delay(TimeSpan.FromMilliseconds(thinkMs * (0.5 + random.NextDouble())), CancellationToken.None);
            }

            return tally.Values.ToList();
        })));
        return [.. tallies.SelectMany(t => t).GroupBy(t => t.Kind).Select(g => Tally.Merge(g.Key, g))];
    }

    private static void Report(List<Tally> results, int clients, double think, TimeSpan warmup, TimeSpan elapsed, Server server, MemorySampler memory, TimeSpan? cpu)
    {
        var total = results.Sum(r => r.Count);
        Console.WriteLine($"{clients} clients, {(think > 0 ? $"think {think:0} ms (±50%)" : "closed loop, no think time")}, {warmup.TotalSeconds:0} s warm-up, "
            + $"{elapsed.TotalSeconds:0.0} s measured, {server.Describe()}");
        Console.WriteLine($"{"endpoint",-22} {"requests",9} {"req/s",8} {"p50",8} {"p95",8} {"p99",8} {"max",8}  errors   (ms)");
        var search = Tally.Merge("search (all)", results.Where(r => r.Kind.StartsWith("search", StringComparison.Ordinal)));
        foreach (var t in results.OrderBy(r => r.Kind, StringComparer.Ordinal).Append(search).Append(Tally.Merge("all", results)))
            Console.WriteLine(t.Line(elapsed));
        foreach (var (error, count) in results.SelectMany(r => r.ErrorSamples).GroupBy(e => e).Select(g => (g.Key, g.Count())).Take(5))
            Console.WriteLine($"  error x{count}: {error}");
        var p99 = search.Percentile(0.99);
        Console.WriteLine($"search p99 {p99:0.0} ms with {clients} clients: target ≤ 100 ms {(p99 <= 100 ? "met" : "missed")}");
        if (memory.PeakRss is { } peak) Console.WriteLine($"server memory: peak RSS {peak / 1048576.0:0} MB (VmHWM), {memory.MaxSampled / 1048576.0:0} MB the highest sampled during the run");
        if (cpu is { } c) Console.WriteLine($"server CPU: {c.TotalSeconds:0.0} s over {elapsed.TotalSeconds:0.0} s ({c / elapsed:0.00} cores), {c.TotalMilliseconds / Math.Max(1, total):0.00} ms per request");
        Console.WriteLine($"load average: {MachineLoad.Averages()} ({Environment.ProcessorCount} cores)");
    }

    /// <summary>What the clients ask for: mostly searches (plain, filtered, later pages), some dashboards.</summary>
    /// <param name="only">search or dashboard: that endpoint alone (to see what each costs); null: the mix.</param>
    /// <param name="uncached">Make every search distinct (a parameter the server ignores), so the server's answer cache never hits.</param>
    private sealed class RequestMix(IReadOnlyList<string> queries, string institution, string? only, bool uncached)
    {
        private long _sent;

        private static readonly string[] Filters =
        [
            "type=" + Uri.EscapeDataString("商业银行"), "type=" + Uri.EscapeDataString("保险公司"), "modality=obligation", "modality=prohibition",
            "issuer=" + Uri.EscapeDataString("中国人民银行"), "issuer=" + Uri.EscapeDataString("国家金融监督管理总局"), "status=in-force",
        ];

        /// <summary>Every search this mix can ask (without --uncached): each query plain, with each filter, and on pages 2 and 3.</summary>
        public List<string> DistinctSearches() =>
        [
            .. queries.Distinct().SelectMany(query =>
            {
                var q = "/api/search?q=" + Uri.EscapeDataString(query);
                return (string[])[q, .. Filters.Select(f => $"{q}&{f}"), $"{q}&page=2", $"{q}&page=3"];
            }),
        ];

        public (string Kind, string Path) Next(Random random)
        {
            var roll = only switch { "search" => random.Next(70), "dashboard" => 99, _ => random.Next(100) };
            var q = "/api/search?q=" + Uri.EscapeDataString(queries[random.Next(queries.Count)]);
            if (uncached) q += "&bench=" + Interlocked.Increment(ref _sent).ToString(CultureInfo.InvariantCulture);
            return roll switch
            {
                < 45 => ("search", q),
                < 60 => ("search + filter", $"{q}&{Filters[random.Next(Filters.Length)]}"),
                < 70 => ("search page 2-3", $"{q}&page={2 + random.Next(2)}"),
                _ => ("dashboard", $"/api/institutions/{institution}/dashboard"),
            };
        }
    }

    /// <summary>One kind of request's latencies (successful ones) and failures.</summary>
    private sealed class Tally(string kind)
    {
        public string Kind => kind;

        public List<double> Latencies { get; private init; } = [];

        public int Errors { get; private set; }

        public List<string> ErrorSamples { get; private init; } = [];

        public int Count => Latencies.Count + Errors;

        public void Fail(string what)
        {
            Errors++;
            if (ErrorSamples.Count < 3) ErrorSamples.Add(what);
        }

        public static Tally Merge(string kind, IEnumerable<Tally> parts)
        {
            var list = parts.ToList();
            var merged = new Tally(kind) { Latencies = [.. list.SelectMany(p => p.Latencies)], ErrorSamples = [.. list.SelectMany(p => p.ErrorSamples)] };
            merged.Errors = list.Sum(p => p.Errors);
            merged.Latencies.Sort();
            return merged;
        }

        public double Percentile(double p) =>
            Latencies.Count == 0 ? double.NaN : Latencies[Math.Clamp((int)Math.Ceiling(p * Latencies.Count) - 1, 0, Latencies.Count - 1)];

        public string Line(TimeSpan elapsed) =>
            $"{Kind,-22} {Count,9} {Count / elapsed.TotalSeconds,8:0.0} {Percentile(0.50),8:0.0} {Percentile(0.95),8:0.0} {Percentile(0.99),8:0.0} {(Latencies.Count == 0 ? double.NaN : Latencies[^1]),8:0.0}  {Errors,6}";
    }

    /// <summary>One client: its own connection and cookies, signed in through the form as a browser would.</summary>
    private sealed partial class Session : IDisposable
    {
        private readonly SocketsHttpHandler _handler = new() { CookieContainer = new CookieContainer(), AllowAutoRedirect = false, MaxConnectionsPerServer = 1 };

        private Session(Uri baseAddress) => Http = new HttpClient(_handler) { BaseAddress = baseAddress, Timeout = TimeSpan.FromSeconds(60) };

        public HttpClient Http { get; }

        public static async Task<Session> SignIn(Uri baseAddress, string user, string password)
        {
            var session = new Session(baseAddress);
            var form = await session.Http.GetStringAsync(new Uri("/account/login", UriKind.Relative));
            var token = WebUtility.HtmlDecode(TokenField().Match(form).Groups[1].Value);
            using var content = new FormUrlEncodedContent(new Dictionary<string, string> { ["name"] = user, ["password"] = password, ["__RequestVerificationToken"] = token });
            using var response = await session.Http.PostAsync(new Uri("/account/login", UriKind.Relative), content);
            if (response.StatusCode != HttpStatusCode.Redirect)
            {
                session.Dispose();
                throw new InvalidOperationException($"signing in as {user} answered {(int)response.StatusCode}");
            }

            return session;
        }

        /// <summary>The id of the institution named <paramref name="name"/>, else of the first one listed.</summary>
        public async Task<string> InstitutionId(string name)
        {
            using var list = JsonDocument.Parse(await Http.GetStringAsync(new Uri("/api/institutions", UriKind.Relative)));
            var all = list.RootElement.EnumerateArray().ToList();
            if (all.Count == 0) throw new InvalidOperationException("the server has no institution: pass --institution ID or add one.");
            var chosen = all.FirstOrDefault(i => i.GetProperty("name").GetString() == name);
            return (chosen.ValueKind == JsonValueKind.Undefined ? all[0] : chosen).GetProperty("id").GetInt64().ToString(CultureInfo.InvariantCulture);
        }

        public void Dispose()
        {
            Http.Dispose();
            _handler.Dispose();
        }

        [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
        private static partial Regex TokenField();
    }

    /// <summary>The server's resident memory: its peak (VmHWM) and the highest of samples taken every 200 ms.</summary>
    private sealed class MemorySampler : IDisposable
    {
        private readonly int? _pid;
        private readonly Timer? _timer;

        public MemorySampler(int? pid)
        {
            _pid = pid;
            if (pid is not null) _timer = new Timer(_ => MaxSampled = Math.Max(MaxSampled, Read("VmRSS:") ?? 0), null, 0, 200);
        }

        public long MaxSampled { get; private set; }

        public long? PeakRss => Read("VmHWM:");

        public void Dispose() => _timer?.Dispose();

        private long? Read(string field)
        {
            try
            {
                var line = File.ReadLines($"/proc/{_pid}/status").FirstOrDefault(l => l.StartsWith(field, StringComparison.Ordinal));
                return line is null ? null : long.Parse(line[field.Length..].Trim().Split(' ')[0], CultureInfo.InvariantCulture) * 1024;
            }
            catch (IOException)
            {
                return null;
            }
        }
    }

    /// <summary>The server under load: started here (and stopped at the end) or one already running.</summary>
    private sealed class Server : IDisposable
    {
        private Process? _process;
        private TemporaryPostgres? _postgres;
        private string? _temporaryData;
        private string _description = "";

        public Uri BaseAddress { get; private set; } = null!;

        public int? ProcessId { get; private set; }

        public static Server Existing(Uri url, int? pid) => new() { BaseAddress = url, ProcessId = pid, _description = $"server {url}" };

        /// <summary>Ingests the corpus, adds the officer and the institution, starts ot serve; null (reported) on failure.</summary>
        public static async Task<Server?> Start(string? dataDirectory, bool postgres, string password)
        {
            var server = new Server();
            try
            {
                var data = dataDirectory ?? (server._temporaryData = Path.Combine(Path.GetTempPath(), "ot-bench-web-" + Guid.NewGuid().ToString("N")[..8]));
                Directory.CreateDirectory(data);
                string[] store = [];
                if (postgres)
                {
                    server._postgres = TemporaryPostgres.Start();
                    store = ["--store", server._postgres.CreateDatabase()];
                }

                var watch = Stopwatch.StartNew();
                var (code, output) = await Ot(data, store, null, "ingest", RepoPaths.SharedRegulations);
                var summary = output.Split('\n').LastOrDefault(l => l.StartsWith("ingest:", StringComparison.Ordinal)) ?? output;
                Console.WriteLine($"{summary.Trim()} ({watch.Elapsed.TotalSeconds:0} s)");
                if (code != 0 && !summary.Contains("stored", StringComparison.Ordinal)) throw new InvalidOperationException($"ingest failed: {output}");
                (code, output) = await Ot(data, store, password, "user", "add", Officer, "--role", "officer", "--password-stdin");
                if (code != 0 && !output.Contains("exists already", StringComparison.Ordinal)) throw new InvalidOperationException($"ot user add failed: {output}");
                (code, output) = await Ot(data, store, null, "institution", "add", InstitutionName, "--type", "商业银行");
                if (code != 0 && !output.Contains("exists", StringComparison.Ordinal)) throw new InvalidOperationException($"ot institution add failed: {output}");

                var psi = OtStart(data, store, "serve", "--urls", "http://127.0.0.1:0");
                psi.RedirectStandardInput = false;
                server._process = Process.Start(psi)!;
                server._process.OutputDataReceived += (_, _) => { };
                server._process.BeginOutputReadLine();
                var listening = new TaskCompletionSource<Uri>(TaskCreationOptions.RunContinuationsAsynchronously);
                server._process.ErrorDataReceived += (_, e) =>
                {
                    if (e.Data is { } line && ServingLine().Match(line) is { Success: true } m) listening.TrySetResult(new Uri(m.Groups[1].Value));
                };
                server._process.BeginErrorReadLine();
                server.BaseAddress = await listening.Task.WaitAsync(TimeSpan.FromSeconds(120));
                server.ProcessId = server._process.Id;
                server._description = $"ot serve (pid {server.ProcessId}) on {(postgres ? "PostgreSQL" : "SQLite")}, data {data}";
                return server;
            }
            catch (Exception ex) when (ex is InvalidOperationException or TimeoutException or IOException)
            {
                Console.Error.WriteLine($"bench-web: could not start the server: {ex.Message}");
                server.Dispose();
                return null;
            }
        }

        public string Describe() => _description;

        /// <summary>User plus system CPU of the server process so far; null when it is not ours to read.</summary>
        public TimeSpan? CpuTime()
        {
            if (ProcessId is not { } pid || !File.Exists($"/proc/{pid}/stat")) return null;
            var fields = File.ReadAllText($"/proc/{pid}/stat").Split(')')[^1].Split(' ', StringSplitOptions.RemoveEmptyEntries);
            // After "pid (comm)": state is field 3, utime 14 and stime 15 (1-based), in clock ticks of 1/100 s.
            return TimeSpan.FromMilliseconds((long.Parse(fields[11], CultureInfo.InvariantCulture) + long.Parse(fields[12], CultureInfo.InvariantCulture)) * 10);
        }

        public void Dispose()
        {
            if (_process is not null)
            {
                if (!_process.HasExited)
                {
                    _process.Kill(entireProcessTree: true);
                    _process.WaitForExit(10_000);
                }

                _process.Dispose();
            }

            _postgres?.Dispose();
            if (_temporaryData is not null && Directory.Exists(_temporaryData)) Directory.Delete(_temporaryData, recursive: true);
        }

        private static async Task<(int Code, string Output)> Ot(string data, string[] store, string? stdin, params string[] args)
        {
            var psi = OtStart(data, store, args);
            using var process = Process.Start(psi)!;
            if (stdin is not null) await process.StandardInput.WriteLineAsync(stdin);
            process.StandardInput.Close();
            var stdout = process.StandardOutput.ReadToEndAsync();
            var stderr = process.StandardError.ReadToEndAsync();
            await process.WaitForExitAsync();
            return (process.ExitCode, await stdout + await stderr);
        }

        private static ProcessStartInfo OtStart(string data, string[] store, params string[] args)
        {
            var psi = new ProcessStartInfo("dotnet")
            {
                RedirectStandardOutput = true, RedirectStandardError = true, RedirectStandardInput = true, UseShellExecute = false,
            };
            foreach (var a in (string[])[Path.Combine(AppContext.BaseDirectory, "ot.dll"), "--data", data, .. store, .. args]) psi.ArgumentList.Add(a);
            psi.Environment.Remove("ASPNETCORE_URLS");
            return psi;
        }
    }

    [GeneratedRegex(@"^serving (http://127\.0\.0\.1:\d+)")]
    private static partial Regex ServingLine();
}
