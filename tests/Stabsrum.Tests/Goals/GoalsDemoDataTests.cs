using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Stabsrum.Features.Goals;
using Stabsrum.Features.Goals.CostKeys;
using Stabsrum.Tests.Infrastructure;

namespace Stabsrum.Tests.Goals;

/// <summary>The demo data loads on the configured engine and holds what the seeds describe.</summary>
public sealed class GoalsDemoDataTests
{
    [Fact]
    public async Task Nordjyllands_Beredskab_has_NOBR2025_the_results_contract_and_the_base_grant_key()
    {
        var demo = new ConfiguredFactory("Demo:Enabled", "true");
        await ((IAsyncLifetime)demo).InitializeAsync();
        var orgId = await demo.WithDbAsync(null, async (db, _) => await db.Organisations.Where(o => o.Name == GoalsDemoData.OrganisationName).Select(o => o.Id).SingleAsync());

        await demo.WithDbAsync(orgId, async (db, sp) =>
        {
            Assert.Equal(11, await db.MemberMunicipalities.CountAsync());
            var nobr = await db.GoalPlans.SingleAsync(p => p.Name == "NOBR2025");
            Assert.Equal(Enumerable.Range(1, 31), await db.Goals.Where(g => g.PlanId == nobr.Id).OrderBy(g => g.Number).Select(g => g.Number).ToListAsync());
            var view = (await sp.GetRequiredService<GoalQueries>().PlanAsync(nobr.Id, default))!;
            var g29 = view.Goals.Single(g => g.Goal.Number == 29);
            Assert.Equal(["29.1", "29.2", "29.3", "29.4"], g29.Initiatives.Select(i => i.Number));
            Assert.Equal("Kvalitetssikring, opfølgning og implementering", g29.FocusPath);
            Assert.Contains(view.Areas, a => a.Path == "Det forebyggende arbejde › Brandsyn");

            var contract = await db.GoalPlans.SingleAsync(p => p.Kind == GoalPlanKind.Kontraktaar);
            var goals = await db.Goals.Where(g => g.PlanId == contract.Id).ToListAsync();
            Assert.Equal(11, goals.Count);
            Assert.All(goals, g => Assert.NotEqual(FulfilmentRule.Ingen, g.FulfilmentRule));
            var goal4Id = goals.Single(g => g.Number == 4).Id;
            var goal4 = await db.KeyFigures.SingleAsync(k => k.GoalId == goal4Id);
            Assert.Equal((47m, 50m), (goal4.BaselineValue!.Value, goal4.TargetValue));

            var key = await db.CostKeys.Include(k => k.Shares).SingleAsync(k => k.Method == CostKeyMethod.Indbyggertal);
            var split = CostKeysApi.Compute(key, 17_645_000m, RoundingUnit.TusindKroner);
            Assert.Equal(CostSplitTests.ContractTable, split.Parts.Select(p => (p.Name, p.Units)));
        });
        await ((IAsyncLifetime)demo).DisposeAsync();
    }
}
