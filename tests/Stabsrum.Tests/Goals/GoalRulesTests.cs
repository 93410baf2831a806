using Stabsrum.Features.Goals;
using Stabsrum.Features.Goals.KeyFigures;

namespace Stabsrum.Tests.Goals;

/// <summary>Pure rules: quarters and <i>bagud</i>, periods, Danish numbers, attainment and fulfilment.</summary>
public sealed class GoalRulesTests
{
    [Theory]
    [InlineData("Q2 2022", "2022-04-01", "2022-06-30")]
    [InlineData("q1 2024", "2024-01-01", "2024-03-31")]
    [InlineData("2024-Q4", "2024-10-01", "2024-12-31")]
    [InlineData("3. kvt. 2023", "2023-07-01", "2023-09-30")]
    public void Quarters_are_read_in_the_forms_people_write_them(string text, string from, string to)
    {
        Assert.True(Schedule.TryParseQuarter(text, out var s));
        Assert.Equal(DateOnly.Parse(from, System.Globalization.CultureInfo.InvariantCulture), s.From);
        Assert.Equal(DateOnly.Parse(to, System.Globalization.CultureInfo.InvariantCulture), s.To);
        Assert.True(s.IsQuarter);
    }

    [Theory]
    [InlineData("Q5 2022")]
    [InlineData("2022")]
    [InlineData("andet kvartal")]
    [InlineData("Q2 1899")]
    public void Unreadable_quarters_are_refused(string text) => Assert.False(Schedule.TryParseQuarter(text, out _));

    [Fact]
    public void An_initiative_is_behind_only_once_its_quarter_has_fully_passed_without_implementation()
    {
        var q2 = Schedule.Quarter(2022, 2);
        Assert.Equal("Q2 2022", q2.ToString());

        // Last day of the quarter: still on time. First day of the next quarter: behind.
        Assert.False(q2.IsBehind(InitiativeStatus.Igangsat, new DateOnly(2022, 6, 30)));
        Assert.True(q2.IsBehind(InitiativeStatus.Igangsat, new DateOnly(2022, 7, 1)));
        Assert.True(q2.IsBehind(InitiativeStatus.IgangsaettesJfTidsplan, new DateOnly(2023, 1, 1)));

        // Done, or deliberately postponed with a reason, is never "bagud".
        Assert.False(q2.IsBehind(InitiativeStatus.Implementeret, new DateOnly(2023, 1, 1)));
        Assert.False(q2.IsBehind(InitiativeStatus.UdskudtFravalgt, new DateOnly(2023, 1, 1)));

        // Year boundary: Q4 2023 ends 31-12-2023.
        var q4 = Schedule.Quarter(2023, 4);
        Assert.False(q4.IsBehind(InitiativeStatus.Igangsat, new DateOnly(2023, 12, 31)));
        Assert.True(q4.IsBehind(InitiativeStatus.Igangsat, new DateOnly(2024, 1, 1)));
        Assert.False(Schedule.None.IsBehind(InitiativeStatus.Igangsat, new DateOnly(2030, 1, 1)));
    }

    [Fact]
    public void Status_steps_are_exactly_the_four_of_the_plan_and_only_postponing_needs_a_reason()
    {
        Assert.Equal(["Implementeret", "Igangsat / delvist implementeret", "Udskudt / fravalgt", "Igangsættes jf. tidsplan"], StatusSteps.All.Select(s => s.Label()));
        Assert.All(StatusSteps.All, s => Assert.False(string.IsNullOrWhiteSpace(s.Meaning())));
        Assert.Equal([InitiativeStatus.UdskudtFravalgt], StatusSteps.All.Where(s => s.RequiresReason()));
    }

    [Theory]
    [InlineData("2023", "2023", "2023-01-01")]
    [InlineData("Q2 2023", "Q2 2023", "2023-04-01")]
    [InlineData("2023-Q3", "Q3 2023", "2023-07-01")]
    [InlineData("H2 2023", "H2 2023", "2023-07-01")]
    [InlineData("2023-05", "2023-05", "2023-05-01")]
    public void Periods_have_one_canonical_spelling(string input, string canonical, string start)
    {
        Assert.True(Period.TryParse(input, out var p));
        Assert.Equal(canonical, p.Text);
        Assert.Equal(DateOnly.Parse(start, System.Globalization.CultureInfo.InvariantCulture), p.Start);
    }

    [Theory]
    [InlineData("2023/24")]
    [InlineData("maj")]
    [InlineData("2023-13")]
    [InlineData("Q5 2023")]
    [InlineData("")]
    [InlineData("01-05-2023")]
    public void Undefined_period_formats_are_refused(string input) => Assert.False(Period.TryParse(input, out _));

    [Theory]
    [InlineData("47,5", 47.5)]
    [InlineData("47", 47)]
    [InlineData("1.234,5", 1234.5)]
    [InlineData("1.234.567", 1234567)]
    [InlineData("-3,25", -3.25)]
    [InlineData("47.5", 47.5)]
    [InlineData("0,125", 0.125)]
    public void Danish_numbers_are_understood(string input, double expected)
    {
        var result = DanishNumber.Parse(input);
        Assert.Null(result.Error);
        Assert.Equal((decimal)expected, result.Value);
    }

