using System.Net;
using Microsoft.EntityFrameworkCore;
using Stabsrum.Infrastructure.Tenancy;
using Stabsrum.Tests.Infrastructure;

namespace Stabsrum.Tests.Account;

public sealed class TwoFactorTests(StabsrumFactory app) : IClassFixture<StabsrumFactory>
{
    private const string SecondStep = "/konto/log-ind-2fa";
    private const string RecoveryStep = "/konto/log-ind-gendannelseskode";

    [Fact]
    public async Task After_enrolling_the_password_alone_is_not_enough_and_the_authenticator_code_signs_in()
    {
        var org = await app.CreateOrganisationAsync();
        var user = await app.CreateUserAsync(org, OrganisationRole.Laeser);
        var client = await app.LoginAsync(user);
        var (key, _) = await AccountSteps.EnrolAsync(client);
        Assert.Contains("slået til", await client.GetTextAsync("/konto"), StringComparison.Ordinal);
        await AccountSteps.LogoutAsync(client);

        var password = await AccountSteps.SubmitPasswordAsync(client, user.Email, user.Password);
        Assert.Equal(HttpStatusCode.Redirect, password.StatusCode);
        var secondStep = password.Headers.Location!.OriginalString;
        Assert.StartsWith(SecondStep, secondStep, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, (await client.GetAsync("/")).StatusCode);

        var wrong = await StabsrumFactory.PostFormAsync(client, secondStep, new Dictionary<string, string> { ["Code"] = AccountSteps.WrongCode(key) });
        Assert.Equal(HttpStatusCode.OK, wrong.StatusCode);
        Assert.Contains("Koden er forkert", await wrong.TextAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, (await client.GetAsync("/")).StatusCode);

        var right = await StabsrumFactory.PostFormAsync(client, secondStep, new Dictionary<string, string> { ["Code"] = AccountSteps.CurrentCode(key) });
        Assert.Equal(HttpStatusCode.Redirect, right.StatusCode);
        Assert.Equal("/", right.Headers.Location!.OriginalString);
        Assert.Contains("Overblik – " + org.Name, await client.GetTextAsync("/"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Enrolment_refuses_a_wrong_code_and_leaves_two_step_verification_off()
    {
        var org = await app.CreateOrganisationAsync();
        var user = await app.CreateUserAsync(org, OrganisationRole.Laeser);
        var client = await app.LoginAsync(user);
        var key = await AccountSteps.ReadAuthenticatorKeyAsync(client);

        var response = await AccountSteps.SubmitEnrolmentCodeAsync(client, AccountSteps.WrongCode(key));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("Koden er forkert", await response.TextAsync(), StringComparison.Ordinal);
        Assert.False(await app.WithDbAsync(null, (db, _) => db.Users.Where(u => u.Id == user.Id).Select(u => u.TwoFactorEnabled).SingleAsync()));
        Assert.Equal(key, await AccountSteps.ReadAuthenticatorKeyAsync(client));
    }

    [Fact]
    public async Task A_recovery_code_signs_in_once_and_only_once()
    {
        var org = await app.CreateOrganisationAsync();
        var user = await app.CreateUserAsync(org, OrganisationRole.Laeser);
        var client = await app.LoginAsync(user);
        var (_, codes) = await AccountSteps.EnrolAsync(client);
        await AccountSteps.LogoutAsync(client);

        var first = await SignInWithRecoveryCodeAsync(client, user, codes[0]);
        Assert.Equal(HttpStatusCode.Redirect, first.StatusCode);
        Assert.Equal("/", first.Headers.Location!.OriginalString);
        Assert.Contains("Overblik – " + org.Name, await client.GetTextAsync("/"), StringComparison.Ordinal);
        await AccountSteps.LogoutAsync(client);

        var again = await SignInWithRecoveryCodeAsync(client, user, codes[0]);
        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        Assert.Contains("Koden er forkert eller allerede brugt.", await again.TextAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, (await client.GetAsync("/")).StatusCode);

        // Another code still works, typed the way people type: lower case, no dash.
        var typed = codes[1].Replace("-", "", StringComparison.Ordinal).ToLowerInvariant();
        var other = await StabsrumFactory.PostFormAsync(client, RecoveryStep, new Dictionary<string, string> { ["RecoveryCode"] = typed });
        Assert.Equal(HttpStatusCode.Redirect, other.StatusCode);
        Assert.Contains("8 ubrugte gendannelseskoder", await client.GetTextAsync("/konto"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Remembering_the_device_skips_the_code_at_the_next_login_on_that_device_only()
    {
        var org = await app.CreateOrganisationAsync();
        var user = await app.CreateUserAsync(org, OrganisationRole.Laeser);
        var client = await app.LoginAsync(user);
        var (key, _) = await AccountSteps.EnrolAsync(client);
        await AccountSteps.LogoutAsync(client);

        var password = await AccountSteps.SubmitPasswordAsync(client, user.Email, user.Password);
        var remembered = await StabsrumFactory.PostFormAsync(client, password.Headers.Location!.OriginalString, new Dictionary<string, string>
        {
            ["Code"] = AccountSteps.CurrentCode(key),
            ["RememberMachine"] = "true",
        });
        Assert.Equal(HttpStatusCode.Redirect, remembered.StatusCode);
        await AccountSteps.LogoutAsync(client);

        var sameDevice = await AccountSteps.SubmitPasswordAsync(client, user.Email, user.Password);
        var otherDevice = await AccountSteps.SubmitPasswordAsync(app.CreateClient(new() { AllowAutoRedirect = false }), user.Email, user.Password);

        Assert.Equal("/", sameDevice.Headers.Location!.OriginalString);
        Assert.StartsWith(SecondStep, otherDevice.Headers.Location!.OriginalString, StringComparison.Ordinal);
    }

    [Fact]
    public async Task New_recovery_codes_replace_the_old_ones_and_switching_off_needs_the_password()
    {
        var org = await app.CreateOrganisationAsync();
        var user = await app.CreateUserAsync(org, OrganisationRole.Laeser);
        var client = await app.LoginAsync(user);
        var (_, oldCodes) = await AccountSteps.EnrolAsync(client);

        var renewed = await StabsrumFactory.PostFormAsync(client, AccountSteps.EnrolmentPage + "?handler=RecoveryCodes",
            new Dictionary<string, string> { ["RecoveryPassword"] = user.Password }, formPage: AccountSteps.EnrolmentPage);
        var renewedHtml = await renewed.TextAsync();
        Assert.Contains("De gamle virker ikke længere", renewedHtml, StringComparison.Ordinal);
        Assert.DoesNotContain(oldCodes[0], renewedHtml, StringComparison.Ordinal);

        var refused = await StabsrumFactory.PostFormAsync(client, AccountSteps.EnrolmentPage + "?handler=Disable",
            new Dictionary<string, string> { ["DisablePassword"] = "ikke-min-adgangskode" }, formPage: AccountSteps.EnrolmentPage);
        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        Assert.Contains("Forkert adgangskode.", await refused.TextAsync(), StringComparison.Ordinal);

        var disabled = await StabsrumFactory.PostFormAsync(client, AccountSteps.EnrolmentPage + "?handler=Disable",
            new Dictionary<string, string> { ["DisablePassword"] = user.Password }, formPage: AccountSteps.EnrolmentPage);
        Assert.Equal(HttpStatusCode.Redirect, disabled.StatusCode);
        Assert.Contains("Totrinsbekræftelse er slået fra.", await client.GetTextAsync("/konto"), StringComparison.Ordinal);
        await AccountSteps.LogoutAsync(client);
        Assert.Equal("/", (await AccountSteps.SubmitPasswordAsync(client, user.Email, user.Password)).Headers.Location!.OriginalString);
    }

    private static async Task<HttpResponseMessage> SignInWithRecoveryCodeAsync(HttpClient client, TestUser user, string code)
    {
        var password = await AccountSteps.SubmitPasswordAsync(client, user.Email, user.Password);
        Assert.StartsWith(SecondStep, password.Headers.Location!.OriginalString, StringComparison.Ordinal);
        return await StabsrumFactory.PostFormAsync(client, RecoveryStep, new Dictionary<string, string> { ["RecoveryCode"] = code });
    }
}
