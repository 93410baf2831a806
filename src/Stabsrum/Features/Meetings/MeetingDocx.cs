using System.Globalization;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;
using Stabsrum.Infrastructure.Time;

namespace Stabsrum.Features.Meetings;

/// <summary>
/// The agenda or minutes as a Word document: real heading styles (so Word's navigation and a table of contents
/// work), a table for the meeting facts and for "hvem gør hvad", and "Side X af Y" in the footer.
/// </summary>
public static class MeetingDocx
{
    public const string ContentType = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";

    public static byte[] Write(MeetingDocumentModel doc)
    {
        using var stream = new MemoryStream();
        using (var package = WordprocessingDocument.Create(stream, WordprocessingDocumentType.Document))
        {
            var main = package.AddMainDocumentPart();
            AddStyles(main);
            var footer = main.AddNewPart<FooterPart>();
            footer.Footer = Footer();
            var footerId = main.GetIdOfPart(footer);

            var body = new Body();
            body.Append(Heading(doc.Heading, 1));
            if (doc.CorrectionReason is { Length: > 0 } reason)
            {
                body.Append(Text($"Rettet version {doc.Version}. Begrundelse: {reason}"));
            }

            body.Append(FactsTable(doc));
            if (!string.IsNullOrWhiteSpace(doc.Changes) && doc.IsSupplement)
            {
                body.Append(Heading("Ændringer i dette tillæg", 2));
                body.Append(Lines(doc.Changes));
            }

            if (doc.IsMinutes)
            {
                body.Append(Heading("Deltagere", 2));
                body.Append(Text("Til stede: " + (doc.Present.Count == 0 ? "–" : string.Join(", ", doc.Present))));
                if (doc.Absent.Count > 0)
                {
                    body.Append(Text("Afbud/fraværende: " + string.Join(", ", doc.Absent)));
                }

                if (doc.StatusRound.Count > 0)
                {
                    body.Append(Heading("Mundtlig status fra enhederne", 2));
                    foreach (var line in doc.StatusRound)
                    {
                        body.Append(Heading(line.Unit, 3));
                        body.Append(Lines(line.Text));
                    }
                }
            }

            foreach (var item in doc.Items)
            {
                body.Append(Heading($"Punkt {item.Number}: {item.Title}", 2));
                var facts = $"{item.TypeLabel} · {MeetingText.KindLabel(item.Kind)} · Stillet af {item.ProposedBy}";
                if (item.JournalNumber is { Length: > 0 } journal)
                {
                    facts = journal + " · " + facts;
                }

                if (item.DecisionDeadline is { } deadline)
                {
                    facts += " · Frist for beslutning " + deadline.ToString("d. MMMM yyyy", DanishTime.Culture);
                }

                body.Append(Text(facts));
                foreach (var (heading, text) in item.Sections(doc.IsMinutes))
                {
                    body.Append(Heading(heading, 3));
                    body.Append(Lines(text));
                    if (heading == "Beslutning" && item.Actions.Count > 0)
                    {
                        body.Append(ActionsTable(item.Actions));
                    }
                }
            }

            if (doc.IsMinutes && doc.Approvals.Count > 0)
            {
                body.Append(Heading("Godkendelse", 2));
                body.Append(Table(["Godkender", "Status", "Tidspunkt"], doc.Approvals.Select(a => new[]
                {
                    a.Name, MeetingText.ApprovalLabel(a.Status), a.RespondedAt is { } at ? DanishTime.Format(at) : "",
                })));
            }

            body.Append(new SectionProperties(
                new FooterReference { Type = HeaderFooterValues.Default, Id = footerId },
                new PageSize { Width = 11906U, Height = 16838U },
                new PageMargin { Top = 1418, Right = 1134U, Bottom = 1418, Left = 1134U, Header = 709U, Footer = 709U, Gutter = 0U }));
            main.Document = new Document(body);
        }

        return stream.ToArray();
    }

    private static Table FactsTable(MeetingDocumentModel doc)
    {
        var place = doc.Mode == nameof(MeetingMode.Virtuelt) ? "Virtuelt: " + (doc.VirtualLink ?? "") : doc.Place ?? "";
        var rows = new List<string[]>
        {
            new[] { "Møde", doc.Title },
            new[] { "Mødedato", DanishTime.ToLocal(doc.StartsAt).ToString("dddd 'd.' d. MMMM yyyy 'kl.' HH:mm", DanishTime.Culture) },
            new[] { "Mødested", place },
            new[] { doc.IsMinutes ? "Referatversion" : "Dagsordenversion", doc.Version.ToString(CultureInfo.InvariantCulture) },
        };
        return Table(null, rows);
    }

    private static Table ActionsTable(IReadOnlyList<ActionLine> actions) =>
        Table(["Hvad", "Hvem", "Frist"], actions.Select(a => new[] { a.Text, a.OwnerName, a.Deadline?.ToString("d. MMMM yyyy", DanishTime.Culture) ?? "" }));

