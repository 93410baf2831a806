using Microsoft.EntityFrameworkCore;
using Stabsrum.Infrastructure.Database;
using Stabsrum.Infrastructure.Demo;
using Stabsrum.Infrastructure.Tenancy;
using Stabsrum.Infrastructure.Web;

namespace Stabsrum.Features.CrisisLog;

/// <summary>Incidents, preparedness levels, the crisis staff and the crisis log: registration and routes.</summary>
public static class CrisisLogSetup
{
    public static WebApplicationBuilder AddCrisisLog(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddScoped<CrisisLog>();
        services.AddSingleton<LogAppendQueue>();
        services.AddScoped<IncidentChanges>();
        services.AddScoped<StaffChanges>();
        services.AddScoped<LogAttachments>();
        services.AddScoped<Warnings.IWarningIncidentLink, WarningIncidentLink>();
        services.AddSingleton<IncidentEvents>();
        services.AddHostedService(sp => sp.GetRequiredService<IncidentEvents>());
        services.AddHostedService<PostgresIncidentListener>();
        services.AddSingleton<IncidentEventsInterceptor>();
        services.ConfigureDbContext<StabsrumDbContext>((sp, options) => options.AddInterceptors(sp.GetRequiredService<IncidentEventsInterceptor>()));
        services.AddSingleton<IDemoDataContributor, CrisisLogDemoData>();

        services.AddSectionLink(new SectionLink(Sections.Incidents, "Hændelser og kriselog", "/haendelser/liste", "Aktive og afsluttede hændelser og øvelser: niveau, krisestab og kriselog.", Permission.Read, 10));
        services.AddSectionLink(new SectionLink(Sections.Incidents, "Ny hændelse", "/haendelser/ny", "Opret en hændelse eller en øvelse.", Permission.OperateIncidents, 20));
        services.AddOverviewPanel(new OverviewPanel("ActiveIncidents", 10));
        return builder;
    }

    public static void MapCrisisLog(this IEndpointRouteBuilder app)
    {
        app.MapIncidentsApi();
        app.MapLogApi();
        app.MapStaffApi();
        app.MapIncidentEvents();
    }
}
