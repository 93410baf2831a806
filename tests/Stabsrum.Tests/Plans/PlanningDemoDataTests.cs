using System.Net;
using Microsoft.AspNetCore.Hosting;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Stabsrum.Features.ActionCards;
using Stabsrum.Features.AnnualWheel;
using Stabsrum.Features.Plans;
using Stabsrum.Features.Preparedness;
using Stabsrum.Features.Templates;
using Stabsrum.Infrastructure.Tenancy;
using Stabsrum.Tests.Infrastructure;

namespace Stabsrum.Tests.Plans;

/// <summary>The app with its demo data loaded, as <c>dotnet run</c> shows it.</summary>
public sealed class DemoFactory : StabsrumFactory
{
    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting("Demo:Enabled", "true");
    }
}

public sealed class PlanningDemoDataTests(DemoFactory app) : IClassFixture<DemoFactory>
{
    private Task<Guid> VallensbaekAsync() =>
        app.WithDbAsync(null, (db, _) => db.Organisations.Where(o => o.Name == "Vallensbæk Kommune").Select(o => o.Id).SingleAsync());

    [Fact]
    public async Task Vallensbaek_has_plans_with_one_overdue_and_one_due_soon_an_annual_wheel_action_cards_and_templates()
    {
        var org = await VallensbaekAsync();
        var today = app.Clock.Today();

        var plans = await app.WithDbAsync(org, (db, _) => db.Plans.ToListAsync());
        Assert.Equal(5, plans.Count);
        Assert.Single(plans, p => p.Type == PlanType.Hovedberedskabsplan);
        Assert.Contains(plans, p => p.Revision(today).State == DutyState.Overdue || p.Exercise(today)?.State == DutyState.Overdue);
        Assert.Contains(plans, p => p.Exercise(today)?.State == DutyState.DueSoon);

        var obligations = await app.WithDbAsync(org, (db, _) => db.Obligations.ToListAsync());
        Assert.True(obligations.Count(o => o.SourcePlanId is null && o.DueOn.Year == 2026) >= 5);
        Assert.True(obligations.Count(o => o.SourcePlanId is not null) >= 9);

        var cards = await app.WithDbAsync(org, (db, _) => db.ActionCards.Include(c => c.Versions).ThenInclude(v => v.Steps).ToListAsync());
        Assert.Equal(3, cards.Count);
        Assert.All(cards, c => Assert.NotEmpty(c.CurrentPublished!.Instantiate()));
        Assert.Equal(StandardTemplates.All.Count, await app.WithDbAsync(org, (db, _) => db.DocumentTemplates.CountAsync()));
    }

    [Fact]
    public async Task The_overview_panel_and_the_beredskabsmappe_chapters_show_the_duties_and_published_cards()
    {
        var org = await VallensbaekAsync();
        var planner = await app.CreateUserAsync(new TestOrganisation(org, "Vallensbæk Kommune"), OrganisationRole.Planlaegger);
        var browser = await app.LoginAsync(planner, new TestOrganisation(org, "Vallensbæk Kommune"));

        var overview = WebUtility.HtmlDecode(await browser.GetStringAsync("/"));
        Assert.Contains("Planer og øvelser", overview, StringComparison.Ordinal);
        Assert.Contains("Overskredet", overview, StringComparison.Ordinal);
        Assert.Contains("Forfalder snart", overview, StringComparison.Ordinal);

        var chapters = await app.WithDbAsync(org, async (db, sp) =>
        {
            var sections = sp.GetServices<IBeredskabsmappeSection>().OrderBy(s => s.Order).ToList();
            var loaded = new List<(IBeredskabsmappeSection Section, object Model)>();
            foreach (var section in sections)
            {
                loaded.Add((section, await section.LoadAsync(db, CancellationToken.None)));
            }

            return loaded;
        });
        var plans = Assert.IsType<PlansMappeSection.Chapter>(Assert.Single(chapters, c => c.Section.Order == 60).Model);
        Assert.Equal(5, plans.Plans.Count);
        var cards = Assert.IsType<List<ActionCardVersion>>(Assert.Single(chapters, c => c.Section.Order == 70).Model);
        Assert.Equal(3, cards.Count);
        Assert.All(cards, c => Assert.Equal(ActionCardStatus.Published, c.Status));

        foreach (var path in new[] { "/beredskab", "/beredskab/planer", "/beredskab/aarshjul", "/beredskab/aarshjul/aar/2026", "/beredskab/actionkort", "/beredskab/skabeloner" })
        {
            using var response = await browser.GetAsync(path);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        }
    }
}
