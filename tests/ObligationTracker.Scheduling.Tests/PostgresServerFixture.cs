using Xunit;

namespace ObligationTracker.Scheduling.Tests;

/// <summary>One real PostgreSQL server for this test run (initdb into a temporary folder, loopback port), removed at the end.</summary>
public sealed class PostgresServerFixture : IDisposable
{
    private readonly Handle _server = new();

    internal TemporaryPostgres Server => _server.Server;

    public void Dispose() => _server.Dispose();

    private sealed class Handle : IDisposable
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
