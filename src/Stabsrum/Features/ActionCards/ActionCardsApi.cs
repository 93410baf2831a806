using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Stabsrum.Infrastructure.Database;
using Stabsrum.Infrastructure.Problems;
using Stabsrum.Infrastructure.Security;
using Stabsrum.Infrastructure.Web;

namespace Stabsrum.Features.ActionCards;

public sealed record ActionCardStepDto(int Position, string Text, string ResponsibleRole, Guid? PlanId, string? Partner);

public sealed record ActionCardVersionDto(
    Guid Id, int Number, ActionCardStatus Status, string Title, string RoleOrSituation, string Trigger,
    DateTimeOffset CreatedAt, string CreatedBy, DateTimeOffset? PublishedAt, string? PublishedBy, IReadOnlyList<ActionCardStepDto> Steps);

public sealed record ActionCardDto(Guid Id, string Title, int? CurrentPublishedVersion, int? DraftVersion, IReadOnlyList<ActionCardVersionDto> Versions);

/// <summary>
/// Using an action card in an incident: <see cref="InstantiateAsync"/> gives the tasks of one published version.
/// The incident feature calls this and turns each <see cref="ActionCardTaskSpec"/> into a task.
/// </summary>
public static class ActionCardInstantiation
{
    /// <summary>
    /// The task specs of version <paramref name="versionNumber"/> (or, when null, the current published version) of
    /// a card of the current organisation; null when the card or a published version by that number does not exist.
    /// </summary>
    public static async Task<IReadOnlyList<ActionCardTaskSpec>?> InstantiateAsync(StabsrumDbContext db, Guid cardId, int? versionNumber, CancellationToken ct)
    {
        var versions = db.ActionCardVersions.AsNoTracking().Include(v => v.Steps)
            .Where(v => v.ActionCardId == cardId && v.Status == ActionCardStatus.Published);
        var version = versionNumber is { } n
            ? await versions.SingleOrDefaultAsync(v => v.Number == n, ct)
            : await versions.OrderByDescending(v => v.Number).FirstOrDefaultAsync(ct);
        return version?.Instantiate();
    }
}

public static class ActionCardsApi
{
    public static void MapActionCardsApi(this IEndpointRouteBuilder app)
    {
        var cards = app.MapApiGroup("/action-cards", "Actionkort");
        cards.MapGet("/", List).RequireAuthorization(Policies.Read);
        cards.MapGet("/{id:guid}", Get).RequireAuthorization(Policies.Read);
        cards.MapGet("/{id:guid}/versions/{number:int}/tasks", Tasks).RequireAuthorization(Policies.Read);
        cards.MapPost("/", Create).RequireAuthorization(Policies.MaintainRegistry);
        cards.MapPut("/{id:guid}/draft", SaveDraft).RequireAuthorization(Policies.MaintainRegistry);
        cards.MapDelete("/{id:guid}/draft", DiscardDraft).RequireAuthorization(Policies.MaintainRegistry);
        cards.MapPost("/{id:guid}/publish", Publish).RequireAuthorization(Policies.MaintainRegistry);
    }

    private static async Task<Ok<List<ActionCardDto>>> List(StabsrumDbContext db, CancellationToken ct)
    {
        var cards = await db.ActionCards.AsNoTracking().Include(c => c.Versions).ThenInclude(v => v.Steps).AsSplitQuery().OrderBy(c => c.Title).ToListAsync(ct);
        return TypedResults.Ok(cards.Select(ToDto).ToList());
    }

    private static async Task<Results<Ok<ActionCardDto>, NotFound>> Get(Guid id, ActionCardChanges changes, CancellationToken ct) =>
        await changes.LoadAsync(id, ct) is { } card ? TypedResults.Ok(ToDto(card)) : TypedResults.NotFound();

    private static async Task<Results<Ok<IReadOnlyList<ActionCardTaskSpec>>, NotFound>> Tasks(Guid id, int number, StabsrumDbContext db, CancellationToken ct) =>
        await ActionCardInstantiation.InstantiateAsync(db, id, number, ct) is { } tasks ? TypedResults.Ok(tasks) : TypedResults.NotFound();

    private static async Task<Results<Created<ActionCardDto>, Ok<ActionCardDto>, ValidationProblem>> Create(ActionCardInput input, ActionCardChanges changes, CancellationToken ct)
    {
        var (card, outcome, errors) = await changes.CreateAsync(input, ct);
        return outcome switch
        {
            CardOutcome.Saved => TypedResults.Created($"/api/v1/action-cards/{card!.Id}", ToDto(card)),
            CardOutcome.AlreadyExists => TypedResults.Ok(ToDto(card!)),
            _ => errors.Problem(),
        };
    }

    private static async Task<Results<Ok<ActionCardDto>, NotFound, ValidationProblem>> SaveDraft(Guid id, ActionCardInput input, ActionCardChanges changes, CancellationToken ct)
    {
        var (_, outcome, errors) = await changes.SaveDraftAsync(id, input, ct);
        return outcome switch
        {
            CardOutcome.NotFound => TypedResults.NotFound(),
            CardOutcome.Invalid => errors.Problem(),
            _ => TypedResults.Ok(ToDto((await changes.LoadAsync(id, ct))!)),
        };
    }

    private static async Task<Results<Ok<ActionCardDto>, NotFound, Conflict<ProblemDetails>, ValidationProblem>> Publish(Guid id, PublishInput input, ActionCardChanges changes, CancellationToken ct)
    {
        var (_, outcome, errors) = await changes.PublishAsync(id, input, ct);
        return outcome switch
        {
            CardOutcome.NotFound => TypedResults.NotFound(),
            CardOutcome.Invalid => errors.Problem(),
            CardOutcome.Conflict => TypedResults.Conflict(new ProblemDetails { Status = 409, Detail = errors.ToDictionary().Values.SelectMany(v => v).First() }),
            _ => TypedResults.Ok(ToDto((await changes.LoadAsync(id, ct))!)),
        };
    }

    private static async Task<Results<NoContent, NotFound>> DiscardDraft(Guid id, ActionCardChanges changes, CancellationToken ct) =>
        await changes.DiscardDraftAsync(id, ct) == CardOutcome.Saved ? TypedResults.NoContent() : TypedResults.NotFound();

    public static ActionCardDto ToDto(ActionCard c) => new(
        c.Id, c.Title, c.CurrentPublished?.Number, c.Draft?.Number,
        c.Versions.OrderByDescending(v => v.Number).Select(ToDto).ToList());

    public static ActionCardVersionDto ToDto(ActionCardVersion v) => new(
        v.Id, v.Number, v.Status, v.Title, v.RoleOrSituation, v.Trigger, v.CreatedAt, v.CreatedBy, v.PublishedAt, v.PublishedBy,
        v.Steps.OrderBy(s => s.Position).Select(s => new ActionCardStepDto(s.Position, s.Text, s.ResponsibleRole, s.PlanId, s.Partner)).ToList());
}
