using System.Collections.Frozen;
using ObligationTracker.Core.Institutions;

namespace ObligationTracker.Core.Mining.Addressees;

/// <summary>
/// The names of parties a regulation may bind — institution types and their aliases from the taxonomy, the regulator,
/// organs and officers, and other parties — found by longest match. A document adds its own defined terms.
/// </summary>
public sealed class PartyLexicon
{
    private static readonly string[] RegulatorNames =
    [
        "国家金融监督管理总局及其派出机构", "国家金融监督管理总局或者其派出机构", "金融监管总局及其派出机构", "金融监管总局或者其派出机构",
        "银保监会及其派出机构", "银保监会或者其派出机构", "银监会及其派出机构", "银监会或其派出机构", "银监会或者其派出机构",
        "中国人民银行及其分支机构", "中国人民银行分支机构", "人民银行分支机构", "中国人民银行上海总部", "中国人民银行",
        "国务院金融监督管理机构", "金融监督管理机构", "国务院银行业监督管理机构", "国务院保险监督管理机构", "银行业监督管理机构",
        "金融监管部门", "金融管理部门", "地方金融管理部门", "地方金融监督管理部门", "金融监管局", "监管机构", "监管部门", "监管当局",
        "国家外汇管理局", "外汇局", "证监会", "保监会", "银监会", "银保监会", "中国银监会", "中国银保监会", "中国保监会", "中国证监会", "国家金融监督管理总局", "金融监管总局", "派出机构",
    ];

    private static readonly string[] OtherNames =
    [
        "任何单位和个人", "任何单位或者个人", "任何单位或个人", "任何机构、组织或者个人", "任何机构和个人", "任何组织和个人", "任何组织或者个人",
        "其他机构和个人", "其他单位和个人", "其他机构或者个人", "投诉人", "被投诉人", "受托人", "受托方", "受托机构", "外包服务提供商",
        "服务提供商", "服务商", "供应商", "合作机构", "第三方机构", "第三方合作机构", "行业自律组织", "自律组织", "行业协会", "中国银行业协会",
        "中国保险行业协会", "中国支付清算协会", "中国证券投资基金业协会", "主要股东", "控股股东", "股东", "实际控制人", "投保人", "被保险人",
        "受益人", "委托人", "代理人", "信息主体", "托管机构", "会计师事务所", "律师事务所", "审计机构",
        "评估机构", "无关人员", "存款人", "借款人", "持卡人", "申请人", "当事人", "申诉人", "举报人", "付款人", "收款人", "出票人", "承兑人",
        "债务人", "债权人", "自然人", "开户人", "被调查人", "行业自律组织",
        "证券交易所", "期货交易所", "证券登记结算机构", "登记结算机构", "中国反洗钱监测分析中心", "县级以上地方人民政府", "地方人民政府",
        "人民政府", "公安机关", "人民法院", "人民检察院", "司法机关", "审计机关", "税务机关", "市场监督管理部门", "重点外包服务机构", "银行业重点外包服务机构", "金融消费者", "消费者", "投资者",
    ];

    private static readonly string[] OrganNames =
    [
        "董（理）事会", "董事会", "监事会", "理事会", "党委（党组）", "高级管理层", "高管层", "高级管理人员", "董事长", "监事长", "董事", "监事",
        "首席合规官", "合规负责人", "主要负责人", "合规管理部门", "内部审计部门", "审计部门", "内审部门", "风险管理部门", "内部控制职能部门",
        "信息科技部门", "业务部门", "职能部门", "各部门", "总行", "总部", "总公司", "一级分支机构", "分支机构", "分行", "分公司",
        "工作人员", "从业人员", "员工", "投资人员", "交易人员", "销售人员", "人员",
    ];

    private readonly FrozenDictionary<char, (string Surface, PartyKind Kind, string[] Types)[]> byFirstChar;

    // A document's own terms, looked up before the shared table (kept apart so adding them is cheap).
    private readonly Dictionary<char, (string Surface, PartyKind Kind, string[] Types)[]>? overlay;

