using Stabsrum.Features.AnnualWheel;
using Stabsrum.Features.Goals.CostKeys;
using Stabsrum.Features.Goals.KeyFigures;
using Stabsrum.Infrastructure.Demo;
using Stabsrum.Infrastructure.Tenancy;
using Stabsrum.Infrastructure.Web;

namespace Stabsrum.Features.Goals;

public static class GoalsSetup
{
    public static WebApplicationBuilder AddGoals(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddScoped<GoalChanges>();
        services.AddScoped<GoalQueries>();
        services.AddScoped<KeyFigureChanges>();
        services.AddScoped<GoalDetailsChanges>();
        services.AddScoped<FocusAreaChanges>();
        services.AddScoped<CostKeyChanges>();
        services.AddSingleton<IDemoDataContributor, GoalsDemoData>();
        services.AddAnnualWheelSource<ReportingDeadlinesSource>();
        services.AddOverviewPanel(new OverviewPanel("GoalsPanel", 40));
        services.AddSectionLink(new SectionLink(Sections.Goals, "Handlingsplaner og resultatkontrakter", "/maal/planer",
            "HP-mål, initiativer og statustrin, nøgletal, gevinstoverblik og rapporter til medarbejdere, ledere, bestyrelse og ejerkommuner.", Permission.Read, 10));
        services.AddSectionLink(new SectionLink(Sections.Goals, "Fordelingsnøgler", "/maal/fordelingsnoegler",
            "Fordel et beløb mellem ejerkommunerne efter indbyggertal, faste andele eller ligeligt – afrundet, så delene summerer præcist.", Permission.Read, 20));
        return builder;
    }
}

/// <summary>Page handlers that change data call this first: the pages themselves are readable by every member.</summary>
public static class GoalPermissions
{
    public static bool CanMaintain(this CurrentOrganisation current) => current.Can(Permission.MaintainRegistry);
}
