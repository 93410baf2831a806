using Microsoft.EntityFrameworkCore;
using Stabsrum.Infrastructure.Database;
using Stabsrum.Infrastructure.Problems;
using Stabsrum.Infrastructure.Tenancy;

namespace Stabsrum.Features.ActionCards;

public sealed record StepInput(string? Text, string? ResponsibleRole, Guid? PlanId, string? Partner);

public sealed record ActionCardInput(Guid? Id, string? Title, string? RoleOrSituation, string? Trigger, List<StepInput>? Steps);

public sealed record PublishInput(int? Version);

public enum CardOutcome
{
    Saved,
    AlreadyExists,
    Invalid,
    NotFound,
    Conflict,
}

/// <summary>
/// Writes to action cards. Only a draft is ever changed; a published version stays as it was published, and
/// editing a card whose newest version is published starts a new draft version.
/// </summary>
public sealed class ActionCardChanges(StabsrumDbContext db, CurrentOrganisation current, TimeProvider time)
{
    public const int MaxSteps = 100;

    public async Task<(ActionCard? Card, CardOutcome Outcome, ValidationErrors Errors)> CreateAsync(ActionCardInput input, CancellationToken ct)
    {
        if (input.Id is { } id && await LoadAsync(id, ct) is { } existing)
        {
            return (existing, CardOutcome.AlreadyExists, new ValidationErrors());
        }

        var errors = await ValidateAsync(input, ct);
        if (input.Id is { } taken && await db.ActionCards.IgnoreQueryFilters().AnyAsync(c => c.Id == taken, ct))
        {
            errors.Add("id", "Id'et er allerede brugt.");
        }

        if (errors.Any)
        {
            return (null, CardOutcome.Invalid, errors);
        }

        var now = time.GetUtcNow();
        var card = new ActionCard { Title = input.Title!.Trim(), OrganisationId = current.RequireOrganisationId(), CreatedAt = now, UpdatedAt = now };
        if (input.Id is { } clientId && clientId != Guid.Empty)
        {
            card.Id = clientId;
        }

        var draft = NewVersion(card, 1, now);
        Apply(draft, input);
        card.Versions.Add(draft);
        db.ActionCards.Add(card);
        await db.SaveChangesAsync(ct);
        return (card, CardOutcome.Saved, errors);
    }

    /// <summary>Saves the card's draft, starting a new draft version if the newest one is published.</summary>
    public async Task<(ActionCardVersion? Draft, CardOutcome Outcome, ValidationErrors Errors)> SaveDraftAsync(Guid cardId, ActionCardInput input, CancellationToken ct)
    {
        var card = await LoadAsync(cardId, ct, tracked: true);
        if (card is null)
        {
            return (null, CardOutcome.NotFound, new ValidationErrors());
        }

        var errors = await ValidateAsync(input, ct);
        if (errors.Any)
        {
            return (null, CardOutcome.Invalid, errors);
        }

        var now = time.GetUtcNow();
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var draft = card.Draft;
        if (draft is null)
        {
            draft = NewVersion(card, card.Versions.Max(v => v.Number) + 1, now);
            Apply(draft, input);
            db.ActionCardVersions.Add(draft); // with its steps; client-made ids need an explicit Add
        }
        else
        {
            // Old steps go first, so the new ones can take their positions (unique per version).
            db.RemoveRange(draft.Steps);
            draft.Steps.Clear();
            await db.SaveChangesAsync(ct);
            Apply(draft, input);
            db.AddRange(draft.Steps);
        }

        card.UpdatedAt = now;
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        return (draft, CardOutcome.Saved, errors);
    }

    public async Task<(ActionCardVersion? Version, CardOutcome Outcome, ValidationErrors Errors)> PublishAsync(Guid cardId, PublishInput input, CancellationToken ct)
    {
        var card = await LoadAsync(cardId, ct, tracked: true);
        if (card is null)
        {
            return (null, CardOutcome.NotFound, new ValidationErrors());
        }

        var errors = new ValidationErrors();
        if (input.Version is not { } number)
        {
            return (null, CardOutcome.Invalid, errors.Add("version", "Angiv nummeret på den kladde, der skal udgives."));
        }

        var version = card.Versions.SingleOrDefault(v => v.Number == number);
        if (version is null)
        {
            return (null, CardOutcome.Invalid, errors.Add("version", $"Actionkortet har ingen version {number}."));
        }

        if (version.Status == ActionCardStatus.Published)
        {
            return (version, CardOutcome.Conflict, errors.Add("version", $"Version {number} er allerede udgivet og kan ikke ændres."));
        }

        if (version.Steps.Count == 0)
        {
            return (null, CardOutcome.Invalid, errors.Add("steps", "Et actionkort skal have mindst ét trin, før det udgives."));
        }

        var now = time.GetUtcNow();
        version.Status = ActionCardStatus.Published;
        version.PublishedAt = now;
        version.PublishedBy = current.UserName ?? "system";
        card.Title = version.Title;
        card.UpdatedAt = now;
        await db.SaveChangesAsync(ct);
        return (version, CardOutcome.Saved, errors);
    }

