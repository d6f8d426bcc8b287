using System.Net;
using System.Net.Sockets;
using System.Security.Cryptography;
using System.Text;

namespace ObligationTracker.Cli.Web.Security;

/// <summary>Slows password guessing: repeated failed sign-ins lock the user name, or the client address, out for a while.</summary>
/// <remarks>
/// <para>5 failures for one name within 15 minutes lock that name for 15 minutes; 20 from one address (an IPv6 client's
/// /64) lock that address. The counts are kept in the store, so every node on a shared store refuses alike.</para>
/// <para>Unknown names are counted exactly like known ones, and a locked-out name is refused before its password is
/// checked, right or wrong, so the answers never tell whether a user exists. A successful sign-in forgets the name's
/// failures but not the address's: otherwise holding one account would let its holder guess other names' passwords
/// from the same address without limit.</para>
/// <para>The store keeps only SHA-256 hashes of the names and addresses, not what was typed (sometimes a password).</para>
/// </remarks>
internal sealed class SignInThrottle(StorePool pool, TimeProvider clock)
{
    public const int MaxFailuresPerName = 5;
    public const int MaxFailuresPerAddress = 20;

    public static readonly TimeSpan Window = TimeSpan.FromMinutes(15);
    public static readonly TimeSpan Lockout = TimeSpan.FromMinutes(15);

    /// <summary>How long the name or the address is still locked out; null when neither is.</summary>
    public TimeSpan? RetryAfter(string? name, IPAddress? address)
    {
        var until = pool.Use(s => s.Users.SignInLockedUntil([.. Subjects(name, address)]));
        return until is { } u && u > clock.GetUtcNow() ? u - clock.GetUtcNow() : null;
    }

    /// <summary>Counts a failure against the name and the address; true when that locked one of them out.</summary>
    public bool Failed(string? name, IPAddress? address) => pool.Use(s =>
    {
        var locked = s.Users.RecordSignInFailure(NameSubject(name), MaxFailuresPerName, Window, Lockout) is not null;
        if (AddressSubject(address) is { } a) locked |= s.Users.RecordSignInFailure(a, MaxFailuresPerAddress, Window, Lockout) is not null;
        return locked;
    });

    public void Succeeded(string? name) => pool.Use(s =>
    {
        s.Users.ClearSignInFailures(NameSubject(name));
        return true;
    });

    private static IEnumerable<string> Subjects(string? name, IPAddress? address)
    {
        yield return NameSubject(name);
        if (AddressSubject(address) is { } a) yield return a;
    }

    /// <summary>Names as the sign-in looks them up (trimmed), and case-folded, so 'Olivia' and 'olivia' share one count.</summary>
    private static string NameSubject(string? name) => "name:" + Hash((name ?? "").Trim().ToUpperInvariant());

    private static string? AddressSubject(IPAddress? address)
    {
        if (address is null) return null;
        if (address.IsIPv4MappedToIPv6) address = address.MapToIPv4();
        var bytes = address.GetAddressBytes();
        // One IPv6 client usually holds a whole /64: counting single addresses would let it rotate through them.
        if (address.AddressFamily == AddressFamily.InterNetworkV6) Array.Clear(bytes, 8, 8);
        return "address:" + Hash(Convert.ToHexString(bytes));
    }

    private static string Hash(string text) => Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(text)));
}
