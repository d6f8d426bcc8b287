namespace ObligationTracker.Core.Ingest;

/// <summary>What a manifest beside the sources says of one file: metadata its text may not carry.</summary>
/// <param name="File">The source file's name, without folders.</param>
/// <param name="Line">1-based line of the manifest it was read from.</param>
/// <param name="Issuers">Issuing bodies as the manifest names them (short names included), notes taken off.</param>
/// <param name="DocumentNumber">The 文号 without annotations (首次公布：…, （未核实）) and spaces; null where blank.</param>
/// <param name="Date">The row's date (its issue date); null where blank or not a date.</param>
/// <param name="Notes">The annotations taken off the row's values (未核实 …), so a reader can tell a doubtful value.</param>
public sealed record ManifestEntry(string File, int Line, string? Title, IReadOnlyList<string> Issuers, string? DocumentNumber, DateOnly? Date, IReadOnlyList<string> Notes);
