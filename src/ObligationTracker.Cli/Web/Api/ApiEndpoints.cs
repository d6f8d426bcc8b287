namespace ObligationTracker.Cli.Web.Api;

/// <summary>The HTTP API under /api: every group of endpoints, each in its own file.</summary>
internal static class ApiEndpoints
{
    public static void Map(RouteGroupBuilder api)
    {
        AccountEndpoints.Map(api);
        SearchEndpoints.Map(api);
        RegulationEndpoints.Map(api);
        ObligationEndpoints.Map(api);
        InstitutionEndpoints.Map(api);
        TrackingEndpoints.Map(api);
        ExportEndpoints.Map(api);
    }
}
