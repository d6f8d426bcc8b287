namespace ObligationTracker.Core.Diagnostics;

public enum DiagnosticSeverity
{
    Warning,
    Error,
}
