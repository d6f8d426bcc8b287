using System.Text.Json;
using ObligationTracker.Core.Register;
using ObligationTracker.Core.Serialization;
using ObligationTracker.Core.Structure;
using ObligationTracker.Storage.Database;

namespace ObligationTracker.Storage.Register;

/// <summary>Compares stored versions of a regulation: articles matched afresh, obligations as recorded when the revision was ingested.</summary>
public sealed class ChangeQuery
{
    private readonly StoreConnection _db;

    internal ChangeQuery(StoreConnection db) => _db = db;

    /// <summary>Changes from <paramref name="fromVersion"/> (default: the one before) to <paramref name="toVersion"/> (default: current); null when a version is not stored.</summary>
    public RegulationChanges? Between(StoredRegulation regulation, int? fromVersion = null, int? toVersion = null)
    {
        ArgumentNullException.ThrowIfNull(regulation);
        var to = toVersion ?? regulation.Version;
        var from = fromVersion ?? Math.Max(1, to - 1);
        var older = LoadVersion(regulation.Id, from);
        var newer = LoadVersion(regulation.Id, to);
        if (older is null || newer is null) return null;

        var oldArticles = older.Articles.Select(a => (a.Number, a.Text)).ToList();
        var newArticles = newer.Articles.Select(a => (a.Number, a.Text)).ToList();
        var match = VersionMatcher.Match(oldArticles, newArticles);
        var articles = new List<ChangedText>();
        var unchanged = 0;
        foreach (var p in match.Pairs)
        {
            var (o, n) = (older.Articles[p.Old], newer.Articles[p.New]);
            if (p.Kind == MatchKind.Changed) articles.Add(new ChangedText("changed", o.Number, n.Number, o.Text, n.Text));
            else if (o.Number != n.Number) articles.Add(new ChangedText("moved", o.Number, n.Number, o.Text, n.Text));
            else unchanged++;
        }

        articles.AddRange(match.Removed.Select(i => new ChangedText("removed", older.Articles[i].Number, null, older.Articles[i].Text, null)));
        articles.AddRange(match.Added.Select(j => new ChangedText("added", null, newer.Articles[j].Number, null, newer.Articles[j].Text)));
        var obligations = _db.Query("""
            SELECT change, old_article, new_article, old_text, new_text FROM obligation_changes
            WHERE regulation_id = @r AND version > @from AND version <= @to ORDER BY version, COALESCE(new_article, old_article), id
            """, null, r => new ChangedText(r.GetString(0), Read.IntOrNull(r, 1), Read.IntOrNull(r, 2), Read.Text(r, 3), Read.Text(r, 4)),
            ("@r", regulation.Id), ("@from", from), ("@to", to));
        return new RegulationChanges(
            regulation, from, to,
            articles.OrderBy(a => a.NewArticle ?? a.OldArticle).ThenBy(a => a.NewArticle is null ? 0 : 1).ToList(),
            obligations, unchanged);
    }

    private Regulation? LoadVersion(long id, int version) =>
        _db.Scalar("SELECT regulation_json FROM regulation_versions WHERE regulation_id = @id AND version = @v", null, ("@id", id), ("@v", version)) is string json
            ? JsonSerializer.Deserialize<Regulation>(json, OtJson.Compact)
            : null;
}