    [Theory]
    [InlineData("1,234.5", "engelsk")]
    [InlineData("1.234", "tvetydig")]
    [InlineData("1,234", "tvetydig")]
    [InlineData("12,3,4", "ikke et tal")]
    [InlineData("fyrre", "ikke et tal")]
    public void Ambiguous_or_foreign_numbers_are_refused_with_a_reason(string input, string reason)
    {
        var result = DanishNumber.Parse(input);
        Assert.Null(result.Value);
        Assert.Contains(reason, result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void A_unit_written_with_a_value_must_be_the_key_figures_unit()
    {
        Assert.Equal(50m, ValueWithUnit.Parse("50 %", KeyFigureUnit.Procent).Value);
        Assert.Equal(12.5m, ValueWithUnit.Parse("12,5 min.", KeyFigureUnit.Minutter).Value);
        var (value, error) = ValueWithUnit.Parse("50 min", KeyFigureUnit.Procent);
        Assert.Null(value);
        Assert.Contains("minutter", error, StringComparison.Ordinal);
        Assert.NotNull(KeyFigureChanges.UnitError(150, KeyFigureUnit.Procent));
        Assert.NotNull(KeyFigureChanges.UnitError(2.5m, KeyFigureUnit.Antal));
        Assert.Null(KeyFigureChanges.UnitError(2, KeyFigureUnit.Antal));
    }

    [Fact]
    public void Attainment_respects_whether_higher_or_lower_is_better()
    {
        // Seed 003 goal 4: 47 % in 2022, target 50 % in 2023.
        Assert.Equal(50, Attainment.Compute(Direction.HoejereErBedre, 47, 50, 48.5m).Percent);
        Assert.True(Attainment.Compute(Direction.HoejereErBedre, 47, 50, 50).Met);
        Assert.True(Attainment.Compute(Direction.HoejereErBedre, 47, 50, 52).Met);
        Assert.Equal(0, Attainment.Compute(Direction.HoejereErBedre, 47, 50, 45).Percent);

        // Response time: 12 minutes down to 10 is better; 11 is half-way, 13 is nowhere, 9 is met.
        Assert.Equal(50, Attainment.Compute(Direction.LavereErBedre, 12, 10, 11).Percent);
        Assert.Equal(0, Attainment.Compute(Direction.LavereErBedre, 12, 10, 13).Percent);
        Assert.True(Attainment.Compute(Direction.LavereErBedre, 12, 10, 9).Met);
        Assert.False(Attainment.Compute(Direction.LavereErBedre, 12, 10, 10.5m).Met);

        // Without a baseline: ratio to the target; no data: nothing.
        Assert.Equal(80, Attainment.Compute(Direction.HoejereErBedre, null, 50, 40).Percent);
        Assert.Equal(Attainment.NoData, Attainment.Compute(Direction.HoejereErBedre, 47, 50, null));
    }

    [Fact]
    public void Each_fulfilment_rule_gives_its_percentage()
    {
        var byFigure = new Goal { Title = "Mål 4", FulfilmentRule = FulfilmentRule.Noegletal };
        Assert.Equal(100, GoalFulfilment.Compute(byFigure, [], Attainment.Compute(Direction.HoejereErBedre, 47, 50, 51), "Henvisninger").Percent);
        Assert.Equal(50, GoalFulfilment.Compute(byFigure, [], Attainment.Compute(Direction.HoejereErBedre, 47, 50, 48.5m), "Henvisninger").Percent);

        // "Målet er 100% opfyldt, når de 3 indsatser er tilfredsstillende gennemført."
        var byActivities = new Goal { Title = "Mål 8", FulfilmentRule = FulfilmentRule.Aktiviteter };
        Assert.Equal(66, GoalFulfilment.Compute(byActivities, [InitiativeStatus.Implementeret, InitiativeStatus.Implementeret, InitiativeStatus.Igangsat], null, null).Percent);
        Assert.Equal(100, GoalFulfilment.Compute(byActivities, [InitiativeStatus.Implementeret, InitiativeStatus.Implementeret, InitiativeStatus.Implementeret], null, null).Percent);
        Assert.Equal("2 af 3 initiativer er gennemført.", GoalFulfilment.Compute(byActivities, [InitiativeStatus.Implementeret, InitiativeStatus.UdskudtFravalgt, InitiativeStatus.Implementeret], null, null).Explanation);

        var manual = new Goal { Title = "Mål 2", FulfilmentRule = FulfilmentRule.Manuel, ManualPercent = 75, ManualJustification = "Spredning sikret i 9 af 11 kommuner." };
        Assert.Equal(75, GoalFulfilment.Compute(manual, [], null, null).Percent);

        var none = new Goal { Title = "Uden regel" };
        var all = new[] { GoalFulfilment.Compute(manual, [], null, null), GoalFulfilment.Compute(byActivities, [InitiativeStatus.Implementeret], null, null), GoalFulfilment.Compute(none, [], null, null) };
        Assert.Equal(88, GoalFulfilment.PlanPercent(all));
    }
}
