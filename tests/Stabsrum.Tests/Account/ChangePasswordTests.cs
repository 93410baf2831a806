using System.Net;
using Stabsrum.Infrastructure.Tenancy;
using Stabsrum.Tests.Infrastructure;

namespace Stabsrum.Tests.Account;

public sealed class ChangePasswordTests(StabsrumFactory app) : IClassFixture<StabsrumFactory>
{
    private const string Action = "/konto?handler=ChangePassword";

    [Fact]
    public async Task The_new_password_works_the_old_one_no_longer_does_and_the_session_stays_signed_in()
    {
        var org = await app.CreateOrganisationAsync();
        var user = await app.CreateUserAsync(org, OrganisationRole.Stabsmedlem);
        var client = await app.LoginAsync(user);
        const string newPassword = "Ny-lang-adgangskode-til-stabsrummet";

        var changed = await ChangeAsync(client, user.Password, newPassword, newPassword);

        Assert.Equal(HttpStatusCode.Redirect, changed.StatusCode);
        Assert.Contains("Din adgangskode er skiftet.", await client.GetTextAsync("/konto"), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/")).StatusCode);

        var fresh = app.CreateClient(new() { AllowAutoRedirect = false });
        var old = await AccountSteps.SubmitPasswordAsync(fresh, user.Email, user.Password);
        Assert.Equal(HttpStatusCode.OK, old.StatusCode);
        Assert.Contains("Forkert e-mail eller adgangskode.", await old.TextAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, (await AccountSteps.SubmitPasswordAsync(fresh, user.Email, newPassword)).StatusCode);
    }

    [Theory]
    [InlineData("forkert-nuvaerende-kode", "Ny-lang-adgangskode-1", "Ny-lang-adgangskode-1", "Forkert adgangskode.")]
    [InlineData(null, "kort", "kort", "Adgangskoden skal være mindst 12 tegn.")]
    [InlineData(null, "Ny-lang-adgangskode-1", "Ny-lang-adgangskode-2", "De to nye adgangskoder er ikke ens.")]
    public async Task A_refused_change_says_why_next_to_the_field_and_keeps_the_old_password(string? current, string next, string confirm, string message)
    {
        var org = await app.CreateOrganisationAsync();
        var user = await app.CreateUserAsync(org, OrganisationRole.Laeser);
        var client = await app.LoginAsync(user);

        var response = await ChangeAsync(client, current ?? user.Password, next, confirm);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = await response.TextAsync();
        Assert.Contains(message, html, StringComparison.Ordinal);
        Assert.Contains("class=\"field-error field-validation-error\"", html, StringComparison.Ordinal);
        await AccountSteps.LogoutAsync(client);
        Assert.Equal(HttpStatusCode.Redirect, (await AccountSteps.SubmitPasswordAsync(client, user.Email, user.Password)).StatusCode);
    }

    private static Task<HttpResponseMessage> ChangeAsync(HttpClient client, string current, string next, string confirm) =>
        StabsrumFactory.PostFormAsync(client, Action, new Dictionary<string, string>
        {
            ["Input.CurrentPassword"] = current,
            ["Input.NewPassword"] = next,
            ["Input.ConfirmPassword"] = confirm,
        }, formPage: "/konto");
}
