using Stabsrum.Features.Goals;
using Stabsrum.Features.Goals.CostKeys;

namespace Stabsrum.Tests.Goals;

/// <summary>Largest-remainder rounding: the parts always add up, and the results contract's table comes out exactly.</summary>
public sealed class CostSplitTests
{
    public static readonly (string Name, long Amount)[] ContractTable =
    [
        ("Morsø", 598), ("Thisted", 1_285), ("Brønderslev", 1_079), ("Frederikshavn", 1_756), ("Vesthimmerland", 1_083), ("Læsø", 53),
        ("Rebild", 914), ("Mariagerfjord", 1_242), ("Jammerbugt", 1_139), ("Aalborg", 6_592), ("Hjørring", 1_904),
    ];

    [Fact]
    public void The_base_grant_split_by_population_reproduces_the_contracts_table_in_thousands()
    {
        var weights = GoalsDemoData.Owners.Select(o => (o.Name, (decimal)o.Population)).ToList();

        var result = CostSplit.Split(17_645_000m, RoundingUnit.TusindKroner, weights);

        Assert.Equal(17_645, result.TotalUnits);
        Assert.Equal(ContractTable, result.Parts.Select(p => (p.Name, p.Units)));
        Assert.Equal(17_645, result.Parts.Sum(p => p.Units));
        Assert.False(result.TotalWasRounded);
    }

    [Fact]
    public void Equal_shares_of_an_amount_that_does_not_divide_go_to_the_first_rows_by_one_unit()
    {
        var result = CostSplit.Split(100m, RoundingUnit.Kroner, [("A", 1m), ("B", 1m), ("C", 1m)]);

        Assert.Equal([34L, 33L, 33L], result.Parts.Select(p => p.Units));
    }

    [Fact]
    public void Property_the_parts_always_sum_exactly_and_each_is_its_share_rounded_down_or_up()
    {
        var random = new Random(20261203);
        for (var run = 0; run < 5_000; run++)
        {
            var count = random.Next(1, 40);
            var weights = Enumerable.Range(0, count).Select(i => ($"K{i}", random.Next(4) switch
            {
                0 => 0m,
                1 => random.Next(1, 10),
                2 => random.Next(1, 300_000),
                _ => Math.Round((decimal)random.NextDouble() * 100m, 4),
            })).ToList();
            if (weights.All(w => w.Item2 == 0))
            {
                weights[0] = ("K0", 1m);
            }

            var unit = random.Next(2) == 0 ? RoundingUnit.Kroner : RoundingUnit.TusindKroner;
            var amount = random.Next(3) switch
            {
                0 => random.Next(0, 1000),
                1 => random.Next(0, int.MaxValue),
                _ => Math.Round((decimal)random.NextDouble() * 1_000_000_000_000m, 2),
            };

            var result = CostSplit.Split(amount, unit, weights);

            Assert.Equal(result.TotalUnits, result.Parts.Sum(p => p.Units));
            Assert.Equal((long)Math.Round(amount / unit.Size(), MidpointRounding.AwayFromZero), result.TotalUnits);
            Assert.All(result.Parts, p =>
            {
                Assert.True(p.Units >= 0);
                Assert.True(p.Units == Math.Floor(p.Exact) || p.Units == Math.Floor(p.Exact) + 1, $"{p.Name}: {p.Units} vs exact {p.Exact}");
                if (p.Weight == 0)
                {
                    Assert.Equal(0, p.Units);
                }
            });
        }
    }

    [Fact]
    public void Keys_whose_shares_sum_to_zero_or_are_negative_are_refused()
    {
        Assert.Contains("nul", CostSplit.Validate([0m, 0m]), StringComparison.Ordinal);
        Assert.Contains("negativ", CostSplit.Validate([10m, -1m]), StringComparison.Ordinal);
        Assert.NotNull(CostSplit.Validate([]));
        Assert.Throws<ArgumentException>(() => CostSplit.Split(100m, RoundingUnit.Kroner, [("A", 0m)]));
    }
}
