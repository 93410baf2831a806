using Microsoft.AspNetCore.Mvc.RazorPages;
using Stabsrum.Infrastructure.Tenancy;
using Stabsrum.Infrastructure.Web;

namespace Stabsrum.Features.CallOut;

/// <summary>Call-out (alarmering): registration and routes.</summary>
public static class CallOutSetup
{
    public static WebApplicationBuilder AddCallOut(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddOptions<CallOutOptions>().Bind(builder.Configuration.GetSection(CallOutOptions.Section))
            .Validate(o => o.LargeCallOutThreshold >= 1 && o.IntervalSeconds >= 1 && o.MaxTries >= 1 && o.SendParallelism is >= 1 and <= 256, "CallOut: tærskel, interval, forsøg og parallelitet skal være positive.")
            .ValidateOnStart();
        services.AddOptions<SmsGatewayOptions>().Bind(builder.Configuration.GetSection(SmsGatewayOptions.Section))
            .Validate(o => string.IsNullOrWhiteSpace(o.Url) || Uri.TryCreate(o.Url, UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https", "CallOut:Sms:Url skal være en http(s)-adresse.")
            .ValidateOnStart();
        services.AddHttpClient<ISmsGateway, HttpSmsGateway>(HttpSmsGateway.ClientName);
        services.AddSingleton<FakeSmsInbox>();
        services.AddSingleton<AnswerLinks>();
        services.AddSingleton<CallOutSignal>();
        services.AddSingleton<CallOutSender>();
        services.AddScoped<CallOutComposer>();
        services.AddScoped<CallOutEngine>();
        services.AddScoped<CallOutBoard>();
        services.AddScoped<CallOutSettingsChanges>();
        services.AddScoped<CallOutAnswerRecorder>();
        services.AddSingleton<AnswerQueue>();
        services.AddScoped<ExerciseOptIns>();
        services.AddSingleton<CallOutJob>();
        services.AddSingleton<Infrastructure.Demo.IDemoDataContributor, CallOutDemoData>();
        services.AddHostedService(sp => sp.GetRequiredService<CallOutJob>());

        services.Configure<RazorPagesOptions>(o => o.Conventions.AddPageRoute("/CallOut/Pages/Details", "beredskab/proevealarm/{callOutId:guid}"));
        services.AddIncidentLink(new IncidentLink("Alarmering", "/alarmering", Permission.Read, 10));
        services.AddSectionLink(new SectionLink(Sections.Preparedness, "Indstillinger for alarmering", "/beredskab/alarmering/indstillinger", "Mål for fuldt etableret stab og nøglen til SMS-gatewayens svar og kvitteringer.", Permission.Administer, 90));
        services.AddSectionLink(new SectionLink(Sections.Preparedness, "Prøvealarm", "/beredskab/proevealarm", "Test om nøglepersonerne kan nås – uden hændelse. Svar opdaterer 'kontaktoplysninger bekræftet'. Tilmelding til øvelsesalarmeringer.", Permission.Read, 25));
        services.AddOverviewPanel(new OverviewPanel(nameof(MyCallOutsPanel), 5));
        return builder;
    }

    public static void MapCallOut(this WebApplication app)
    {
        app.MapCallOutApi();
        app.MapFakeSmsGateway(app.Environment);
    }
}
