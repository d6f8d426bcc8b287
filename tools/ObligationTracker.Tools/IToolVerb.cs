namespace ObligationTracker.Tools;

/// <summary>One benchmark, evaluator or comparison: <c>ot-tools NAME [args]</c>. Verbs are found by reflection.</summary>
internal interface IToolVerb
{
    string Name { get; }

    string Summary { get; }

    Task<int> RunAsync(string[] args);
}
