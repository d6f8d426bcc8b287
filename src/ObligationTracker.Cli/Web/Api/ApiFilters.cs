using ObligationTracker.Core.Mining;

namespace ObligationTracker.Cli.Web.Api;

/// <summary>Query parameters several lists share: page and size, and modality, read and checked alike.</summary>
internal static class ApiFilters
{
    public const int DefaultSize = 100;
    public const int MaxSize = 1000;

    /// <summary>page (from 1, default 1) and size (1 to <see cref="MaxSize"/>, default <see cref="DefaultSize"/>).</summary>
    public static bool TryPage(string? page, string? size, out int pageNumber, out int pageSize, out IResult? problem)
    {
        pageNumber = 1;
        pageSize = DefaultSize;
        if (!ApiProblems.TryInt(page, "page", out var n, out problem) || !ApiProblems.TryInt(size, "size", out var per, out problem)) return false;
        if (n is < 1) problem = ApiProblems.BadRequest("page starts at 1.");
        else if (per is < 1 or > MaxSize) problem = ApiProblems.BadRequest($"size must be between 1 and {MaxSize}.");
        if (problem is not null) return false;
        pageNumber = n ?? 1;
        pageSize = per ?? DefaultSize;
        return true;
    }

    /// <summary>How many items come before page <paramref name="page"/> (a page far past the end skips them all).</summary>
    public static int Skip(int page, int size) => (int)Math.Min((long)(page - 1) * size, int.MaxValue);

    /// <summary>modality as FORMAT.md spells it (obligation, prohibition, permission), read as the search filter reads it
    /// (any case, or the Chinese label: 义务); null when absent.</summary>
    public static bool TryModality(string? modality, out string? value, out IResult? problem)
    {
        value = string.IsNullOrWhiteSpace(modality) ? null : ModalityNames.Parse(modality);
        problem = value is not null || string.IsNullOrWhiteSpace(modality) ? null
            : ApiProblems.BadRequest($"Unknown modality '{modality}'; use {ModalityNames.Accepted}.");
        return problem is null;
    }
}