    private PartyLexicon(IEnumerable<(string Surface, PartyKind Kind, string[] Types)> entries)
    {
        var map = new Dictionary<string, (string, PartyKind, string[])>(StringComparer.Ordinal);
        foreach (var e in entries) map[e.Surface] = e; // later entries win
        byFirstChar = map.Values
            .GroupBy(e => e.Item1[0])
            .ToFrozenDictionary(g => g.Key, g => g.OrderByDescending(e => e.Item1.Length).ToArray());
    }

    private PartyLexicon(PartyLexicon shared, IEnumerable<(string Surface, PartyKind Kind, string[] Types)> terms)
    {
        byFirstChar = shared.byFirstChar;
        overlay = terms
            .Where(t => t.Surface.Length > 0)
            .GroupBy(t => t.Surface[0])
            .ToDictionary(g => g.Key, g => g.OrderByDescending(e => e.Surface.Length).ToArray());
    }

    /// <summary>The lexicon built from a taxonomy, before any document's own terms.</summary>
    public static PartyLexicon FromTaxonomy(InstitutionTaxonomy taxonomy) => new(BaseEntries(taxonomy));

    private static readonly Lazy<PartyLexicon> DefaultLazy = new(() => FromTaxonomy(InstitutionTaxonomy.Default));

    public static PartyLexicon Default => DefaultLazy.Value;

    private static IEnumerable<(string, PartyKind, string[])> BaseEntries(InstitutionTaxonomy taxonomy)
    {
        foreach (var (surface, canonical) in taxonomy.SurfaceForms)
        {
            if (canonical == InstitutionTaxonomy.Other) continue;
            if (canonical == InstitutionTaxonomy.Regulator)
            {
                if (surface is "分支机构" or InstitutionTaxonomy.Regulator) continue; // a bare 分支机构 is an institution's branch
                yield return (surface, PartyKind.Regulator, [InstitutionTaxonomy.Regulator]);
                continue;
            }

            yield return (surface, PartyKind.Institution, [canonical]);
        }

        foreach (var n in OrganNames) yield return (n, PartyKind.Organ, []);
        foreach (var n in OtherNames) yield return (n, PartyKind.Other, [InstitutionTaxonomy.Other]);
        foreach (var n in RegulatorNames) yield return (n, PartyKind.Regulator, [InstitutionTaxonomy.Regulator]);
    }

    /// <summary>A copy with a document's defined terms added (they override the base meaning of the same name).</summary>
    public PartyLexicon With(IEnumerable<(string Surface, PartyKind Kind, IReadOnlyList<string> Types)> terms) =>
        new(this, terms.Select(t => (t.Surface, t.Kind, t.Types.ToArray())));

    /// <summary>The longest name starting at <paramref name="index"/>, if any.</summary>
    public PartyMention? MatchAt(string text, int index)
    {
        if (index >= text.Length) return null;
        PartyMention? best = null;
        if (overlay is not null && overlay.TryGetValue(text[index], out var own))
            best = Longest(text, index, own);
        if (byFirstChar.TryGetValue(text[index], out var shared) && Longest(text, index, shared) is { } m && (best is null || m.Length > best.Value.Length))
            best = m;
        return best;
    }

    private static PartyMention? Longest(string text, int index, (string Surface, PartyKind Kind, string[] Types)[] candidates)
    {
        foreach (var (surface, kind, types) in candidates)
            if (surface.Length <= text.Length - index && string.CompareOrdinal(text, index, surface, 0, surface.Length) == 0)
                return new PartyMention(index, surface.Length, surface, kind, types);
        return null;
    }

    /// <summary>Every non-overlapping name in <paramref name="text"/>, left to right, longest first.</summary>
    public IReadOnlyList<PartyMention> FindAll(string text, int start = 0, int end = -1)
    {
        if (end < 0) end = text.Length;
        var result = new List<PartyMention>();
        for (var i = start; i < end; i++)
        {
            if (MatchAt(text, i) is { } m && m.End <= end)
            {
                result.Add(m);
                i = m.End - 1;
            }
        }

        return result;
    }
}
