using System.Net;
using Microsoft.EntityFrameworkCore;
using Stabsrum.Infrastructure.Tenancy;
using Stabsrum.Tests.Infrastructure;

namespace Stabsrum.Tests.Account;

public sealed class RequiredTwoFactorTests(StabsrumFactory app) : IClassFixture<StabsrumFactory>
{
    [Fact]
    public async Task A_member_without_two_step_verification_is_sent_to_enrol_and_gets_in_after_enrolling()
    {
        var org = await app.CreateOrganisationAsync();
        await app.WithDbAsync(org.Id, (db, _) => db.Organisations.Where(o => o.Id == org.Id)
            .ExecuteUpdateAsync(s => s.SetProperty(o => o.RequireTwoFactor, true)));
        var user = await app.CreateUserAsync(org, OrganisationRole.Administrator);
        var client = await app.LoginAsync(user);

        foreach (var content in new[] { "/", "/haendelser", "/organisation/skift" })
        {
            var blocked = await client.GetAsync(content);
            Assert.Equal(HttpStatusCode.Redirect, blocked.StatusCode);
            Assert.Equal(AccountSteps.EnrolmentPage + "?kraevet=1", blocked.Headers.Location!.OriginalString);
        }

        var enrolment = await client.GetTextAsync(AccountSteps.EnrolmentPage + "?kraevet=1");
        Assert.Contains("Din organisation kræver totrinsbekræftelse", enrolment, StringComparison.Ordinal);
        // The account page is reachable, but nothing of the organisation's.
        Assert.DoesNotContain("Hovedmenu", await client.GetTextAsync("/konto"), StringComparison.Ordinal);
        var tokens = await client.GetAsync("/konto/adgangsnoegler");
        Assert.Equal("/konto/ingen-adgang", tokens.RedirectPath());

        await AccountSteps.EnrolAsync(client);

        var overview = await client.GetAsync("/");
        Assert.Equal(HttpStatusCode.OK, overview.StatusCode);
        Assert.Contains("Overblik – " + org.Name, await overview.TextAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Two_step_verification_cannot_be_switched_off_while_an_organisation_requires_it()
    {
        var org = await app.CreateOrganisationAsync();
        var user = await app.CreateUserAsync(org, OrganisationRole.Laeser);
        var client = await app.LoginAsync(user);
        await AccountSteps.EnrolAsync(client);
        await app.WithDbAsync(org.Id, (db, _) => db.Organisations.Where(o => o.Id == org.Id)
            .ExecuteUpdateAsync(s => s.SetProperty(o => o.RequireTwoFactor, true)));

        var response = await StabsrumFactory.PostFormAsync(client, AccountSteps.EnrolmentPage + "?handler=Disable",
            new Dictionary<string, string> { ["DisablePassword"] = user.Password }, formPage: AccountSteps.EnrolmentPage);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains($"{org.Name} kræver totrinsbekræftelse", await response.TextAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/")).StatusCode);
    }
}
