using System.Xml.Linq;
using Microsoft.AspNetCore.DataProtection.Repositories;
using ObligationTracker.Storage.Database;
using ObligationTracker.Storage.Users;

namespace ObligationTracker.Cli.Web.Security;

/// <summary>The data-protection key ring in the store, so nodes sharing a PostgreSQL store accept each other's cookies and tokens.</summary>
/// <remarks>Read at start and when the ring is refreshed (about daily), written when a key is made (every 90 days): rare calls, each on its own connection.</remarks>
internal sealed class StoreKeyRepository(StoreSettings settings, TimeProvider clock) : IXmlRepository
{
    public IReadOnlyCollection<XElement> GetAllElements()
    {
        using var users = UserStore.Open(settings, clock);
        return [.. users.Keys().Select(x => XElement.Parse(x))];
    }

    public void StoreElement(XElement element, string friendlyName)
    {
        ArgumentNullException.ThrowIfNull(element);
        using var users = UserStore.Open(settings, clock);
        var name = string.IsNullOrWhiteSpace(friendlyName) ? Guid.NewGuid().ToString("N") : friendlyName;
        users.AddKey(name, element.ToString(SaveOptions.DisableFormatting));
    }
}
