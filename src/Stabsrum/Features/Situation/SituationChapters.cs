using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Stabsrum.Features.CaseFile;
using Stabsrum.Infrastructure.Database;
using Stabsrum.Infrastructure.Pdf;
using Stabsrum.Infrastructure.Time;

namespace Stabsrum.Features.Situation;

public sealed record CaseFileSection(string Title, string Text);

public sealed record CaseFileSituationPicture(
    int Version, string Status, DateTimeOffset CreatedAt, string CreatedBy, DateTimeOffset? PublishedAt, string? PublishedBy,
    IReadOnlyList<CaseFileSection> Sections, IReadOnlyList<CaseFileSection> Units, DateTimeOffset? NextMeetingAt, DateTimeOffset? NextUpdateDue);

public sealed record CaseFileUnitReport(Guid Id, string Unit, string Situation, string? Needs, string ReportedBy, DateTimeOffset ReportedAt);

public sealed record CaseFileReportingUnit(string Unit, int IntervalMinutes, DateTimeOffset Since);

public sealed record CaseFileUnitReports(int Total, IReadOnlyList<CaseFileReportingUnit> Arrangement, IReadOnlyList<CaseFileUnitReport> Reports);

/// <summary>Case-file chapter: every version of the situation picture, oldest first (drafts marked as such).</summary>
public sealed class SituationPicturesChapter : ICaseFileSection, ICaseFilePdfChapter
{
    public int Order => 40;

    public string Title => "Situationsbilleder";

    public string PartialViewName => "/Features/Situation/_CaseFileSituation.cshtml";

    public string JsonFileName => "situationsbilleder.json";

    public async Task<CaseFileChapter> LoadAsync(StabsrumDbContext db, CaseFileRequest request, CancellationToken cancellationToken)
    {
        var pictures = await db.SituationPictures.AsNoTracking().Include(p => p.Units).Where(p => p.IncidentId == request.IncidentId)
            .OrderBy(p => p.Version).ToListAsync(cancellationToken);
        return new CaseFileChapter(pictures.Select(p => new CaseFileSituationPicture(
            p.Version, SituationSections.StatusName(p.Status), DanishTime.ToLocal(p.CreatedAt), p.CreatedBy, Local(p.PublishedAt), p.PublishedBy,
            SituationSections.All.Select(s => new CaseFileSection(s.Title, s.Read(p))).ToList(),
            p.Units.OrderBy(u => u.SortOrder).ThenBy(u => u.Unit, StringComparer.Ordinal).Select(u => new CaseFileSection(u.Unit, u.Text)).ToList(),
            Local(p.NextMeetingAt), Local(p.NextUpdateDue))).ToList());
    }

    /// <summary>Same text as <c>_CaseFileSituation.cshtml</c>: per version its heading, then each section's title and text.</summary>
    public void WritePdf(PdfFlow pdf, object data)
    {
        var pictures = (IReadOnlyList<CaseFileSituationPicture>)data;
        pdf.Paragraph($"{pictures.Count} versioner.");
        foreach (var p in pictures)
        {
            pdf.Heading($"Version {p.Version} ({p.Status}){(p.PublishedAt is { } at ? $" – offentliggjort {CaseFileTime.Format(at)} af {p.PublishedBy}" : "")}", CaseFilePdf.Sub);
            pdf.Paragraph($"Oprettet {CaseFileTime.Format(p.CreatedAt)} af {p.CreatedBy}.");
            foreach (var s in p.Sections)
            {
                Definition(pdf, s.Title, s.Text);
            }

            foreach (var u in p.Units)
            {
                Definition(pdf, "Enhed: " + u.Title, u.Text);
            }

            pdf.Block(
            [
                PdfParagraph.Of("Næste møde / opdatering", bold: true, spaceAfter: 1),
                PdfParagraph.Of($"{(p.NextMeetingAt is { } m ? CaseFileTime.Format(m) : "ikke fastsat")} / {(p.NextUpdateDue is { } d ? CaseFileTime.Format(d) : "ikke fastsat")}", indent: 20),
            ]);
        }
    }

    private static void Definition(PdfFlow pdf, string title, string? text)
    {
        pdf.Block([PdfParagraph.Of(title, bold: true, spaceAfter: 1), PdfParagraph.Of(string.IsNullOrWhiteSpace(text) ? "Intet angivet." : text, indent: 20)]);
    }

    internal static DateTimeOffset? Local(DateTimeOffset? utc) => utc is { } v ? DanishTime.ToLocal(v) : null;
}

/// <summary>Case-file chapter: the rapporteringsordning and every unit report, oldest first.</summary>
public sealed class UnitReportsChapter : ICaseFileSection, ICaseFilePdfChapter
{
    public int Order => 50;

    public string Title => "Meldinger fra enheder";

    public string PartialViewName => "/Features/Situation/_CaseFileUnitReports.cshtml";

    public string JsonFileName => "meldinger.json";

    public async Task<CaseFileChapter> LoadAsync(StabsrumDbContext db, CaseFileRequest request, CancellationToken cancellationToken)
    {
        var reports = await db.UnitReports.AsNoTracking().Where(r => r.IncidentId == request.IncidentId).ToListAsync(cancellationToken);
        var units = await db.ReportingUnits.AsNoTracking().Where(u => u.IncidentId == request.IncidentId).ToListAsync(cancellationToken);
        return new CaseFileChapter(new CaseFileUnitReports(
            reports.Count,
            units.OrderBy(u => u.Unit, StringComparer.Ordinal).Select(u => new CaseFileReportingUnit(u.Unit, u.IntervalMinutes, DanishTime.ToLocal(u.Since))).ToList(),
            reports.OrderBy(r => r.ReportedAt).ThenBy(r => r.Id)
                .Select(r => new CaseFileUnitReport(r.Id, r.Unit, r.Situation, r.Needs, r.ReportedBy, DanishTime.ToLocal(r.ReportedAt))).ToList()));
    }

    /// <summary>Same text as <c>_CaseFileUnitReports.cshtml</c>.</summary>
    public void WritePdf(PdfFlow pdf, object data)
    {
        var reports = (CaseFileUnitReports)data;
        var arrangement = reports.Arrangement.Count == 0
            ? "ingen"
            : string.Join("; ", reports.Arrangement.Select(a => $"{a.Unit} hvert {a.IntervalMinutes.ToString(CultureInfo.InvariantCulture)}. minut fra {CaseFileTime.Format(a.Since)}"));
        pdf.Paragraph($"{reports.Total} meldinger. Rapporteringsordning: {arrangement}.");
        if (reports.Reports.Count > 0)
        {
            pdf.Table([new PdfColumn("Tidspunkt", 1.5f), new PdfColumn("Enhed", 1.2f), new PdfColumn("Situation", 3), new PdfColumn("Behov", 2), new PdfColumn("Af", 1.2f)],
                reports.Reports.Select(r => (IReadOnlyList<string?>)[CaseFileTime.Format(r.ReportedAt), r.Unit, r.Situation, r.Needs, r.ReportedBy]));
        }
    }
}
