using Microsoft.EntityFrameworkCore;
using Stabsrum.Infrastructure.Database;
using Stabsrum.Infrastructure.Problems;
using Stabsrum.Infrastructure.Tenancy;
using Stabsrum.Infrastructure.Time;

namespace Stabsrum.Features.Goals;

/// <summary>
/// Every write to plans, goals and initiatives, shared by the API and the pages so both validate the same way.
/// Each method validates first and saves once, so a refused request leaves nothing behind.
/// </summary>
public sealed class GoalChanges(StabsrumDbContext db, CurrentOrganisation current, TimeProvider time)
{
    public string Actor => current.UserName ?? "ukendt";

    public DateOnly Today => DateOnly.FromDateTime(DanishTime.ToLocal(time.GetUtcNow()).DateTime);

    public async Task<(GoalPlan? Plan, ValidationErrors Errors)> CreatePlanAsync(PlanInput input, CancellationToken ct)
    {
        var errors = ValidatePlan(input);
        if (!errors.Any && await db.GoalPlans.AnyAsync(p => p.Name == input.Name!.Trim(), ct))
        {
            errors.Add("name", $"Der findes allerede en plan med navnet »{input.Name!.Trim()}«.");
        }

        if (errors.Any)
        {
            return (null, errors);
        }

        var end = input.Kind == GoalPlanKind.Kontraktaar ? input.StartYear!.Value : input.EndYear!.Value;
        var plan = new GoalPlan
        {
            Name = input.Name!.Trim(),
            Kind = input.Kind!.Value,
            StartYear = input.StartYear!.Value,
            EndYear = end,
            Description = Clean(input.Description),
            CreatedAt = time.GetUtcNow(),
        };
        db.GoalPlans.Add(plan);
        await db.SaveChangesAsync(ct);
        return (plan, errors);
    }

    private static ValidationErrors ValidatePlan(PlanInput input)
    {
        var errors = new ValidationErrors().Required("name", input.Name, "Navn").Optional("description", input.Description, "Beskrivelse", 4000);
        if (input.Kind is not { } kind || !Enum.IsDefined(kind))
        {
            errors.Add("kind", "Vælg om planen dækker en periode eller et kontraktår.");
        }

        if (input.StartYear is not (>= 2000 and <= 2100))
        {
            errors.Add("startYear", "Startår skal være et årstal mellem 2000 og 2100.");
        }

        if (input.Kind == GoalPlanKind.Periode && (input.EndYear is not { } end || end < input.StartYear || end > 2100))
        {
            errors.Add("endYear", "Slutår skal være et årstal, der ikke ligger før startåret.");
        }

        return errors;
    }

    public async Task<(FocusArea? Area, ValidationErrors Errors)> AddFocusAreaAsync(Guid planId, FocusAreaInput input, CancellationToken ct)
    {
        var errors = new ValidationErrors().Required("name", input.Name, "Navn");
        if (input.ParentId is { } parent && !await db.FocusAreas.AnyAsync(f => f.Id == parent && f.PlanId == planId, ct))
        {
            errors.Add("parentId", "Det overordnede fokusområde findes ikke i planen.");
        }

        if (errors.Any)
        {
            return (null, errors);
        }

        var siblings = await db.FocusAreas.Where(f => f.PlanId == planId && f.ParentId == input.ParentId).Select(f => (int?)f.SortOrder).MaxAsync(ct) ?? 0;
        var area = new FocusArea { PlanId = planId, ParentId = input.ParentId, Name = input.Name!.Trim(), SortOrder = siblings + 1 };
        db.FocusAreas.Add(area);
        await db.SaveChangesAsync(ct);
        return (area, errors);
    }

    public async Task<(Goal? Goal, ValidationErrors Errors)> AddGoalAsync(Guid planId, GoalInput input, CancellationToken ct)
    {
        var errors = await ValidateGoalAsync(planId, null, input, ct);
        if (errors.Any)
        {
            return (null, errors);
        }

        var number = input.Number ?? ((await db.Goals.Where(g => g.PlanId == planId).Select(g => (int?)g.Number).MaxAsync(ct) ?? 0) + 1);
        var goal = new Goal { PlanId = planId, Number = number, Title = input.Title!.Trim(), CreatedAt = time.GetUtcNow() };
        Apply(goal, input);
        db.Goals.Add(goal);
        await db.SaveChangesAsync(ct);
        return (goal, errors);
    }

