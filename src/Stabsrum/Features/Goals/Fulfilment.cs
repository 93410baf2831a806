using Stabsrum.Features.Goals.KeyFigures;

namespace Stabsrum.Features.Goals;

/// <summary>A goal's fulfilment under its rule, with a sentence saying why.</summary>
public sealed record GoalFulfilment(FulfilmentRule Rule, int? Percent, string Explanation)
{
    /// <summary>
    /// (a) key figure: its attainment; (b) activities: the share of the goal's initiatives implemented
    /// ("100 % opfyldt, når de 3 indsatser er gennemført" → 2 of 3 = 66 %); (c) manual: the assessed percentage.
    /// </summary>
    public static GoalFulfilment Compute(Goal goal, IReadOnlyCollection<InitiativeStatus> initiatives, Attainment? keyFigure, string? keyFigureName)
    {
        switch (goal.FulfilmentRule)
        {
            case FulfilmentRule.Noegletal when keyFigure is not null:
                return new(goal.FulfilmentRule, keyFigure.Percent, keyFigure.Latest is null
                    ? $"Ingen målinger af »{keyFigureName}« endnu."
                    : keyFigure.Met ? $"»{keyFigureName}« har nået sit mål." : $"»{keyFigureName}« er {keyFigure.Percent} % på vej mod målet.");
            case FulfilmentRule.Noegletal:
                return new(goal.FulfilmentRule, 0, "Nøgletallet mangler.");
            case FulfilmentRule.Aktiviteter:
                var total = initiatives.Count;
                var done = initiatives.Count(s => s == InitiativeStatus.Implementeret);
                return total == 0
                    ? new(goal.FulfilmentRule, 0, "Ingen initiativer er knyttet til målet endnu.")
                    : new(goal.FulfilmentRule, done * 100 / total, $"{done} af {total} initiativer er gennemført.");
            case FulfilmentRule.Manuel:
                return new(goal.FulfilmentRule, goal.ManualPercent ?? 0, goal.ManualJustification ?? "");
            default:
                return new(goal.FulfilmentRule, null, "Målet har ingen opfyldelsesregel.");
        }
    }

    /// <summary>The plan's fulfilment: the average over goals that have a rule.</summary>
    public static int? PlanPercent(IEnumerable<GoalFulfilment> goals)
    {
        var measured = goals.Where(g => g.Percent is not null).Select(g => g.Percent!.Value).ToList();
        return measured.Count == 0 ? null : (int)Math.Round(measured.Average(), MidpointRounding.AwayFromZero);
    }
}
