namespace Stabsrum.Features.Plans;

/// <summary>Where a duty stands today. The order is the urgency, most urgent first.</summary>
public enum DutyState
{
    Overdue,
    DueSoon,
    Ok,
}

/// <summary>
/// A municipal election period: Danish local elections are held every fourth November (2021, 2025, 2029 …) and
/// the new council's period runs from 1 January after the election for four years.
/// </summary>
public readonly record struct ElectionPeriod(int FirstYear)
{
    /// <summary>The first year of a known period (after the November 2021 election); every period starts 4n years from it.</summary>
    private const int AnchorYear = 2022;

    public DateOnly Start => new(FirstYear, 1, 1);

    public DateOnly End => new(FirstYear + 3, 12, 31);

    /// <summary>The November election that began this period.</summary>
    public int ElectionYear => FirstYear - 1;

    public ElectionPeriod Next => new(FirstYear + 4);

    public static ElectionPeriod Containing(DateOnly date)
    {
        // Positive modulo, so years before the anchor land in the right period too.
        var offset = (((date.Year - AnchorYear) % 4) + 4) % 4;
        return new ElectionPeriod(date.Year - offset);
    }

    public override string ToString() => $"{FirstYear}–{FirstYear + 3}";
}

/// <summary>One computed duty of a plan: when it is due and how urgent it is on a given day.</summary>
public sealed record PlanDuty(DateOnly DueOn, DutyState State, int DaysLeft);

/// <summary>
/// The duties the law and the plan itself put on a registered plan (see docs/adr/0008-plan-duties.md):
/// revise it at least once per election period, exercise it at least every second year.
/// Pure: the caller passes today's date in the organisation's time zone.
/// </summary>
public static class PlanDuties
{
    /// <summary>A duty due within this many days is "due soon".</summary>
    public const int DueSoonDays = 90;

    public const int ExerciseIntervalYears = 2;

    /// <summary>
    /// The revision duty. An approval fulfils the duty for the election period it falls in, so the next revision is
    /// due by the end of the following period. A plan never approved must be approved within the current period.
    /// </summary>
    public static PlanDuty Revision(DateOnly? approvedOn, DateOnly today)
    {
        var due = approvedOn is { } approved
            ? ElectionPeriod.Containing(approved).Next.End
            : ElectionPeriod.Containing(today).End;
        return Classify(due, today);
    }

    /// <summary>
    /// The exercise duty: two years after the last exercise. Never exercised: two years after approval.
    /// Neither known: no date can be computed (null). A last exercise on 29 February is due on 28 February.
    /// </summary>
    public static PlanDuty? Exercise(DateOnly? lastExercisedOn, DateOnly? approvedOn, DateOnly today) =>
        (lastExercisedOn ?? approvedOn) is { } from
            ? Classify(from.AddYears(ExerciseIntervalYears), today)
            : null;

    public static PlanDuty Classify(DateOnly dueOn, DateOnly today)
    {
        var daysLeft = dueOn.DayNumber - today.DayNumber;
        var state = daysLeft < 0 ? DutyState.Overdue : daysLeft <= DueSoonDays ? DutyState.DueSoon : DutyState.Ok;
        return new PlanDuty(dueOn, state, daysLeft);
    }

    public static string DanishName(this DutyState state) => state switch
    {
        DutyState.Overdue => "Overskredet",
        DutyState.DueSoon => "Forfalder snart",
        _ => "I orden",
    };

    /// <summary>CSS modifier for the status badge.</summary>
    public static string CssClass(this DutyState state) => state switch
    {
        DutyState.Overdue => "duty-overdue",
        DutyState.DueSoon => "duty-soon",
        _ => "duty-ok",
    };
}