    public async Task<ValidationErrors?> UpdateGoalAsync(Guid goalId, GoalInput input, CancellationToken ct)
    {
        var goal = await db.Goals.SingleOrDefaultAsync(g => g.Id == goalId, ct);
        if (goal is null)
        {
            return null;
        }

        var errors = await ValidateGoalAsync(goal.PlanId, goal.Id, input, ct);
        if (!errors.Any)
        {
            goal.Number = input.Number ?? goal.Number;
            goal.Title = input.Title!.Trim();
            Apply(goal, input);
            await db.SaveChangesAsync(ct);
        }

        return errors;
    }

    private static void Apply(Goal goal, GoalInput input)
    {
        goal.Description = Clean(input.Description);
        goal.Kind = input.Kind ?? GoalKind.Lokalt;
        goal.Owner = Clean(input.Owner);
        goal.Approach = Clean(input.Approach);
        goal.FocusAreaId = input.FocusAreaId;
    }

    private async Task<ValidationErrors> ValidateGoalAsync(Guid planId, Guid? goalId, GoalInput input, CancellationToken ct)
    {
        var errors = new ValidationErrors()
            .Required("title", input.Title, "Mål", 500)
            .Optional("description", input.Description, "Beskrivelse", 4000)
            .Optional("owner", input.Owner, "Ejer", 200)
            .Optional("approach", input.Approach, "Fremgangsmåde", 4000);
        if (input.Kind is { } kind && !Enum.IsDefined(kind))
        {
            errors.Add("kind", "Vælg nationalt eller lokalt fastsat.");
        }

        if (input.Number is { } number)
        {
            if (number is < 1 or > 9999)
            {
                errors.Add("number", "Nummeret skal være mellem 1 og 9999.");
            }
            else if (await db.Goals.AnyAsync(g => g.PlanId == planId && g.Number == number && g.Id != goalId, ct))
            {
                errors.Add("number", $"Planen har allerede et mål nr. {number}.");
            }
        }

        if (input.FocusAreaId is { } area && !await db.FocusAreas.AnyAsync(f => f.Id == area && f.PlanId == planId, ct))
        {
            errors.Add("focusAreaId", "Fokusområdet findes ikke i planen.");
        }

        return errors;
    }

    public async Task<(Initiative? Initiative, ValidationErrors Errors)> AddInitiativeAsync(Guid goalId, InitiativeInput input, CancellationToken ct)
    {
        var (schedule, errors) = ValidateInitiative(input);
        if (errors.Any)
        {
            return (null, errors);
        }

        // Numbers are handed out after the highest in use, so a deleted 29.2 is never silently reused for new work.
        var next = (await db.Initiatives.Where(i => i.GoalId == goalId).Select(i => (int?)i.Sequence).MaxAsync(ct) ?? 0) + 1;
        var now = time.GetUtcNow();
        var initiative = new Initiative
        {
            GoalId = goalId,
            Sequence = next,
            Text = input.Text!.Trim(),
            Responsible = Clean(input.Responsible),
            Description = Clean(input.Description),
            Schedule = schedule,
            CreatedAt = now,
        };
        db.Initiatives.Add(initiative);
        db.InitiativeStatusChanges.Add(new InitiativeStatusChange
        {
            InitiativeId = initiative.Id,
            ToStatus = initiative.Status,
            Comment = "Oprettet",
            ChangedAt = now,
            ChangedBy = Actor,
        });
        await db.SaveChangesAsync(ct);
        return (initiative, errors);
    }

    public async Task<ValidationErrors?> UpdateInitiativeAsync(Guid id, InitiativeInput input, CancellationToken ct)
    {
        var initiative = await db.Initiatives.SingleOrDefaultAsync(i => i.Id == id, ct);
        if (initiative is null)
        {
            return null;
        }

        var (schedule, errors) = ValidateInitiative(input);
        if (!errors.Any)
        {
            initiative.Text = input.Text!.Trim();
            initiative.Responsible = Clean(input.Responsible);
            initiative.Description = Clean(input.Description);
            initiative.Schedule = schedule;
            await db.SaveChangesAsync(ct);
        }

        return errors;
    }

    private static (Schedule Schedule, ValidationErrors Errors) ValidateInitiative(InitiativeInput input)
    {
        var errors = new ValidationErrors()
            .Required("text", input.Text, "Tekst", 500)
            .Optional("responsible", input.Responsible, "Ansvarlig", 200)
            .Optional("description", input.Description, "Beskrivelse", 4000);
        var schedule = Schedule.None;
        if (!string.IsNullOrWhiteSpace(input.Quarter))
        {
            if (!Schedule.TryParseQuarter(input.Quarter, out schedule))
            {
                errors.Add("quarter", $"Kvartalet »{input.Quarter}« kan ikke læses. Skriv fx Q2 2022.");
            }
            else if (input.ScheduleFrom is not null || input.ScheduleTo is not null)
            {
                errors.Add("quarter", "Angiv tidsplanen som enten et kvartal eller en periode, ikke begge.");
            }
        }
        else if (input.ScheduleFrom is { } from && input.ScheduleTo is { } to)
        {
            if (to < from)
            {
                errors.Add("scheduleTo", "Slutdatoen ligger før startdatoen.");
            }
            else
            {
                schedule = Schedule.Range(from, to);
            }
        }
        else if (input.ScheduleFrom is not null || input.ScheduleTo is not null)
        {
            errors.Add("scheduleTo", "En periode skal have både start- og slutdato.");
        }

        return (schedule, errors);
    }

