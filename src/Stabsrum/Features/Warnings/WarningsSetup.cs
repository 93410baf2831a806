using Stabsrum.Infrastructure.Tenancy;
using Stabsrum.Infrastructure.Web;

namespace Stabsrum.Features.Warnings;

/// <summary>Everything the warnings feature registers; Program.cs calls AddWarnings and MapWarningsApi.</summary>
public static class WarningsSetup
{
    public static WebApplicationBuilder AddWarnings(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddScoped<WarningIntake>();
        services.AddScoped<WarningTriage>();
        services.AddScoped<WarningConfigurationChanges>();
        services.AddScoped<IWarningNotifier, OutboxWarningNotifier>();
        services.AddSectionLink(new SectionLink(Sections.Incidents, "Varsler", "/haendelser/varsler", "Modtagne varsler (CAP, MeteoAlarm og manuelle), relevans for jeres områder og behandling.", Permission.Read, 20));
        services.AddOverviewPanel(new OverviewPanel(nameof(WarningsPanel), 10));
        return builder;
    }
}
