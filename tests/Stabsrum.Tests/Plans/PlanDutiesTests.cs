using Stabsrum.Features.Plans;

namespace Stabsrum.Tests.Plans;

/// <summary>The due-date arithmetic, pure: election periods, the two-year exercise interval, leap years, the 90-day window.</summary>
public sealed class PlanDutiesTests
{
    private static DateOnly D(string iso) => DateOnly.ParseExact(iso, "yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);

    [Theory]
    [InlineData("2022-01-01", 2022, "2025-12-31")]
    [InlineData("2025-11-18", 2022, "2025-12-31")] // election day itself still belongs to the sitting council's period
    [InlineData("2025-12-31", 2022, "2025-12-31")]
    [InlineData("2026-01-01", 2026, "2029-12-31")]
    [InlineData("2026-12-03", 2026, "2029-12-31")]
    [InlineData("2029-11-20", 2026, "2029-12-31")]
    [InlineData("2030-01-01", 2030, "2033-12-31")]
    [InlineData("2021-06-30", 2018, "2021-12-31")]
    [InlineData("2014-01-01", 2014, "2017-12-31")]
    public void An_election_period_runs_from_1_January_after_the_election_for_four_years(string date, int firstYear, string end)
    {
        var period = ElectionPeriod.Containing(D(date));

        Assert.Equal(firstYear, period.FirstYear);
        Assert.Equal(D(end), period.End);
        Assert.Equal(firstYear - 1, period.ElectionYear);
        Assert.Equal(0, (((period.ElectionYear - 2021) % 4) + 4) % 4); // every election year is 2021 + 4n
    }

    [Theory]
    // Approved in the current period: this period's duty is met, the next revision is due by the end of the next one.
    [InlineData("2026-03-15", "2026-12-03", "2033-12-31", DutyState.Ok)]
    // Approved in the previous period: due by the end of the current period.
    [InlineData("2023-05-01", "2026-12-03", "2029-12-31", DutyState.Ok)]
    [InlineData("2023-05-01", "2029-10-03", "2029-12-31", DutyState.DueSoon)]
    // Approved two periods ago: the whole 2022–2025 period passed without a revision.
    [InlineData("2021-09-01", "2026-12-03", "2025-12-31", DutyState.Overdue)]
    // Approved in December of an election year still counts for the sitting council's period.
    [InlineData("2025-12-18", "2026-01-02", "2029-12-31", DutyState.Ok)]
    [InlineData("2026-01-01", "2026-01-02", "2033-12-31", DutyState.Ok)]
    // Leap day approval.
    [InlineData("2024-02-29", "2026-12-03", "2029-12-31", DutyState.Ok)]
    public void Revision_is_due_by_the_end_of_the_period_after_the_one_the_plan_was_approved_in(string approved, string today, string due, DutyState state)
    {
        var duty = PlanDuties.Revision(D(approved), D(today));

        Assert.Equal(D(due), duty.DueOn);
        Assert.Equal(state, duty.State);
    }

    [Theory]
    [InlineData("2026-12-03", "2029-12-31")]
    [InlineData("2025-12-31", "2025-12-31")]
    public void A_plan_never_approved_must_be_approved_within_the_current_period(string today, string due)
    {
        var duty = PlanDuties.Revision(null, D(today));

        Assert.Equal(D(due), duty.DueOn);
    }

    [Theory]
    [InlineData("2024-05-10", "2026-05-10")]
    [InlineData("2024-02-29", "2026-02-28")] // leap day: due on the last day of February two years on
    [InlineData("2026-02-28", "2028-02-28")]
    [InlineData("2026-03-01", "2028-03-01")]
    [InlineData("2027-12-31", "2029-12-31")]
    public void The_next_exercise_is_due_two_years_after_the_last(string last, string due)
    {
        var duty = PlanDuties.Exercise(D(last), approvedOn: null, D("2026-01-01"));

        Assert.Equal(D(due), duty!.DueOn);
    }

    [Fact]
    public void A_plan_never_exercised_is_due_two_years_after_approval_and_without_either_no_date_is_computed()
    {
        Assert.Equal(D("2027-06-01"), PlanDuties.Exercise(null, D("2025-06-01"), D("2026-01-01"))!.DueOn);
        Assert.Null(PlanDuties.Exercise(null, null, D("2026-01-01")));
    }

    [Theory]
    [InlineData("2026-12-03", "2026-12-02", DutyState.Overdue, -1)]
    [InlineData("2026-12-03", "2026-12-03", DutyState.DueSoon, 0)]
    [InlineData("2026-12-03", "2027-03-03", DutyState.DueSoon, 90)]
    [InlineData("2026-12-03", "2027-03-04", DutyState.Ok, 91)]
    [InlineData("2028-02-01", "2028-05-01", DutyState.DueSoon, 90)] // leap February counts 29 days
    public void Within_90_days_is_due_soon_and_after_the_due_date_overdue(string today, string due, DutyState state, int daysLeft)
    {
        var duty = PlanDuties.Classify(D(due), D(today));

        Assert.Equal(state, duty.State);
        Assert.Equal(daysLeft, duty.DaysLeft);
    }
}
