using Stabsrum.Features.ActionCards;
using Stabsrum.Features.AnnualWheel;
using Stabsrum.Features.Preparedness;
using Stabsrum.Features.Templates;
using Stabsrum.Infrastructure.Demo;
using Stabsrum.Infrastructure.Email;
using Stabsrum.Infrastructure.Tenancy;
using Stabsrum.Infrastructure.Web;

namespace Stabsrum.Features.Plans;

/// <summary>
/// The planning half of the preparedness registry: plans register, årshjul with calendar feed and reminders,
/// templates and action cards. One entry point each for Program.cs.
/// </summary>
public static class PlanningSetup
{
    public static WebApplicationBuilder AddPlanning(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddScoped<PlanChanges>();
        services.AddScoped<PlanDocuments>();
        services.AddScoped<ObligationChanges>();
        services.AddScoped<CalendarFeedService>();

        services.AddTemplates();
        services.AddActionCards();

        services.AddEmail(builder.Configuration);
        services.Configure<ReminderOptions>(builder.Configuration.GetSection(ReminderOptions.Section));
        services.AddSingleton<ReminderJob>();
        services.AddHostedService(sp => sp.GetRequiredService<ReminderJob>());

        services.AddSingleton<IDemoDataContributor, PlanningDemoData>();
        services.AddOverviewPanel(new OverviewPanel("PlanDuties", 30));
        services.AddScoped<IBeredskabsmappeSection, PlansMappeSection>();
        services.AddScoped<IBeredskabsmappeSection, ActionCardsMappeSection>();

        services.AddSectionLink(new SectionLink(Sections.Preparedness, "Planregister", "/beredskab/planer",
            "Beredskabsplanen og delplanerne (bilag C) med godkendelse, dokumentversioner og frister for revision og øvelse.", Permission.Read, 60));
        services.AddSectionLink(new SectionLink(Sections.Preparedness, "Årshjul", "/beredskab/aarshjul",
            "Revisioner, øvelser, introduktion af nye ledere og halvårlig status – med påmindelser og kalenderabonnement.", Permission.Read, 65));
        return builder;
    }

    public static void MapPlanning(this WebApplication app)
    {
        app.MapPlansApi();
        app.MapAnnualWheelApi();
        app.MapCalendarFeed();
        app.MapTemplatesApi();
        app.MapActionCardsApi();
    }
}
