using Microsoft.EntityFrameworkCore;
using Stabsrum.Features.Goals.KeyFigures;
using Stabsrum.Infrastructure.Database;
using Stabsrum.Infrastructure.Problems;

namespace Stabsrum.Features.Goals;

/// <summary>A goal's fulfilment rule, benefit overview (gevinstoverblik) and reporting lines.</summary>
public sealed class GoalDetailsChanges(StabsrumDbContext db, GoalChanges goals, TimeProvider time)
{
    public async Task<ValidationErrors?> SetFulfilmentAsync(Guid goalId, FulfilmentInput input, CancellationToken ct)
    {
        var goal = await db.Goals.SingleOrDefaultAsync(g => g.Id == goalId, ct);
        if (goal is null)
        {
            return null;
        }

        var errors = new ValidationErrors().Optional("justification", input.Justification, "Begrundelse", 2000);
        if (input.Rule is not { } rule || !Enum.IsDefined(rule))
        {
            errors.Add("rule", "Vælg hvordan målet opfyldes: nøgletal, initiativer, manuel vurdering eller ingen regel.");
            return errors;
        }

        if (rule == FulfilmentRule.Noegletal && (input.KeyFigureId is not { } figure || !await db.KeyFigures.AnyAsync(k => k.Id == figure && k.GoalId == goalId, ct)))
        {
            errors.Add("keyFigureId", "Vælg et af målets nøgletal.");
        }

        if (rule == FulfilmentRule.Manuel)
        {
            if (input.ManualPercent is not (>= 0 and <= 100))
            {
                errors.Add("manualPercent", "Angiv opfyldelsen i procent mellem 0 og 100.");
            }

            if (string.IsNullOrWhiteSpace(input.Justification))
            {
                errors.Add("justification", "En manuel vurdering skal begrundes.");
            }
        }

        if (errors.Any)
        {
            return errors;
        }

        goal.FulfilmentRule = rule;
        goal.FulfilmentKeyFigureId = rule == FulfilmentRule.Noegletal ? input.KeyFigureId : null;
        goal.ManualPercent = rule == FulfilmentRule.Manuel ? input.ManualPercent : null;
        goal.ManualJustification = rule == FulfilmentRule.Manuel ? input.Justification!.Trim() : null;
        await db.SaveChangesAsync(ct);
        return errors;
    }

    public async Task<ValidationErrors?> SetBenefitsAsync(Guid goalId, BenefitsInput input, CancellationToken ct)
    {
        var goal = await db.Goals.SingleOrDefaultAsync(g => g.Id == goalId, ct);
        if (goal is null)
        {
            return null;
        }

        var errors = new ValidationErrors()
            .Required("expectedBenefits", input.ExpectedBenefits, "Forventede gevinster", 4000)
            .Optional("indirectIndicators", input.IndirectIndicators, "Indirekte indikatorer", 4000);
        if (!errors.Any)
        {
            goal.ExpectedBenefits = input.ExpectedBenefits!.Trim();
            goal.IndirectIndicators = GoalChanges.Clean(input.IndirectIndicators);
            await db.SaveChangesAsync(ct);
        }

        return errors;
    }

    public async Task<(BenefitAssessment? Assessment, ValidationErrors? Errors)> AddAssessmentAsync(Guid goalId, AssessmentInput input, CancellationToken ct)
    {
        if (!await db.Goals.AnyAsync(g => g.Id == goalId, ct))
        {
            return (null, null);
        }

        var errors = new ValidationErrors().Required("evidence", input.Evidence, "Dokumentation", 4000);
        if (!Period.TryParse(input.Period, out var period))
        {
            errors.Add("period", Period.FormatError(input.Period));
        }

        if (input.Score is not (>= 1 and <= 5))
        {
            errors.Add("score", "Vælg en vurdering på skalaen 1–5.");
        }

        if (errors.Any)
        {
            return (null, errors);
        }

        var assessment = new BenefitAssessment
        {
            GoalId = goalId,
            Period = period.Text,
            PeriodStart = period.Start,
            Score = input.Score!.Value,
            Evidence = input.Evidence!.Trim(),
            AssessedAt = time.GetUtcNow(),
            AssessedBy = goals.Actor,
        };
        db.BenefitAssessments.Add(assessment);
        await db.SaveChangesAsync(ct);
        return (assessment, errors);
    }

    public async Task<(ReportingLine? Line, ValidationErrors? Errors)> AddReportingLineAsync(Guid goalId, ReportingLineInput input, CancellationToken ct)
    {
        if (!await db.Goals.AnyAsync(g => g.Id == goalId, ct))
        {
            return (null, null);
        }

        var errors = new ValidationErrors()
            .Required("reporter", input.Reporter, "Hvem afrapporterer")
            .Required("recipient", input.Recipient, "Modtager")
            .Optional("note", input.Note, "Bemærkning", 1000);
        if (input.Frequency is not { } frequency || !Enum.IsDefined(frequency))
        {
            errors.Add("frequency", "Vælg hvor ofte der afrapporteres.");
        }

        if (input.FirstDueOn is { Year: < 2000 or > 2100 })
        {
            errors.Add("firstDueOn", "Første frist skal ligge mellem år 2000 og 2100.");
        }

        if (errors.Any)
        {
            return (null, errors);
        }

        var line = new ReportingLine { GoalId = goalId, Reporter = input.Reporter!.Trim(), Recipient = input.Recipient!.Trim(), Frequency = input.Frequency!.Value, FirstDueOn = input.FirstDueOn, Note = GoalChanges.Clean(input.Note) };
        db.ReportingLines.Add(line);
        await db.SaveChangesAsync(ct);
        return (line, errors);
    }

    public async Task<bool> RemoveReportingLineAsync(Guid id, CancellationToken ct)
    {
        // Tracked, not ExecuteDelete, so the removal reaches the audit trail.
        var line = await db.ReportingLines.SingleOrDefaultAsync(r => r.Id == id, ct);
        if (line is null)
        {
            return false;
        }

        db.ReportingLines.Remove(line);
        await db.SaveChangesAsync(ct);
        return true;
    }
}
