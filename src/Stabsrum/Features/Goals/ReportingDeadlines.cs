using Microsoft.EntityFrameworkCore;
using Stabsrum.Features.AnnualWheel;
using Stabsrum.Infrastructure.Database;

namespace Stabsrum.Features.Goals;

/// <summary>
/// When a reporting line is due. Deadlines start at the line's first deadline (or, when none is given, the end of the
/// plan's first period of that frequency: 31 January, 31 March, 30 June or 31 December) and repeat at the line's
/// frequency. The last one is the first deadline on or after the plan's last day, so the report on the final period
/// is included.
/// </summary>
public static class ReportingSchedule
{
    public static int Months(this Frequency frequency) => frequency switch
    {
        Frequency.Maanedlig => 1,
        Frequency.Kvartalsvis => 3,
        Frequency.Halvaarlig => 6,
        _ => 12,
    };

    public static DateOnly First(Frequency frequency, DateOnly? firstDueOn, int planStartYear) =>
        firstDueOn ?? new DateOnly(planStartYear, 1, 1).AddMonths(frequency.Months()).AddDays(-1);

    public static IEnumerable<DateOnly> Deadlines(Frequency frequency, DateOnly? firstDueOn, int planStartYear, int planEndYear)
    {
        var first = First(frequency, firstDueOn, planStartYear);
        var planEnd = new DateOnly(planEndYear, 12, 31);
        // From the anchor each time (not from the previous date) so 31 March → 30 June → 30 September → 31 December.
        for (var k = 0; k < 2400; k++)
        {
            var date = first.AddMonths(k * frequency.Months());
            yield return date;
            if (date >= planEnd)
            {
                yield break;
            }
        }
    }

    /// <summary>The next deadline on or after <paramref name="today"/>, or null when the line's deadlines are over.</summary>
    public static DateOnly? Next(Frequency frequency, DateOnly? firstDueOn, int planStartYear, int planEndYear, DateOnly today) =>
        Deadlines(frequency, firstDueOn, planStartYear, planEndYear).Where(d => d >= today).Cast<DateOnly?>().FirstOrDefault();
}

/// <summary>Shows goals' reporting deadlines in the årshjul and its calendar feed.</summary>
internal sealed class ReportingDeadlinesSource(StabsrumDbContext db) : IAnnualWheelSource
{
    public async Task<IReadOnlyList<WheelDeadline>> DeadlinesAsync(Guid organisationId, DateOnly from, DateOnly to, CancellationToken ct)
    {
        // Also called from the anonymous calendar feed: scoped explicitly by organisation on every table.
        var (firstYear, lastYear) = (from.Year, to.Year);
        var lines = await (
            from line in db.ReportingLines.IgnoreQueryFilters().Where(l => l.OrganisationId == organisationId)
            join goal in db.Goals.IgnoreQueryFilters().Where(g => g.OrganisationId == organisationId) on line.GoalId equals goal.Id
            join plan in db.GoalPlans.IgnoreQueryFilters().Where(p => p.OrganisationId == organisationId) on goal.PlanId equals plan.Id
            where plan.StartYear <= lastYear && plan.EndYear + 2 >= firstYear
            select new { line, goal.Number, goal.Title, goal.CreatedAt, PlanName = plan.Name, plan.StartYear, plan.EndYear })
            .AsNoTracking()
            .ToListAsync(ct);
        return lines
            .SelectMany(x => ReportingSchedule.Deadlines(x.line.Frequency, x.line.FirstDueOn, x.StartYear, x.EndYear)
                .Where(date => date >= from && date <= to)
                .Select(date => new WheelDeadline(
                    Uid: $"{x.line.Id:N}-{date:yyyyMMdd}@stabsrum",
                    Date: date,
                    Title: $"{x.line.Reporter} afrapporterer til {x.line.Recipient} (HP-mål {x.Number}, {x.PlanName})",
                    Kind: "Afrapportering",
                    Owner: x.line.Reporter,
                    Href: $"/maal/maal/{x.line.GoalId}",
                    Description: string.Join("\n", new[] { $"HP-mål {x.Number}: {x.Title}", $"Hyppighed: {x.line.Frequency.Label()}", x.line.Note }.OfType<string>()),
                    Stamp: x.CreatedAt)))
            .ToList();
    }
}
