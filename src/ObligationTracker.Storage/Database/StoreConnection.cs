using System.Data.Common;
using System.Globalization;

namespace ObligationTracker.Storage.Database;

/// <summary>One open connection to the store with its dialect; helpers to run parameterised SQL in a transaction.</summary>
public sealed class StoreConnection : IDisposable
{
    private StoreConnection(DbConnection connection, SqlDialect dialect, StoreSettings settings)
    {
        Connection = connection;
        Dialect = dialect;
        Settings = settings;
    }

    public DbConnection Connection { get; }

    public SqlDialect Dialect { get; }

    public StoreSettings Settings { get; }

    public static StoreConnection Open(StoreSettings settings)
    {
        if (settings.Backend == StoreBackend.Sqlite)
        {
            var file = new Microsoft.Data.Sqlite.SqliteConnectionStringBuilder(settings.ConnectionString).DataSource;
            var folder = Path.GetDirectoryName(Path.GetFullPath(file));
            if (!string.IsNullOrEmpty(folder)) Directory.CreateDirectory(folder);
        }

        var dialect = SqlDialect.For(settings.Backend);
        return new StoreConnection(dialect.Open(settings.ConnectionString), dialect, settings);
    }

    public DbTransaction Begin() => Connection.BeginTransaction();

    public DbCommand Command(string sql, DbTransaction? tx, params (string Name, object? Value)[] parameters)
    {
        var cmd = Connection.CreateCommand();
        cmd.Transaction = tx;
        cmd.CommandText = sql;
        foreach (var (name, value) in parameters) Add(cmd, name, value);
        return cmd;
    }

    public int Execute(string sql, DbTransaction? tx, params (string Name, object? Value)[] parameters)
    {
        using var cmd = Command(sql, tx, parameters);
        return cmd.ExecuteNonQuery();
    }

    public long InsertReturningId(string sql, DbTransaction? tx, params (string Name, object? Value)[] parameters)
    {
        using var cmd = Command(sql + " RETURNING id", tx, parameters);
        return Convert.ToInt64(cmd.ExecuteScalar(), CultureInfo.InvariantCulture);
    }

    public object? Scalar(string sql, DbTransaction? tx, params (string Name, object? Value)[] parameters)
    {
        using var cmd = Command(sql, tx, parameters);
        var value = cmd.ExecuteScalar();
        return value is DBNull ? null : value;
    }

    public List<T> Query<T>(string sql, DbTransaction? tx, Func<DbDataReader, T> read, params (string Name, object? Value)[] parameters)
    {
        using var cmd = Command(sql, tx, parameters);
        using var reader = cmd.ExecuteReader();
        var list = new List<T>();
        while (reader.Read()) list.Add(read(reader));
        return list;
    }

    /// <summary>Adds <c>@p0, @p1 …</c> for an IN list and returns the placeholder text.</summary>
    public static string InList(DbCommand cmd, string prefix, IReadOnlyList<string> values)
    {
        var names = new string[values.Count];
        for (var i = 0; i < values.Count; i++)
        {
            names[i] = $"@{prefix}{i}";
            Add(cmd, names[i], values[i]);
        }

        return string.Join(", ", names);
    }

    public static void Add(DbCommand cmd, string name, object? value)
    {
        var p = cmd.CreateParameter();
        p.ParameterName = name;
        p.Value = value ?? DBNull.Value;
        cmd.Parameters.Add(p);
    }

    public void Dispose() => Connection.Dispose();
}
