using ObligationTracker.Storage.Database;

namespace ObligationTracker.Storage.Migrations;

/// <summary>Lets another part of the product (reminders, the scheduler's job store) add its own steps to the store's schema.</summary>
/// <remarks>Each part numbers its steps in its own hundred (see <see cref="SchemaMigrator"/>); they share the schema_version table.</remarks>
public static class StoreMigrations
{
    public static int Apply(StoreConnection connection, IReadOnlyList<Migration> steps, TimeProvider clock)
    {
        ArgumentNullException.ThrowIfNull(connection);
        return SchemaMigrator.Apply(connection.Connection, connection.Dialect, steps, clock);
    }
}
