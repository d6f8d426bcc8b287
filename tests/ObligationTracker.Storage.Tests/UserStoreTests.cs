using ObligationTracker.Core.Institutions;
using ObligationTracker.Storage.Database;
using ObligationTracker.Storage.Users;
using Xunit;

namespace ObligationTracker.Storage.Tests;

/// <summary>The web app's users and its key ring, on each backend and the failed sign-ins it counts (schema steps 300–302).</summary>
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

    private static readonly TimeSpan Window = TimeSpan.FromMinutes(15);
    private static readonly TimeSpan Lockout = TimeSpan.FromMinutes(15);

    private static DateTimeOffset? Fail(UserStore users, string subject) => users.RecordSignInFailure(subject, 5, Window, Lockout);

    [Fact]
    public void RecordSignInFailure_FifthWithinTheWindow_LocksThatSubjectOnlyForTheLockout()
    {
        using var users = UserStore.Open(Settings, Clock);
        var first = Clock.GetUtcNow();
        for (var i = 0; i < 4; i++)
        {
            Assert.Null(Fail(users, "name:a"));
            Clock.Advance(TimeSpan.FromMinutes(2));
        }

        var locked = Fail(users, "name:a");

        var expected = first + TimeSpan.FromMinutes(8) + Lockout;
        Assert.Equal(expected, locked);
        Assert.Equal(expected, users.SignInLockedUntil("name:b", "name:a"));
        Assert.Null(users.SignInLockedUntil("name:b"));
    }

    [Fact]
    public void SignInLockedUntil_AfterTheLockout_NoneAndTheCountStartsAgain()
    {
        using var users = UserStore.Open(Settings, Clock);
        for (var i = 0; i < 5; i++) Fail(users, "address:x");
        Clock.Advance(Lockout);

        Assert.Null(users.SignInLockedUntil("address:x"));
        for (var i = 0; i < 4; i++) Assert.Null(Fail(users, "address:x"));
        Assert.NotNull(Fail(users, "address:x"));
    }

    [Fact]
    public void RecordSignInFailure_FailuresFurtherApartThanTheWindow_NeverLock()
    {
        using var users = UserStore.Open(Settings, Clock);

        for (var i = 0; i < 12; i++)
        {
            Assert.Null(Fail(users, "name:slow"));
            Clock.Advance(TimeSpan.FromMinutes(4));
        }

        Assert.Null(users.SignInLockedUntil("name:slow"));
    }

    [Fact]
    public void ClearSignInFailures_ForgetsTheCountOfThatSubject()
    {
        using var users = UserStore.Open(Settings, Clock);
        for (var i = 0; i < 4; i++) Fail(users, "name:c");
        for (var i = 0; i < 4; i++) Fail(users, "name:d");

        users.ClearSignInFailures("name:c");

        Assert.Null(Fail(users, "name:c"));
        Assert.NotNull(Fail(users, "name:d"));
    }

    [Fact]
    public void RecordSignInFailure_CountedThroughTwoConnections_AddsUpAndBothSeeTheLock()
    {
        using var node1 = UserStore.Open(Settings, Clock);
        using var node2 = UserStore.Open(Settings, Clock);

        for (var i = 0; i < 2; i++) Fail(node1, "name:e");
        for (var i = 0; i < 2; i++) Fail(node2, "name:e");
        var locked = Fail(node1, "name:e");

        Assert.NotNull(locked);
        Assert.Equal(locked, node2.SignInLockedUntil("name:e"));
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