    /// <summary>
    /// Changes the status and records who, when and why. Postponing or dropping needs a reason. A retry with
    /// the same client-made id is recognised and not recorded twice.
    /// </summary>
    public async Task<ValidationErrors?> ChangeStatusAsync(Guid initiativeId, StatusInput input, CancellationToken ct)
    {
        var initiative = await db.Initiatives.SingleOrDefaultAsync(i => i.Id == initiativeId, ct);
        if (initiative is null)
        {
            return null;
        }

        var errors = new ValidationErrors().Optional("comment", input.Comment, "Kommentar", 2000);
        if (input.Status is not { } status || !Enum.IsDefined(status))
        {
            errors.Add("status", "Vælg et statustrin.");
            return errors;
        }

        if (status.RequiresReason() && string.IsNullOrWhiteSpace(input.Comment))
        {
            errors.Add("comment", $"Angiv en begrundelse, når status sættes til »{status.Label()}« (fx at lovgivningen er ændret).");
        }

        if (input.Id is { } changeId && await db.InitiativeStatusChanges.AnyAsync(c => c.Id == changeId, ct))
        {
            return errors.Any ? errors : new ValidationErrors();
        }

        if (errors.Any)
        {
            return errors;
        }

        var now = time.GetUtcNow();
        db.InitiativeStatusChanges.Add(new InitiativeStatusChange
        {
            Id = input.Id ?? Guid.CreateVersion7(),
            InitiativeId = initiative.Id,
            FromStatus = initiative.Status,
            ToStatus = status,
            Comment = Clean(input.Comment),
            ChangedAt = now,
            ChangedBy = Actor,
        });
        if (status == InitiativeStatus.Implementeret && initiative.Status != status)
        {
            initiative.ImplementedAt = now;
        }
        else if (status != InitiativeStatus.Implementeret)
        {
            initiative.ImplementedAt = null;
        }

        initiative.Status = status;
        await db.SaveChangesAsync(ct);
        return errors;
    }

    public async Task<bool> DeleteInitiativeAsync(Guid id, CancellationToken ct)
    {
        var initiative = await db.Initiatives.SingleOrDefaultAsync(i => i.Id == id, ct);
        if (initiative is null)
        {
            return false;
        }

        // The history goes with it (cascade); the audit trail keeps the record of the deletion.
        db.Initiatives.Remove(initiative);
        await db.SaveChangesAsync(ct);
        return true;
    }

    /// <summary>
    /// Closes the gaps left by deleted initiatives (29.1, 29.3, 29.4 → 29.1, 29.2, 29.3), keeping their order.
    /// Two passes through negative numbers so the unique (goal, number) index never sees a duplicate midway.
    /// </summary>
    public async Task<bool> RenumberAsync(Guid goalId, CancellationToken ct)
    {
        if (!await db.Goals.AnyAsync(g => g.Id == goalId, ct))
        {
            return false;
        }

        var initiatives = await db.Initiatives.Where(i => i.GoalId == goalId).OrderBy(i => i.Sequence).ToListAsync(ct);
        if (initiatives.Select((i, n) => i.Sequence == n + 1).All(ok => ok))
        {
            return true;
        }

        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        for (var n = 0; n < initiatives.Count; n++)
        {
            initiatives[n].Sequence = -(n + 1);
        }

        await db.SaveChangesAsync(ct);
        for (var n = 0; n < initiatives.Count; n++)
        {
            initiatives[n].Sequence = n + 1;
        }

        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        return true;
    }

    /// <summary>Records that a report went to an audience; the next report to them lists the changes since.</summary>
    public async Task IssueReportAsync(Guid planId, ReportAudience audience, CancellationToken ct)
    {
        db.GoalReportIssues.Add(new GoalReportIssue { PlanId = planId, Audience = audience, IssuedAt = time.GetUtcNow(), IssuedBy = Actor });
        await db.SaveChangesAsync(ct);
    }

    public static string? Clean(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();
}
