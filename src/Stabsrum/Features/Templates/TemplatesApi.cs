using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Stabsrum.Infrastructure.Database;
using Stabsrum.Infrastructure.Security;
using Stabsrum.Infrastructure.Web;

namespace Stabsrum.Features.Templates;

public sealed record TemplateDto(Guid Id, string Name, TemplateKind Kind, string KindName, string Body, IReadOnlyList<string> Placeholders, DateTimeOffset UpdatedAt);

public static class TemplatesApi
{
    public static void MapTemplatesApi(this IEndpointRouteBuilder app)
    {
        var templates = app.MapApiGroup("/templates", "Skabeloner");
        templates.MapGet("/", List).RequireAuthorization(Policies.Read);
        templates.MapGet("/{id:guid}", Get).RequireAuthorization(Policies.Read);
        templates.MapPost("/", Create).RequireAuthorization(Policies.MaintainRegistry);
        templates.MapPut("/{id:guid}", Update).RequireAuthorization(Policies.MaintainRegistry);
        templates.MapDelete("/{id:guid}", Delete).RequireAuthorization(Policies.MaintainRegistry);
        // Rendering changes nothing, so reading is enough; POST because the values travel in the body.
        templates.MapPost("/{id:guid}/render", Render).RequireAuthorization(Policies.Read);
    }

    private static async Task<Ok<List<TemplateDto>>> List(StabsrumDbContext db, CancellationToken ct) =>
        TypedResults.Ok((await db.DocumentTemplates.AsNoTracking().OrderBy(t => t.Kind).ThenBy(t => t.Name).ToListAsync(ct)).Select(ToDto).ToList());

    private static async Task<Results<Ok<TemplateDto>, NotFound>> Get(Guid id, StabsrumDbContext db, CancellationToken ct) =>
        await db.DocumentTemplates.AsNoTracking().SingleOrDefaultAsync(t => t.Id == id, ct) is { } t ? TypedResults.Ok(ToDto(t)) : TypedResults.NotFound();

    private static async Task<Results<Created<TemplateDto>, Ok<TemplateDto>, ValidationProblem>> Create(TemplateInput input, TemplateChanges changes, CancellationToken ct)
    {
        var (template, created, errors) = await changes.CreateAsync(input, ct);
        return template is null ? errors.Problem()
            : created ? TypedResults.Created($"/api/v1/templates/{template.Id}", ToDto(template))
            : TypedResults.Ok(ToDto(template));
    }

    private static async Task<Results<Ok<TemplateDto>, NotFound, ValidationProblem>> Update(Guid id, TemplateInput input, TemplateChanges changes, CancellationToken ct)
    {
        var (template, errors) = await changes.UpdateAsync(id, input, ct);
        return template is not null ? TypedResults.Ok(ToDto(template)) : errors.Any ? errors.Problem() : TypedResults.NotFound();
    }

    private static async Task<Results<NoContent, NotFound>> Delete(Guid id, TemplateChanges changes, CancellationToken ct) =>
        await changes.DeleteAsync(id, ct) ? TypedResults.NoContent() : TypedResults.NotFound();

    /// <summary>Fills the template with the given values (missing standard ones from the organisation and today) and renders it.</summary>
    private static async Task<Results<Ok<RenderedTemplate>, NotFound>> Render(Guid id, RenderInput input, StabsrumDbContext db, TemplateChanges changes, CancellationToken ct)
    {
        var template = await db.DocumentTemplates.AsNoTracking().SingleOrDefaultAsync(t => t.Id == id, ct);
        if (template is null)
        {
            return TypedResults.NotFound();
        }

        var values = await changes.StandardValuesAsync(ct);
        foreach (var (key, value) in input.Values ?? [])
        {
            values[key] = value ?? "";
        }

        return TypedResults.Ok(TemplateRenderer.Render(template.Body, values));
    }

    private static TemplateDto ToDto(DocumentTemplate t) =>
        new(t.Id, t.Name, t.Kind, t.Kind.DanishName(), t.Body, TemplateRenderer.PlaceholdersIn(t.Body), t.UpdatedAt);
}
