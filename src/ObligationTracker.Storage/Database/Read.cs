using System.Data.Common;
using System.Globalization;

namespace ObligationTracker.Storage.Database;

/// <summary>Column readers that behave the same on both backends (PostgreSQL is strict about integer widths, SQLite is not).</summary>
internal static class Read
{
    public static long Long(DbDataReader r, int i) => Convert.ToInt64(r.GetValue(i), CultureInfo.InvariantCulture);

    public static int Int(DbDataReader r, int i) => Convert.ToInt32(r.GetValue(i), CultureInfo.InvariantCulture);

    public static int? IntOrNull(DbDataReader r, int i) => r.IsDBNull(i) ? null : Int(r, i);

    public static bool Flag(DbDataReader r, int i) => Int(r, i) != 0;

    public static string? Text(DbDataReader r, int i) => r.IsDBNull(i) ? null : r.GetString(i);

    public static DateOnly? Date(DbDataReader r, int i) =>
        r.IsDBNull(i) ? null : DateOnly.ParseExact(r.GetString(i), "yyyy-MM-dd", CultureInfo.InvariantCulture);

    public static DateTimeOffset Instant(DbDataReader r, int i) => DateTimeOffset.Parse(r.GetString(i), CultureInfo.InvariantCulture);

    public static string? Iso(DateOnly? d) => d?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    public static string Iso(DateTimeOffset t) => t.ToString("O", CultureInfo.InvariantCulture);
}
