using System.Net;
using Microsoft.EntityFrameworkCore;
using Stabsrum.Infrastructure.Tenancy;
using Stabsrum.Tests.Infrastructure;

namespace Stabsrum.Tests.Account;

public sealed class LoginTests(StabsrumFactory app) : IClassFixture<StabsrumFactory>
{
    private const string LockedOut = "Kontoen er midlertidigt spærret efter for mange forkerte forsøg.";

    [Fact]
    public async Task Five_wrong_passwords_lock_the_account_so_even_the_right_one_is_refused()
    {
        var org = await app.CreateOrganisationAsync();
        var user = await app.CreateUserAsync(org, OrganisationRole.Laeser);
        var client = app.CreateClient(new() { AllowAutoRedirect = false });

        for (var attempt = 1; attempt <= 5; attempt++)
        {
            var wrong = await AccountSteps.SubmitPasswordAsync(client, user.Email, $"forkert-adgangskode-{attempt}");
            Assert.Equal(HttpStatusCode.OK, wrong.StatusCode);
        }

        var right = await AccountSteps.SubmitPasswordAsync(client, user.Email, user.Password);

        Assert.Equal(HttpStatusCode.OK, right.StatusCode);
        Assert.Contains(LockedOut, await right.TextAsync(), StringComparison.Ordinal);
        Assert.False(right.Headers.TryGetValues("Set-Cookie", out var cookies) && cookies.Any(c => c.StartsWith("Stabsrum.Auth=", StringComparison.Ordinal)));
        // Identity stamps lockouts with the system clock, not the app's TimeProvider.
        var lockoutEnd = await app.WithDbAsync(null, (db, _) => db.Users.Where(u => u.Id == user.Id).Select(u => u.LockoutEnd).SingleAsync());
        Assert.NotNull(lockoutEnd);
        Assert.InRange(lockoutEnd.Value, DateTimeOffset.UtcNow.AddMinutes(14), DateTimeOffset.UtcNow.AddMinutes(16));
    }

    [Fact]
    public async Task Four_wrong_passwords_do_not_lock_and_a_right_one_resets_the_count()
    {
        var org = await app.CreateOrganisationAsync();
        var user = await app.CreateUserAsync(org, OrganisationRole.Laeser);
        var client = app.CreateClient(new() { AllowAutoRedirect = false, HandleCookies = true });

        for (var attempt = 1; attempt <= 4; attempt++)
        {
            var wrong = await AccountSteps.SubmitPasswordAsync(client, user.Email, $"forkert-adgangskode-{attempt}");
            Assert.Contains("Forkert e-mail eller adgangskode.", await wrong.TextAsync(), StringComparison.Ordinal);
        }

        var right = await AccountSteps.SubmitPasswordAsync(client, user.Email, user.Password);

        Assert.Equal(HttpStatusCode.Redirect, right.StatusCode);
        var stored = await app.WithDbAsync(null, (db, _) => db.Users.AsNoTracking().SingleAsync(u => u.Id == user.Id));
        Assert.Equal(0, stored.AccessFailedCount);
        Assert.Null(stored.LockoutEnd);
    }
}
