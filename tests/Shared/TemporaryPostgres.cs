using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using Npgsql;

namespace ObligationTracker;

/// <summary>
/// A throw-away PostgreSQL 15 server: initdb into a temporary folder, trust authentication on 127.0.0.1 only, a free
/// loopback port; stopped and deleted on Dispose. Shared by the storage tests and the register benchmark.
/// </summary>
/// <remarks>
/// The server refuses to run as root, so when we are root initdb and pg_ctl run as the <c>postgres</c> user
/// (runuser), in a folder that user owns. Set <c>OT_PG_BIN</c> to use another installation's bin folder.
/// </remarks>
internal sealed class TemporaryPostgres : IDisposable
{
    private const string DefaultBin = "/usr/lib/postgresql/15/bin";
    private readonly string _bin;
    private readonly string _root;
    private int _databases;

    private TemporaryPostgres(string bin, string root, int port)
    {
        _bin = bin;
        _root = root;
        Port = port;
    }

    public int Port { get; }

    public string DataDirectory => Path.Combine(_root, "data");

    /// <summary>The superuser's connection to the <c>postgres</c> database.</summary>
    public string AdminConnectionString => ConnectionString("postgres");

    public static TemporaryPostgres Start()
    {
        var bin = Environment.GetEnvironmentVariable("OT_PG_BIN") is { Length: > 0 } b ? b : DefaultBin;
        if (!File.Exists(Path.Combine(bin, "initdb")))
            throw new InvalidOperationException($"PostgreSQL is not installed at {bin} (initdb missing); set OT_PG_BIN to its bin folder.");
        var root = Path.Combine(Path.GetTempPath(), "ot-pg-" + Guid.NewGuid().ToString("N")[..12]);
        Directory.CreateDirectory(root);
        var server = new TemporaryPostgres(bin, root, FreePort());
        try
        {
            if (IsRoot) Run("chown", ["postgres:postgres", root], asPostgres: false);
            server.Tool("initdb", ["-D", server.DataDirectory, "-U", "postgres", "--auth=trust", "-E", "UTF8", "--no-locale", "--no-sync"]);
            server.Tool("pg_ctl", [
                "-D", server.DataDirectory, "-l", Path.Combine(root, "server.log"), "-w", "-t", "60",
                "-o", $"-p {server.Port} -k {root} -c listen_addresses=127.0.0.1 -c max_connections=50", "start"]);
            return server;
        }
        catch
        {
            server.Dispose();
            throw;
        }
    }

    public string ConnectionString(string database) =>
        new NpgsqlConnectionStringBuilder { Host = "127.0.0.1", Port = Port, Username = "postgres", Database = database, Pooling = false }.ToString();

    /// <summary>A new empty database; returns its connection string.</summary>
    public string CreateDatabase(string? name = null)
    {
        var db = name ?? $"ot_{Interlocked.Increment(ref _databases)}";
        using var connection = new NpgsqlConnection(AdminConnectionString);
        connection.Open();
        using var cmd = connection.CreateCommand();
        cmd.CommandText = $"CREATE DATABASE \"{db}\"";
        cmd.ExecuteNonQuery();
        return ConnectionString(db);
    }

    /// <summary>Size on disk of one database, in bytes.</summary>
    public long DatabaseSize(string database)
    {
        using var connection = new NpgsqlConnection(AdminConnectionString);
        connection.Open();
        using var cmd = connection.CreateCommand();
        cmd.CommandText = "SELECT pg_database_size(@d)";
        cmd.Parameters.AddWithValue("@d", database);
        return Convert.ToInt64(cmd.ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture);
    }

    public void Dispose()
    {
        try
        {
            if (Directory.Exists(DataDirectory) && File.Exists(Path.Combine(DataDirectory, "postmaster.pid")))
                Tool("pg_ctl", ["-D", DataDirectory, "-m", "immediate", "-w", "stop"]);
        }
        catch (InvalidOperationException)
        {
            // already stopped; the folder goes anyway
        }

        try
        {
            Directory.Delete(_root, recursive: true);
        }
        catch (IOException)
        {
        }
    }

    private static bool IsRoot => Environment.UserName == "root";

    private void Tool(string name, string[] args) => Run(Path.Combine(_bin, name), args, asPostgres: IsRoot);

    private static void Run(string file, string[] args, bool asPostgres)
    {
        var psi = new ProcessStartInfo(asPostgres ? "runuser" : file) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        if (asPostgres)
        {
            foreach (var a in new[] { "-u", "postgres", "--", file }) psi.ArgumentList.Add(a);
        }

        foreach (var a in args) psi.ArgumentList.Add(a);
        using var process = Process.Start(psi) ?? throw new InvalidOperationException($"Could not start {file}.");
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEnd();
        if (!process.WaitForExit(120_000))
        {
            process.Kill(entireProcessTree: true);
            throw new InvalidOperationException($"{Path.GetFileName(file)} did not finish within two minutes.");
        }

        if (process.ExitCode != 0)
            throw new InvalidOperationException($"{Path.GetFileName(file)} {string.Join(' ', args)} failed ({process.ExitCode}): {stderr}{stdout.Result}");
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