    private static Table Table(string[]? header, IEnumerable<string[]> rows)
    {
        var border = new TableBorders(
            new TopBorder { Val = BorderValues.Single, Size = 4U },
            new LeftBorder { Val = BorderValues.Single, Size = 4U },
            new BottomBorder { Val = BorderValues.Single, Size = 4U },
            new RightBorder { Val = BorderValues.Single, Size = 4U },
            new InsideHorizontalBorder { Val = BorderValues.Single, Size = 4U },
            new InsideVerticalBorder { Val = BorderValues.Single, Size = 4U });
        var materialised = rows.ToList();
        var columns = header?.Length ?? materialised.FirstOrDefault()?.Length ?? 1;
        var table = new Table(new TableProperties(new TableWidth { Width = "5000", Type = TableWidthUnitValues.Pct }, border));
        var grid = new TableGrid();
        for (var c = 0; c < columns; c++)
        {
            grid.Append(new GridColumn { Width = (9638 / columns).ToString(CultureInfo.InvariantCulture) });
        }

        table.Append(grid);
        if (header is not null)
        {
            var row = new TableRow(new TableRowProperties(new TableHeader()));
            foreach (var cell in header)
            {
                row.Append(Cell(cell, bold: true));
            }

            table.Append(row);
        }

        foreach (var values in materialised)
        {
            var row = new TableRow();
            foreach (var cell in values)
            {
                row.Append(Cell(cell, bold: false));
            }

            table.Append(row);
        }

        return table;
    }

    private static TableCell Cell(string text, bool bold)
    {
        var run = new Run();
        if (bold)
        {
            run.Append(new RunProperties(new Bold()));
        }

        run.Append(new Text(text) { Space = SpaceProcessingModeValues.Preserve });
        return new TableCell(new TableCellProperties(new TableCellWidth { Type = TableWidthUnitValues.Auto }), new Paragraph(run));
    }

    private static Paragraph Heading(string text, int level) =>
        new(new ParagraphProperties(new ParagraphStyleId { Val = "Heading" + level }), new Run(new Text(text) { Space = SpaceProcessingModeValues.Preserve }));

    private static Paragraph Text(string text) => new(new Run(new Text(text) { Space = SpaceProcessingModeValues.Preserve }));

    /// <summary>Multi-line text: a paragraph per line, "- " lines as bullets marked with a dash.</summary>
    private static IEnumerable<Paragraph> Lines(string text) =>
        text.Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n').Where(l => l.Length > 0).Select(Text);

    private static Footer Footer()
    {
        var paragraph = new Paragraph(new ParagraphProperties(new Justification { Val = JustificationValues.Right }));
        paragraph.Append(new Run(new Text("Side ") { Space = SpaceProcessingModeValues.Preserve }));
        AppendField(paragraph, "PAGE");
        paragraph.Append(new Run(new Text(" af ") { Space = SpaceProcessingModeValues.Preserve }));
        AppendField(paragraph, "NUMPAGES");
        return new Footer(paragraph);
    }

    private static void AppendField(Paragraph paragraph, string field)
    {
        paragraph.Append(new Run(new FieldChar { FieldCharType = FieldCharValues.Begin }));
        paragraph.Append(new Run(new FieldCode($" {field} ") { Space = SpaceProcessingModeValues.Preserve }));
        paragraph.Append(new Run(new FieldChar { FieldCharType = FieldCharValues.Separate }));
        paragraph.Append(new Run(new Text("1")));
        paragraph.Append(new Run(new FieldChar { FieldCharType = FieldCharValues.End }));
    }

    private static void AddStyles(MainDocumentPart main)
    {
        var styles = new Styles();
        styles.Append(new DocDefaults(
            new RunPropertiesDefault(new RunPropertiesBaseStyle(
                new RunFonts { Ascii = "Calibri", HighAnsi = "Calibri", ComplexScript = "Calibri" },
                new FontSize { Val = "22" },
                new Languages { Val = "da-DK" })),
            new ParagraphPropertiesDefault(new ParagraphPropertiesBaseStyle(new SpacingBetweenLines { After = "120" }))));
        styles.Append(new Style(new StyleName { Val = "Normal" }, new PrimaryStyle()) { Type = StyleValues.Paragraph, StyleId = "Normal", Default = true });
        foreach (var (level, size) in new[] { (1, "36"), (2, "28"), (3, "24") })
        {
            styles.Append(new Style(
                new StyleName { Val = "heading " + level },
                new BasedOn { Val = "Normal" },
                new NextParagraphStyle { Val = "Normal" },
                new PrimaryStyle(),
                new StyleParagraphProperties(new KeepNext(), new SpacingBetweenLines { Before = "240", After = "120" }, new OutlineLevel { Val = level - 1 }),
                new StyleRunProperties(new Bold(), new FontSize { Val = size }))
            { Type = StyleValues.Paragraph, StyleId = "Heading" + level });
        }

        main.AddNewPart<StyleDefinitionsPart>().Styles = styles;
    }
}
