namespace Stabsrum.Features.Tasks;

public static class TasksSetup
{
    public static WebApplicationBuilder AddTasks(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddScoped<ITaskIntake, TaskIntake>();
        services.AddScoped<TaskChanges>();
        return builder;
    }

    public static WebApplication MapTasks(this WebApplication app)
    {
        return app;
    }
}
