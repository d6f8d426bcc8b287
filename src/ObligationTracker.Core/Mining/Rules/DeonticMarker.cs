namespace ObligationTracker.Core.Mining.Rules;

/// <summary>A deontic marker found in a unit: where it stands and the force it carries.</summary>
public readonly record struct DeonticMarker(int Index, int Length, Modality Modality, string Word);
