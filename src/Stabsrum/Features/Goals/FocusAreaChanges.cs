using Microsoft.EntityFrameworkCore;
using Stabsrum.Infrastructure.Database;
using Stabsrum.Infrastructure.Problems;

namespace Stabsrum.Features.Goals;

/// <summary>What became of a delete: nothing to delete, deleted, or refused with a message saying what to do first.</summary>
public sealed record DeleteOutcome(bool Found, string? Refusal)
{
    public static readonly DeleteOutcome NotFound = new(false, null);

    public static readonly DeleteOutcome Deleted = new(true, null);

    public static DeleteOutcome Refused(string message) => new(true, message);
}

/// <summary>
/// Renaming, moving and deleting focus areas. A focus area that still has goals or sub-areas is not deleted: the
/// goals would silently lose their place in the plan's structure and in the reports. The user moves them first.
/// </summary>
public sealed class FocusAreaChanges(StabsrumDbContext db)
{
    public async Task<ValidationErrors?> UpdateAsync(Guid id, FocusAreaInput input, CancellationToken ct)
    {
        var area = await db.FocusAreas.SingleOrDefaultAsync(f => f.Id == id, ct);
        if (area is null)
        {
            return null;
        }

        var errors = new ValidationErrors().Required("name", input.Name, "Navn");
        if (input.ParentId is { } parentId)
        {
            var areas = await db.FocusAreas.AsNoTracking().Where(f => f.PlanId == area.PlanId).ToDictionaryAsync(f => f.Id, f => f.ParentId, ct);
            if (!areas.ContainsKey(parentId))
            {
                errors.Add("parentId", "Det overordnede fokusområde findes ikke i planen.");
            }
            else if (IsSelfOrBelow(parentId, id, areas))
            {
                errors.Add("parentId", "Et fokusområde kan ikke placeres under sig selv eller et af sine underområder.");
            }
        }

        if (errors.Any)
        {
            return errors;
        }

        if (area.ParentId != input.ParentId)
        {
            area.SortOrder = (await db.FocusAreas.Where(f => f.PlanId == area.PlanId && f.ParentId == input.ParentId).Select(f => (int?)f.SortOrder).MaxAsync(ct) ?? 0) + 1;
            area.ParentId = input.ParentId;
        }

        area.Name = input.Name!.Trim();
        await db.SaveChangesAsync(ct);
        return errors;
    }

    private static bool IsSelfOrBelow(Guid candidate, Guid area, Dictionary<Guid, Guid?> parents)
    {
        for (Guid? at = candidate; at is { } current; at = parents.GetValueOrDefault(current))
        {
            if (current == area)
            {
                return true;
            }
        }

        return false;
    }

    public async Task<DeleteOutcome> DeleteAsync(Guid id, CancellationToken ct)
    {
        var area = await db.FocusAreas.SingleOrDefaultAsync(f => f.Id == id, ct);
        if (area is null)
        {
            return DeleteOutcome.NotFound;
        }

        var goals = await db.Goals.Where(g => g.FocusAreaId == id).OrderBy(g => g.Number).Select(g => g.Number).ToListAsync(ct);
        if (goals.Count > 0)
        {
            var numbers = string.Join(", ", goals.Take(10)) + (goals.Count > 10 ? " …" : "");
            return DeleteOutcome.Refused($"Fokusområdet »{area.Name}« har {goals.Count} mål (nr. {numbers}). Flyt målene til et andet fokusområde, før fokusområdet slettes.");
        }

        var children = await db.FocusAreas.CountAsync(f => f.ParentId == id, ct);
        if (children > 0)
        {
            return DeleteOutcome.Refused($"Fokusområdet »{area.Name}« har {children} underområde{(children == 1 ? "" : "r")}. Flyt eller slet dem først.");
        }

        // Tracked, not ExecuteDelete, so the removal reaches the audit trail.
        db.FocusAreas.Remove(area);
        await db.SaveChangesAsync(ct);
        return DeleteOutcome.Deleted;
    }
}
