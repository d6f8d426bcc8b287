using ObligationTracker.Core.Institutions;
using ObligationTracker.Storage.Database;
using ObligationTracker.Storage.Users;
using Xunit;

namespace ObligationTracker.Storage.Tests;

/// <summary>The web app's users and its key ring, on each backend (schema steps 300–301).</summary>
public abstract class UserStoreTests : StoreBackendTests
{
    [Fact]
    public void Add_InstitutionUser_IsFoundWithRoleAndInstitution()
    {
        long institution;
        using (var register = Open()) institution = register.Institutions.Add(new Institution("某信托", ["信托公司"]))!.Id;
        using var users = UserStore.Open(Settings, Clock);

        var added = users.Add("li", "hash-1", UserRole.Institution, institution);

        var found = users.Find("li");
        Assert.NotNull(added);
        Assert.Equal((UserRole.Institution, institution, "hash-1"), (found!.Role, found.InstitutionId, found.PasswordHash));
        Assert.Equal(1, users.Count());
    }

    [Fact]
    public void Add_SameNameTwice_SecondIsRefused()
    {
        using var users = UserStore.Open(Settings, Clock);
        users.Add("wang", "hash-1", UserRole.Officer, null);

        Assert.Null(users.Add("wang", "hash-2", UserRole.Auditor, null));
        Assert.Equal("hash-1", users.Find("wang")!.PasswordHash);
    }

    [Fact]
    public void Add_InstitutionRoleWithoutInstitution_Throws()
    {
        using var users = UserStore.Open(Settings, Clock);

        Assert.Throws<ArgumentException>(() => users.Add("zhao", "hash", UserRole.Institution, null));
        Assert.Throws<ArgumentException>(() => users.Add("zhao", "hash", UserRole.Auditor, 1));
    }

    [Fact]
    public void SetPasswordHash_ReplacesTheHashOfThatUserOnly()
    {
        using var users = UserStore.Open(Settings, Clock);
        users.Add("a", "old-a", UserRole.Officer, null);
        users.Add("b", "old-b", UserRole.Auditor, null);

        Assert.True(users.SetPasswordHash("a", "new-a"));
        Assert.False(users.SetPasswordHash("nobody", "x"));
        Assert.Equal(("new-a", "old-b"), (users.Find("a")!.PasswordHash, users.Find("b")!.PasswordHash));
    }

    [Fact]
    public void AddKey_StoredOnceAndReadBackByAnotherConnection()
    {
        using (var users = UserStore.Open(Settings, Clock))
        {
            users.AddKey("key-1", "<key id=\"1\" />");
            users.AddKey("key-1", "<key id=\"changed\" />");
        }

        using var again = UserStore.Open(Settings, Clock);
        Assert.Equal(["<key id=\"1\" />"], again.Keys());
    }
}

public sealed class SqliteUserStoreTests : UserStoreTests
{
    protected override StoreSettings CreateSettings() => StoreSettings.Sqlite(Dir);
}

[Collection(PostgresCollection.Name)]
public sealed class PostgresUserStoreTests(PostgresServerFixture pg) : UserStoreTests
{
    protected override StoreSettings CreateSettings() => new(StoreBackend.Postgres, pg.Server.CreateDatabase());
}
