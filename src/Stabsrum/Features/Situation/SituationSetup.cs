using Microsoft.EntityFrameworkCore;
using Stabsrum.Features.CaseFile;
using Stabsrum.Infrastructure.Database;
using Stabsrum.Infrastructure.Tenancy;
using Stabsrum.Infrastructure.Web;

namespace Stabsrum.Features.Situation;

/// <summary>Situation pictures, unit reports, the case file (sagsakt) and the status report: registration and routes.</summary>
public static class SituationSetup
{
    public static WebApplicationBuilder AddSituation(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddScoped<SituationPictures>();
        services.AddScoped<UnitReports>();
        services.AddScoped<CaseFileExporter>();
        services.AddScoped<RazorDocumentRenderer>();
        services.AddSingleton<CaseFilePdf>();

        services.AddSingleton<ICaseFileSection, IncidentFactsChapter>();
        services.AddSingleton<ICaseFileSection, StaffChapter>();
        services.AddSingleton<ICaseFileSection, LogChapter>();
        services.AddSingleton<ICaseFileSection, SituationPicturesChapter>();
        services.AddSingleton<ICaseFileSection, UnitReportsChapter>();
        services.AddSingleton<IStatusReportFigures, CrisisLogStatusFigures>();
        services.AddSingleton<IStatusReportFigures, UnitReportStatusFigures>();

        services.AddIncidentLink(new IncidentLink("Situationsbillede", "/situationsbillede", Permission.Read, 20));
        services.AddIncidentLink(new IncidentLink("Meldinger", "/meldinger", Permission.Read, 25));
        services.AddIncidentLink(new IncidentLink("Sagsakt", "/sagsakt", Permission.Read, 90));
        return builder;
    }

    public static void MapSituation(this IEndpointRouteBuilder app)
    {
        app.MapSituationApi();
        app.MapCaseFileApi();
    }
}

/// <summary>Status-report figures from the rapporteringsordning: reports received, units reporting, units overdue.</summary>
public sealed class UnitReportStatusFigures(TimeProvider time) : IStatusReportFigures
{
    public int Order => 30;

    public async Task<IReadOnlyList<StatusFigure>> LoadAsync(StabsrumDbContext db, Guid incidentId, CancellationToken cancellationToken)
    {
        var received = await db.UnitReports.CountAsync(r => r.IncidentId == incidentId, cancellationToken);
        var units = await db.ReportingUnits.AsNoTracking().Where(u => u.IncidentId == incidentId).ToListAsync(cancellationToken);
        var last = await db.UnitReports.AsNoTracking().Where(r => r.IncidentId == incidentId).Select(r => new { r.Unit, r.ReportedAt }).ToListAsync(cancellationToken);
        var now = time.GetUtcNow();
        var overdue = units.Count(u =>
        {
            var latest = last.Where(r => string.Equals(r.Unit, u.Unit, StringComparison.OrdinalIgnoreCase)).Select(r => (DateTimeOffset?)r.ReportedAt).Max();
            return now > (latest is { } l && l > u.Since ? l : u.Since).AddMinutes(u.IntervalMinutes);
        });
        var culture = Infrastructure.Time.DanishTime.Culture;
        return
        [
            new("Meldinger modtaget fra enheder", received.ToString(culture)),
            new("Enheder i rapporteringsordningen", units.Count.ToString(culture)),
            new("Enheder forsinket med melding", overdue.ToString(culture)),
        ];
    }
}
