using Stabsrum.Features.CaseFile;
using Stabsrum.Infrastructure.Demo;
using Stabsrum.Infrastructure.Tenancy;
using Stabsrum.Infrastructure.Web;

namespace Stabsrum.Features.Meetings;

/// <summary>Meetings that decide: bodies, agendas, meeting mode, minutes. Registration and routes.</summary>
public static class MeetingsSetup
{
    public static WebApplicationBuilder AddMeetings(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddScoped<BodyChanges>();
        services.AddScoped<AgendaChanges>();
        services.AddScoped<MeetingModeChanges>();
        services.AddScoped<MinutesChanges>();
        services.AddScoped<MeetingDocuments>();
        services.AddScoped<MeetingQueries>();
        services.AddScoped<MeetingCirculation>();
        services.AddSingleton<ICaseFileSection, MinutesCaseFileSection>();
        services.AddSingleton<IDemoDataContributor, MeetingsDemoData>();
        services.AddSectionLink(new SectionLink(Sections.Meetings, "Møder og referater", "/moeder/liste",
            "Dagsordener med tillæg, mødet med beslutninger og \"hvem gør hvad\", referater til godkendelse og udsendelse.", Permission.Read, 10));
        services.AddSectionLink(new SectionLink(Sections.Meetings, "Organer", "/moeder/organer",
            "Krisestab, direktion og andre organer: medlemmer, mødeleder, dagsordenansvarlig, godkendere og fordelingsliste.", Permission.Read, 20));
        return builder;
    }

    public static void MapMeetings(this IEndpointRouteBuilder app) => app.MapMeetingsApi();
}
