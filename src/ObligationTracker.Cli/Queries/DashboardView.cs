namespace ObligationTracker.Cli.Queries;

/// <summary>An institution's dashboard: its register counted by status, the deadlines of the coming days, and what is overdue.</summary>
/// <param name="Total">Obligations that bind the institution (removed ones not counted).</param>
/// <param name="ByStatus">Obligations per status, by English spelling (pending, not-applicable, in-progress, compliant, overdue, closed).</param>
/// <param name="ReviewRequired">Obligations a revision reworded since they were last assessed (待复核).</param>
/// <param name="NextDeadlines">Computed due dates from today to <see cref="InstitutionRegister.DashboardDays"/> days ahead, by date.</param>
/// <param name="Undated">Obligations whose deadline yields no date until someone acts (a vague time, an event not recorded).</param>
internal sealed record DashboardView(
    long InstitutionId,
    string Institution,
    DateOnly Today,
    int Total,
    IReadOnlyDictionary<string, int> ByStatus,
    int ReviewRequired,
    IReadOnlyList<DeadlineView> NextDeadlines,
    IReadOnlyList<RegisterLine> Overdue,
    int Undated);

/// <summary>One coming due date of the dashboard.</summary>
internal sealed record DeadlineView(
    DateOnly Date, long ObligationId, long RegulationId, string Regulation, int Article, string Text, string Basis, bool Provisional, string Status, string StatusCode);
