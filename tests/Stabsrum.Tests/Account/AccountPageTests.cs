using System.Net;
using Microsoft.EntityFrameworkCore;
using Stabsrum.Infrastructure.Tenancy;
using Stabsrum.Tests.Infrastructure;

namespace Stabsrum.Tests.Account;

public sealed class AccountPageTests(StabsrumFactory app) : IClassFixture<StabsrumFactory>
{
    [Fact]
    public async Task The_account_page_shows_who_the_user_is_and_the_state_of_two_step_verification()
    {
        var org = await app.CreateOrganisationAsync();
        var user = await app.CreateUserAsync(org, OrganisationRole.Planlaegger);
        var client = await app.LoginAsync(user, org);

        var html = await client.GetTextAsync("/konto");

        Assert.Contains("<h1>Min konto</h1>", html, StringComparison.Ordinal);
        Assert.Contains(user.Email, html, StringComparison.Ordinal);
        Assert.Contains("Test Planlaegger", html, StringComparison.Ordinal);
        Assert.Contains("Totrinsbekræftelse er <strong>slået fra</strong>", html, StringComparison.Ordinal);
        Assert.Contains("href=\"/konto/adgangsnoegler\"", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_user_without_an_organisation_reaches_the_own_account_pages_but_nothing_of_an_organisation()
    {
        var org = await app.CreateOrganisationAsync();
        var user = await app.CreateUserAsync(org, OrganisationRole.Laeser);
        await app.WithDbAsync(org.Id, (db, _) => db.Memberships.Where(m => m.UserId == user.Id).ExecuteDeleteAsync());
        var client = await app.LoginAsync(user);

        Assert.Contains("Min konto", await client.GetTextAsync("/konto"), StringComparison.Ordinal);
        Assert.Contains("Totrinsbekræftelse", await client.GetTextAsync(AccountSteps.EnrolmentPage), StringComparison.Ordinal);
        foreach (var page in new[] { "/", "/haendelser", "/konto/adgangsnoegler" })
        {
            var response = await client.GetAsync(page);
            Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
            Assert.Equal("/konto/ingen-adgang", response.RedirectPath());
        }
    }

    [Fact]
    public async Task Anonymous_visitors_are_sent_to_log_in_from_the_account_pages_and_the_second_login_step_needs_a_password_first()
    {
        var client = app.CreateClient(new() { AllowAutoRedirect = false });

        foreach (var page in new[] { "/konto", AccountSteps.EnrolmentPage, "/konto/adgangsnoegler", "/konto/log-ind-2fa", "/konto/log-ind-gendannelseskode" })
        {
            var response = await client.GetAsync(page);
            Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
            Assert.Equal("/konto/log-ind", response.RedirectPath());
        }
    }
}