    public async Task<CardOutcome> DiscardDraftAsync(Guid cardId, CancellationToken ct)
    {
        var card = await LoadAsync(cardId, ct, tracked: true);
        if (card?.Draft is not { } draft)
        {
            return CardOutcome.NotFound;
        }

        if (card.Versions.Count == 1)
        {
            db.ActionCards.Remove(card); // a card that was never published goes with its only draft
        }
        else
        {
            db.ActionCardVersions.Remove(draft);
        }

        await db.SaveChangesAsync(ct);
        return CardOutcome.Saved;
    }

    public Task<ActionCard?> LoadAsync(Guid id, CancellationToken ct, bool tracked = false)
    {
        var query = db.ActionCards.Include(c => c.Versions).ThenInclude(v => v.Steps).AsSplitQuery();
        return (tracked ? query : query.AsNoTracking()).SingleOrDefaultAsync(c => c.Id == id, ct);
    }

    private ActionCardVersion NewVersion(ActionCard card, int number, DateTimeOffset now) => new()
    {
        OrganisationId = card.OrganisationId,
        ActionCardId = card.Id,
        Number = number,
        Status = ActionCardStatus.Draft,
        Title = "",
        CreatedAt = now,
        CreatedBy = current.UserName ?? "system",
    };

    private static void Apply(ActionCardVersion version, ActionCardInput input)
    {
        version.Title = input.Title!.Trim();
        version.RoleOrSituation = input.RoleOrSituation?.Trim() ?? "";
        version.Trigger = input.Trigger?.Trim() ?? "";
        var position = 1;
        foreach (var step in Steps(input))
        {
            version.Steps.Add(new ActionCardStep
            {
                OrganisationId = version.OrganisationId,
                VersionId = version.Id,
                Position = position++,
                Text = step.Text!.Trim(),
                ResponsibleRole = step.ResponsibleRole?.Trim() ?? "",
                PlanId = step.PlanId,
                Partner = string.IsNullOrWhiteSpace(step.Partner) ? null : step.Partner.Trim(),
            });
        }
    }

    /// <summary>The steps that say something: blank rows (from the form's spare rows) are dropped.</summary>
    private static IEnumerable<StepInput> Steps(ActionCardInput input) =>
        (input.Steps ?? []).Where(s => s is not null && !(string.IsNullOrWhiteSpace(s.Text) && string.IsNullOrWhiteSpace(s.ResponsibleRole) && s.PlanId is null && string.IsNullOrWhiteSpace(s.Partner)));

    private async Task<ValidationErrors> ValidateAsync(ActionCardInput input, CancellationToken ct)
    {
        var errors = new ValidationErrors()
            .Required(nameof(ActionCardInput.Title), input.Title, "Titel")
            .Optional(nameof(ActionCardInput.RoleOrSituation), input.RoleOrSituation, "Rolle eller situation", 200)
            .Optional(nameof(ActionCardInput.Trigger), input.Trigger, "Udløser", 2000);
        var steps = Steps(input).ToList();
        if (steps.Count > MaxSteps)
        {
            errors.Add(nameof(ActionCardInput.Steps), $"Højst {MaxSteps} trin.");
        }

        var planIds = steps.Where(s => s.PlanId is not null).Select(s => s.PlanId!.Value).Distinct().ToList();
        var knownPlans = planIds.Count == 0 ? [] : await db.Set<Plans.Plan>().Where(p => planIds.Contains(p.Id)).Select(p => p.Id).ToListAsync(ct);
        for (var i = 0; i < steps.Count; i++)
        {
            var step = steps[i];
            errors.Required($"steps[{i}].text", step.Text, $"Trin {i + 1}: teksten", 1000)
                .Optional($"steps[{i}].responsibleRole", step.ResponsibleRole, $"Trin {i + 1}: ansvarlig rolle", 200)
                .Optional($"steps[{i}].partner", step.Partner, $"Trin {i + 1}: samarbejdspartner", 200);
            if (step.PlanId is { } plan && !knownPlans.Contains(plan))
            {
                errors.Add($"steps[{i}].planId", $"Trin {i + 1}: planen findes ikke i planregistret.");
            }
        }

        return errors;
    }
}
