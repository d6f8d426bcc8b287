using Xunit;

namespace ObligationTracker.Cli.Tests.Register;

/// <summary>One real PostgreSQL server for this test run, started by the tests and removed at the end.</summary>
public sealed class PostgresServerFixture : IDisposable
{
    private readonly Lazy<TemporaryPostgres> _server = new(TemporaryPostgres.Start);

    internal TemporaryPostgres Server => _server.Value;

    public void Dispose()
    {
        if (_server.IsValueCreated) _server.Value.Dispose();
    }
}

[CollectionDefinition(Name)]
public sealed class PostgresCollection : ICollectionFixture<PostgresServerFixture>
{
    public const string Name = "postgres";
}
