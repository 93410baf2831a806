using Microsoft.EntityFrameworkCore;
using Stabsrum.Features.CaseFile;
using Stabsrum.Infrastructure.Database;
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
public sealed class SituationPicturesChapter : ICaseFileSection
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

    internal static DateTimeOffset? Local(DateTimeOffset? utc) => utc is { } v ? DanishTime.ToLocal(v) : null;
}

/// <summary>Case-file chapter: the rapporteringsordning and every unit report, oldest first.</summary>
public sealed class UnitReportsChapter : ICaseFileSection
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
}
