using Xunit;

namespace ObligationTracker.Storage.Tests;

/// <summary>One real PostgreSQL server for the whole test run, started by the tests and removed at the end.</summary>
public sealed class PostgresServerFixture : IDisposable
{
    private readonly TemporaryPostgresHandle _server = new();

    internal TemporaryPostgres Server => _server.Server;

    public void Dispose() => _server.Dispose();

    // TemporaryPostgres is internal (linked source); a public fixture wraps it.
    private sealed class TemporaryPostgresHandle : IDisposable
    {
        public TemporaryPostgres Server { get; } = TemporaryPostgres.Start();

        public void Dispose() => Server.Dispose();
    }
}

[CollectionDefinition(Name)]
public sealed class PostgresCollection : ICollectionFixture<PostgresServerFixture>
{
    public const string Name = "postgres";
}
