using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using DocumentFormat.OpenXml.Validation;
using Microsoft.Extensions.Time.Testing;
using ObligationTracker.Cli.Commands;
using ObligationTracker.Storage.Database;
using Xunit;

namespace ObligationTracker.Cli.Tests.Register;

public sealed class RegisterCommandsTests : IDisposable
{
    private readonly string _root = Path.Combine(Path.GetTempPath(), "ot-register-" + Guid.NewGuid().ToString("N"));
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 3, 2, 8, 0, 0, TimeSpan.Zero));
    private readonly StoreSettings _store;

    public RegisterCommandsTests()
    {
        Directory.CreateDirectory(_root);
        _store = StoreSettings.Sqlite(Path.Combine(_root, "data"));
    }

    [Fact]
    public void Obligations_AfterIngestAndTracking_ShowStatusOwnerAndReviewAfterRevision()
    {
        Ingest("v1.md", RegisterSamples.Version1);
        Assert.Equal(0, Call(o => InstitutionCommand.RunAdd(_store, RegisterSamples.Institution, ["消费金融公司"], "北京", null, _clock, o, TextWriter.Null)).Code);
        var ids = Lines(Call(o => ObligationsCommand.Run(_store, RegisterSamples.Institution, null, null, false, null, _clock, o, TextWriter.Null)).Output)
            .Select(l => l.Trim().Split(' ')[0]).ToList();
        Assert.Equal(5, ids.Count);
        foreach (var id in ids)
            Assert.Equal(0, Call(o => TrackCommand.RunSet(_store, RegisterSamples.Institution, id, new TrackCommand.SetArguments(Status: "已合规", Owner: "张三"), "alice", _clock, o, TextWriter.Null)).Code);

        Ingest("v2.md", RegisterSamples.Version2);
        var (_, output) = Call(o => ObligationsCommand.Run(_store, RegisterSamples.Institution, null, null, false, null, _clock, o, TextWriter.Null));

        var lines = Lines(output);
        Assert.Equal(5, lines.Count); // 4 kept + 1 new; the removed one is closed and hidden
        Assert.Single(lines, l => l.Contains("待评估") && l.Contains("应急预案"));
        Assert.Single(lines, l => l.Contains("[待复核]") && l.Contains("3月31日"));
        Assert.Equal(4, lines.Count(l => l.Contains("已合规")));
        var closed = Lines(Call(o => ObligationsCommand.Run(_store, RegisterSamples.Institution, "已关闭", null, false, null, _clock, o, TextWriter.Null)).Output);
        Assert.Contains("合规管理部门", Assert.Single(closed));
    }

    [Fact]
    public void Changes_AfterRevision_ShowsOldAndNewTextSideBySide()
    {
        Ingest("v1.md", RegisterSamples.Version1);
        Ingest("v2.md", RegisterSamples.Version2);

        var (code, output) = Call(o => ChangesCommand.Run(_store, "消费金融公司合规管理办法", null, null, false, _clock, o, TextWriter.Null));

        Assert.Equal(0, code);
        Assert.Contains("第1版 → 第2版", output);
        Assert.Contains("新增 1，修改 1，删除 1，移动 1", output);
        Assert.Contains("4月30日", output);
        Assert.Contains("3月31日", output);
    }

    [Fact]
    public void ObligationsXlsx_HasChineseHeaderFrozenRowFilterAndOneRowPerObligation()
    {
        Ingest("v1.md", RegisterSamples.Version1);
        InstitutionCommand.RunAdd(_store, RegisterSamples.Institution, ["消费金融公司"], null, null, _clock, TextWriter.Null, TextWriter.Null);
        var file = Path.Combine(_root, "out", "register.xlsx");

        Assert.Equal(0, Call(o => ObligationsCommand.Run(_store, RegisterSamples.Institution, null, null, false, file, _clock, o, TextWriter.Null)).Code);

        using var doc = SpreadsheetDocument.Open(file, false);
        Assert.Empty(new OpenXmlValidator().Validate(doc));
        var sheet = doc.WorkbookPart!.WorksheetParts.Single().Worksheet;
        var rows = sheet.Descendants<Row>().ToList();
        string Text(Cell c) => c.InlineString!.InnerText;
        var header = rows[0].Elements<Cell>().Select(Text).ToList();
        foreach (var label in new[] { "法规", "文号", "条", "内容", "义务类型", "适用机构", "期限", "下次到期日", "状态", "负责人" })
            Assert.Contains(label, header);
        Assert.Equal(6, rows.Count);
        Assert.Equal(DocumentFormat.OpenXml.Spreadsheet.PaneStateValues.Frozen, sheet.Descendants<Pane>().Single().State!.Value);
        Assert.StartsWith("A1:", sheet.Descendants<AutoFilter>().Single().Reference!.Value);
        var deadlineCell = rows.Skip(1).Select(r => r.Elements<Cell>().Select(Text).ToList()).Single(r => r[4].Contains("4月30日"));
        Assert.Equal("每年，04-30前", deadlineCell[header.IndexOf("期限")]);
        Assert.Equal("义务", deadlineCell[header.IndexOf("义务类型")]);
    }

    [Theory]
    [InlineData("--status", "done", "Unknown status 'done'")]
    [InlineData("--status", "不适用", "needs a reason")]
    [InlineData("--due", "2026/04/30", "--due '2026/04/30' is not a date")]
    [InlineData("--evidence", "/no/such/file.pdf", "neither an existing file nor an http(s) URL")]
    [InlineData("--clear", "status", "--clear 'status': use owner, note, due, reason or done")]
    public void TrackSet_BadInput_NamesTheProblemAndFails(string option, string value, string message)
    {
        Ingest("v1.md", RegisterSamples.Version1);
        InstitutionCommand.RunAdd(_store, RegisterSamples.Institution, ["消费金融公司"], null, null, _clock, TextWriter.Null, TextWriter.Null);
        var args = option switch
        {
            "--status" => new TrackCommand.SetArguments(Status: value),
            "--due" => new TrackCommand.SetArguments(Due: value),
            "--clear" => new TrackCommand.SetArguments(Clear: [value]),
            _ => new TrackCommand.SetArguments(Evidence: value),
        };
        var errors = new StringWriter();

        var code = TrackCommand.RunSet(_store, RegisterSamples.Institution, "1", args, "alice", _clock, TextWriter.Null, errors);

        Assert.NotEqual(0, code);
        Assert.Contains(message, errors.ToString());
    }

    [Fact]
    public void TrackSet_Clear_EmptiesTheNamedFieldsAndRecordsIt()
    {
        Ingest("v1.md", RegisterSamples.Version1);
        InstitutionCommand.RunAdd(_store, RegisterSamples.Institution, ["消费金融公司"], null, null, _clock, TextWriter.Null, TextWriter.Null);
        Assert.Equal(0, TrackCommand.RunSet(_store, RegisterSamples.Institution, "1", new(Status: "进行中", Owner: "张三", Note: "待董事会审议", Due: "2026-04-30"), "alice", _clock, TextWriter.Null, TextWriter.Null));

        var (code, output) = Call(o => TrackCommand.RunSet(_store, RegisterSamples.Institution, "1", new(Clear: ["owner", "due"]), "bob", _clock, o, TextWriter.Null));

        Assert.Equal(0, code);
        Assert.Contains("张三 → -", output);
        Assert.Contains("2026-04-30 → -", output);
        Assert.DoesNotContain("待董事会审议", output); // the note was not named, so it stays
        var history = Call(o => TrackCommand.RunHistory(_store, RegisterSamples.Institution, "1", false, _clock, o, TextWriter.Null)).Output;
        Assert.Contains("bob", history);
    }

    [Fact]
    public void TrackSet_UnknownInstitutionOrObligation_NamesIt()
    {
        Ingest("v1.md", RegisterSamples.Version1);
        InstitutionCommand.RunAdd(_store, "乙银行", ["商业银行"], null, null, _clock, TextWriter.Null, TextWriter.Null);
        var errors = new StringWriter();
        Assert.NotEqual(0, TrackCommand.RunSet(_store, "丙公司", "1", new(Status: "进行中"), "a", _clock, TextWriter.Null, errors));
        Assert.Contains("No institution named '丙公司'", errors.ToString());
        // The rule binds 消费金融公司 only: a bank cannot track it.
        Assert.NotEqual(0, TrackCommand.RunSet(_store, "乙银行", "1", new(Status: "进行中"), "a", _clock, TextWriter.Null, errors));
        Assert.Contains("does not bind 乙银行", errors.ToString());
    }

    [Fact]
    public void RegulationRepeal_RemovesItsObligationsFromTheRegister()
    {
        Ingest("v1.md", RegisterSamples.Version1);
        InstitutionCommand.RunAdd(_store, RegisterSamples.Institution, ["消费金融公司"], null, null, _clock, TextWriter.Null, TextWriter.Null);
        Assert.Equal(0, RegulationCommand.RunSetStatus(_store, RegisterSamples.Title, Storage.RegulationStatus.Repealed, "被新规废止", _clock, TextWriter.Null, TextWriter.Null));

        var (code, output) = Call(o => ObligationsCommand.Run(_store, RegisterSamples.Institution, null, null, false, null, _clock, o, TextWriter.Null));

        Assert.Equal(0, code);
        Assert.Empty(Lines(output));
        Assert.Contains("废止", Call(o => RegulationCommand.RunList(_store, false, _clock, o)).Output);
    }

    [Fact]
    public void InstitutionAdd_UnknownType_FailsNamingIt()
    {
        var errors = new StringWriter();
        Assert.NotEqual(0, InstitutionCommand.RunAdd(_store, "丁", ["火星银行"], null, null, _clock, TextWriter.Null, errors));
        Assert.Contains("火星银行", errors.ToString());
    }

    public void Dispose()
    {
        if (Directory.Exists(_root)) Directory.Delete(_root, recursive: true);
    }

    private void Ingest(string name, string text)
    {
        var file = Path.Combine(_root, name);
        File.WriteAllText(file, text);
        Assert.Equal(0, IngestCommand.Run([file], Path.Combine(_root, "data"), false, _clock, TextWriter.Null, TextWriter.Null, _store));
    }

    private static (int Code, string Output) Call(Func<TextWriter, int> run)
    {
        var output = new StringWriter();
        var code = run(output);
        return (code, output.ToString());
    }

    private static List<string> Lines(string text) => text.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).ToList();
}
