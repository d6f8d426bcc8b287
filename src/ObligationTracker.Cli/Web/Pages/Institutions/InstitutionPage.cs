using System.Globalization;
using ObligationTracker.Storage.Register;

namespace ObligationTracker.Cli.Web.Pages.Institutions;

/// <summary>Addresses of an institution's pages, and its lookup by the route's id.</summary>
internal static class InstitutionPage
{
    public static string Dashboard(long institutionId) => $"/institutions/{institutionId}";

    public static string Obligation(long institutionId, long obligationId) => $"/institutions/{institutionId}/obligations/{obligationId}";

    /// <summary>The institution with this id, or null (the route's id is a number by its constraint).</summary>
    public static StoredInstitution? Find(Stores stores, long id) =>
        stores.Register.Institutions.Find(id.ToString(CultureInfo.InvariantCulture)) is { } institution && institution.Id == id ? institution : null;
}
