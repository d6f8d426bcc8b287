namespace ObligationTracker.Storage.Users;

/// <summary>What a user of the web app may do.</summary>
public enum UserRole
{
    /// <summary>Compliance officer: everything.</summary>
    Officer,

    /// <summary>A user of one institution: reads the rules, reads and writes only its own institution's tracking.</summary>
    Institution,

    /// <summary>Auditor: reads everything, writes nothing.</summary>
    Auditor,
}

/// <summary>The roles' names as stored and as typed (<c>ot user add --role officer</c>).</summary>
public static class UserRoles
{
    public const string Officer = "officer";
    public const string Institution = "institution";
    public const string Auditor = "auditor";

    public static string Name(this UserRole role) => role switch
    {
        UserRole.Officer => Officer,
        UserRole.Institution => Institution,
        _ => Auditor,
    };

    /// <summary>The role a name stands for; null when it is none.</summary>
    public static UserRole? Parse(string? text) => text?.Trim().ToLowerInvariant() switch
    {
        Officer => UserRole.Officer,
        Institution => UserRole.Institution,
        Auditor => UserRole.Auditor,
        _ => null,
    };
}
