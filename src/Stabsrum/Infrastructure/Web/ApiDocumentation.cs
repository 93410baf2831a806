namespace Stabsrum.Infrastructure.Web;

public static class ApiDocumentation
{
    public static WebApplicationBuilder AddApiDocumentation(this WebApplicationBuilder builder)
    {
        builder.Services.AddOpenApi("v1", o => o.AddDocumentTransformer((document, _, _) =>
        {
            document.Info.Title = "Stabsrum API";
            document.Info.Description = "Stabsrum's REST API. Authenticate with a personal access token: Authorization: Bearer stb_…. Errors are RFC 9457 ProblemDetails in Danish.";
            return Task.CompletedTask;
        }));
        return builder;
    }

    /// <summary>The OpenAPI document describes the API's shape, not data, so it is public.</summary>
    public static void MapApiDocumentation(this WebApplication app) =>
        app.MapOpenApi("/openapi/{documentName}.json").AllowAnonymous();

    /// <summary>The versioned API root every feature hangs its route group on.</summary>
    public static RouteGroupBuilder MapApiGroup(this IEndpointRouteBuilder app, string prefix, string tag) =>
        app.MapGroup("/api/v1" + prefix).WithTags(tag);
}
