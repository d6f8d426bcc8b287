using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using ObligationTracker.Core.Register;
using ObligationTracker.Storage.Register;

namespace ObligationTracker.Cli.Export;

/// <summary>An institution's register as an .xlsx workbook: Chinese headers, frozen header row, autofilter, widths that fit.</summary>
internal static class RegisterWorkbook
{
    /// <summary>Header and column width (in characters; CJK characters count about double).</summary>
    private static readonly (string Header, double Width)[] Columns =
    [
        ("编号", 9), ("法规", 36), ("文号", 26), ("条", 6), ("内容", 80), ("义务类型", 10), ("适用机构", 24),
        ("期限", 24), ("下次到期日", 13), ("状态", 10), ("负责人", 12), ("说明", 36),
    ];

    public const string ContentType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    public static void Write(string path, StoredInstitution institution, IReadOnlyList<RegisterEntry> entries)
    {
        var folder = Path.GetDirectoryName(Path.GetFullPath(path));
        if (!string.IsNullOrEmpty(folder)) Directory.CreateDirectory(folder);
        using var file = File.Create(path);
        Write(file, institution, entries);
    }

    /// <summary>Writes the workbook to a seekable stream (a file, or memory for an HTTP response).</summary>
    public static void Write(Stream stream, StoredInstitution institution, IReadOnlyList<RegisterEntry> entries)
    {
        ArgumentNullException.ThrowIfNull(institution);
        ArgumentNullException.ThrowIfNull(entries);
        using var document = SpreadsheetDocument.Create(stream, SpreadsheetDocumentType.Workbook);
        var workbookPart = document.AddWorkbookPart();
        workbookPart.Workbook = new Workbook();
        var styles = workbookPart.AddNewPart<WorkbookStylesPart>();
        styles.Stylesheet = Stylesheet();
        var sheetPart = workbookPart.AddNewPart<WorksheetPart>();

        var data = new SheetData();
        data.Append(Row(1, Columns.Select(c => c.Header), styleIndex: 1));
        var r = 2u;
        foreach (var e in entries)
        {
            var note = string.Join("；", new[]
            {
                e.Tracking.Reason, e.Tracking.ReviewRequired ? e.Tracking.ReviewNote ?? "待复核" : null, e.ByReference ? "参照执行" : null, e.Tracking.Notes,
            }.Where(s => !string.IsNullOrEmpty(s)));
            data.Append(Row(r++, [
                e.ObligationId.ToString(System.Globalization.CultureInfo.InvariantCulture), e.RegulationTitle, e.DocumentNumber ?? "", $"第{e.Article}条", e.Text,
                Labels.Modality(e.Modality), string.Join("、", e.Addressees), Labels.Deadline(e.DeadlineJson),
                e.Tracking.NextDue?.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture) ?? "", e.Status.Label(), e.Tracking.Owner ?? "", note,
            ], styleIndex: 2));
        }

        var lastColumn = ColumnName(Columns.Length);
        sheetPart.Worksheet = new Worksheet(
            new SheetViews(new SheetView(
                new Pane { VerticalSplit = 1, TopLeftCell = "A2", ActivePane = PaneValues.BottomLeft, State = PaneStateValues.Frozen },
                new Selection { Pane = PaneValues.BottomLeft, ActiveCell = "A2", SequenceOfReferences = new ListValue<StringValue> { InnerText = "A2" } })
            { TabSelected = true, WorkbookViewId = 0 }),
            new Columns(Columns.Select((c, i) => new Column { Min = (uint)(i + 1), Max = (uint)(i + 1), Width = c.Width, CustomWidth = true })),
            data,
            new AutoFilter { Reference = $"A1:{lastColumn}{Math.Max(1, r - 1)}" });

        var sheets = workbookPart.Workbook.AppendChild(new Sheets());
        sheets.Append(new Sheet { Id = workbookPart.GetIdOfPart(sheetPart), SheetId = 1, Name = "义务清单" });
        // Excel needs the filter's range as a hidden defined name to show the filter buttons.
        workbookPart.Workbook.Append(new DefinedNames(new DefinedName { Name = "_xlnm._FilterDatabase", LocalSheetId = 0, Hidden = true, Text = $"'义务清单'!$A$1:${lastColumn}${Math.Max(1, r - 1)}" }));
        workbookPart.Workbook.Save();
        document.PackageProperties.Title = $"{institution.Name} 义务清单";
    }

    private static Row Row(uint index, IEnumerable<string> values, uint styleIndex)
    {
        var row = new Row { RowIndex = index };
        var c = 1;
        foreach (var v in values)
            row.Append(new Cell { CellReference = ColumnName(c++) + index, DataType = CellValues.InlineString, StyleIndex = styleIndex, InlineString = new InlineString(new Text(v) { Space = SpaceProcessingModeValues.Preserve }) });
        return row;
    }

    private static string ColumnName(int n)
    {
        var name = "";
        for (; n > 0; n = (n - 1) / 26) name = (char)('A' + ((n - 1) % 26)) + name;
        return name;
    }

    /// <summary>0 default, 1 bold header with fill, 2 wrapped top-aligned body.</summary>
    private static Stylesheet Stylesheet() => new(
        new Fonts(new Font(new FontSize { Val = 11 }), new Font(new Bold(), new FontSize { Val = 11 })),
        new Fills(
            new Fill(new PatternFill { PatternType = PatternValues.None }),
            new Fill(new PatternFill { PatternType = PatternValues.Gray125 }),
            new Fill(new PatternFill(new ForegroundColor { Rgb = "FFDDEBF7" }) { PatternType = PatternValues.Solid })),
        new Borders(new Border()),
        new CellFormats(
            new CellFormat(),
            new CellFormat(new Alignment { Vertical = VerticalAlignmentValues.Center, WrapText = true }) { FontId = 1, FillId = 2, ApplyFont = true, ApplyFill = true, ApplyAlignment = true },
            new CellFormat(new Alignment { Vertical = VerticalAlignmentValues.Top, WrapText = true }) { ApplyAlignment = true }));
}
