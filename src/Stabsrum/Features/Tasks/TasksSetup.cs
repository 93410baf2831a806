using Stabsrum.Features.CaseFile;
using Stabsrum.Features.CrisisLog;
using Stabsrum.Features.ResourceRequests;
using Stabsrum.Infrastructure.Demo;
using Stabsrum.Infrastructure.Tenancy;
using Stabsrum.Infrastructure.Web;

namespace Stabsrum.Features.Tasks;

public static class TasksSetup
{
    public static WebApplicationBuilder AddTasks(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddScoped<ITaskIntake, TaskIntake>();
        services.AddScoped<TaskChanges>();
        services.AddScoped<ActionCardActivations>();
        services.AddScoped<ResourceRequestChanges>();
        services.AddSingleton<ICaseFileSection, CaseFileTasks>();
        services.AddSingleton<ICaseFileSection, CaseFileResourceRequests>();
        services.AddSingleton<IStatusReportFigures, TaskStatusFigures>();
        services.AddSingleton<IDemoDataContributor, TasksDemoData>();
        services.AddIncidentLink(new IncidentLink("Opgaver", "/opgaver", Permission.Read, 30));
        services.AddIncidentLink(new IncidentLink("Anmodninger", "/anmodninger", Permission.Read, 35));
        services.AddLogEntryLink(new LogEntryLink("Opret opgave", nameof(LogEntryKind.Beslutning), "/opgaver?beslutning={0}#ny-opgave"));
        services.AddSectionLink(new SectionLink(Sections.Incidents, "Mine opgaver", "/haendelser/mine-opgaver",
            "Åbne opgaver og ordrer, du står som ansvarlig for – personligt, som nøgleperson eller gennem din rolle i krisestaben.", Permission.Read, 15));
        return builder;
    }

    public static WebApplication MapTasks(this WebApplication app)
    {
        app.MapTasksApi();
        app.MapResourceRequestsApi();
        return app;
    }
}
