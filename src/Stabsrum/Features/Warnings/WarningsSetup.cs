using Stabsrum.Features.Warnings.Feeds;
using Stabsrum.Infrastructure.Demo;
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
        services.Configure<WarningNotificationOptions>(builder.Configuration.GetSection(WarningNotificationOptions.Section));
        services.AddSingleton<WarningNotificationSender>();
        services.AddHostedService(sp => sp.GetRequiredService<WarningNotificationSender>());
        services.AddSingleton<IDemoDataContributor, WarningDemoData>();
        services.AddSectionLink(new SectionLink(Sections.Incidents, "Varsler", "/haendelser/varsler", "Modtagne varsler (CAP, MeteoAlarm og manuelle), relevans for jeres områder og behandling.", Permission.Read, 20));
        services.Configure<WarningFeedOptions>(builder.Configuration.GetSection(WarningFeedOptions.Section));
        services.AddScoped<WarningFeedPoller>();
        services.AddSingleton<WarningFeedPolling>();
        services.AddHostedService(sp => sp.GetRequiredService<WarningFeedPolling>());

        // Timeouts are ours (on the injected clock), so HttpClient's own is off; few redirects; identify ourselves.
        services.AddHttpClient(WarningFeedPoller.HttpClientName, c =>
        {
            c.Timeout = Timeout.InfiniteTimeSpan;
            c.DefaultRequestHeaders.UserAgent.ParseAdd("Stabsrum-varsler/1.0");
            c.DefaultRequestHeaders.Accept.ParseAdd("application/atom+xml, application/cap+xml, application/xml;q=0.9, */*;q=0.5");
        }).ConfigurePrimaryHttpMessageHandler(() => new SocketsHttpHandler { AllowAutoRedirect = true, MaxAutomaticRedirections = 5, AutomaticDecompression = System.Net.DecompressionMethods.All });
        services.AddOverviewPanel(new OverviewPanel(nameof(WarningsPanel), 10));
        return builder;
    }
}
