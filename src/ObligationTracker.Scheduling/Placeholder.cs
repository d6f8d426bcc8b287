namespace ObligationTracker.Scheduling; internal static class Placeholder { }
