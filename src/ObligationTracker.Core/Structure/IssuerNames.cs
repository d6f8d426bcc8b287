using System.Text.RegularExpressions;

namespace ObligationTracker.Core.Structure;

/// <summary>Names of the bodies that issue financial rules, with the short forms they sign with, mapped to their full names.</summary>
/// <remarks>Local bodies (浙江省地方金融管理局, 北京市人民代表大会常务委员会) are recognised by their form. 中国银保监会 and 银保监会 are the same body as 中国银行保险监督管理委员会; a 办公厅 (general office) is kept as its own issuer.</remarks>
public static partial class IssuerNames
{
    private static readonly (string Full, string[] Aliases)[] Bodies =
    [
        ("国家金融监督管理总局", ["国家金融监管总局", "金融监管总局"]),
        ("中国银行保险监督管理委员会", ["中国银保监会", "银保监会"]),
        ("中国银行业监督管理委员会", ["中国银监会", "银监会"]),
        ("中国保险监督管理委员会", ["中国保监会", "保监会"]),
        ("中国证券监督管理委员会", ["中国证监会", "证监会"]),
        ("中国人民银行", ["人民银行"]),
        ("国家外汇管理局", ["外汇局"]),
        ("国家发展和改革委员会", ["国家发展改革委", "国家发改委"]),
        ("国家市场监督管理总局", ["市场监管总局"]),
        ("国家互联网信息办公室", ["国家网信办"]),
        ("工业和信息化部", ["工信部"]),
        ("全国人民代表大会常务委员会", ["全国人大常委会"]),
        ("最高人民法院", []), ("最高人民检察院", []), ("国务院", []), ("财政部", []), ("公安部", []),
        ("国家安全部", []), ("民政部", []), ("商务部", []), ("司法部", []), ("国家税务总局", []),
        ("国家知识产权局", []), ("国务院国有资产监督管理委员会", []),
    ];

    private static readonly Dictionary<string, string> FullByName = BuildLookup();

    /// <summary>Any one issuer name, full or short, optionally followed by 办公厅; longest names first.</summary>
    public static readonly string Pattern = "(?:中华人民共和国)?(?:" + string.Join("|", FullByName.Keys.OrderByDescending(k => k.Length).Select(Regex.Escape))
        + @"|[\u4e00-\u9fff]{2,8}?(?:省|市|自治区)(?:人民代表大会常务委员会|人民政府|地方金融(?:监督)?管理局|地方金融监管局|金融(?:工作|服务)?(?:办公室|局)|金融办)"
        + @"|国家金融监督管理总局[\u4e00-\u9fff]{2,6}?监管局)(?:办公厅)?";

    private static readonly Regex NameRegex = new(Pattern, RegexOptions.Compiled);

    private static readonly Regex OnlyNamesRegex = new(@"^(?:" + Pattern + @")(?:[\s、，,和]*(?:" + Pattern + "))*$", RegexOptions.Compiled);

    /// <summary>True when <paramref name="line"/> holds issuer names and nothing else (a signature line: 中国人民银行 国家金融监督管理总局).</summary>
    public static bool IsOnlyNames(string line) => line.Length <= 120 && OnlyNamesRegex.IsMatch(line);

    /// <summary>The issuers named in <paramref name="text"/>, in order, as full names, without repeats.</summary>
    public static IReadOnlyList<string> FindAll(string text)
    {
        var found = new List<string>();
        for (var m = NameRegex.Match(text); m.Success; m = m.NextMatch())
        {
            var full = ToFullName(m.Value);
            if (!found.Contains(full)) found.Add(full);
        }

        return found;
    }

    /// <summary>The full name of one issuer name (中国银保监会办公厅 → 中国银行保险监督管理委员会办公厅); unknown names are returned as they are.</summary>
    public static string ToFullName(string name)
    {
        if (name.StartsWith("中华人民共和国", StringComparison.Ordinal) && name.Length > 7) name = name[7..];
        var office = name.EndsWith("办公厅", StringComparison.Ordinal);
        var body = office ? name[..^3] : name;
        var full = FullByName.TryGetValue(body, out var f) ? f : body;
        return office ? full + "办公厅" : full;
    }

    private static Dictionary<string, string> BuildLookup()
    {
        var map = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (full, aliases) in Bodies)
        {
            map[full] = full;
            foreach (var alias in aliases) map[alias] = full;
        }

        return map;
    }
}
