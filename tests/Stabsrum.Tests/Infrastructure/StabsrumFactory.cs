using System.Net.Http.Headers;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Time.Testing;
using Stabsrum.Features.Account;
using Stabsrum.Features.Organisations;
using Stabsrum.Infrastructure.Database;
using Stabsrum.Infrastructure.Tenancy;

namespace Stabsrum.Tests.Infrastructure;

public sealed record TestUser(Guid Id, string Email, string Password);

public sealed record TestOrganisation(Guid Id, string Name);

/// <summary>
/// The real application on a fresh database of the configured engine, one per test class.
/// Tests stay independent by creating their own organisation and users through the helpers below.
/// </summary>
public class StabsrumFactory : WebApplicationFactory<Program>, IAsyncLifetime
{
    public const string Password = "Korrekt-hest-batteri-42";

    public TestDatabase Database { get; private set; } = null!;

    /// <summary>Starts at the real time so that cookie and TOTP checks that read the system clock agree with it.</summary>
    public FakeTimeProvider Clock { get; } = new(DateTimeOffset.UtcNow);

    public async Task InitializeAsync()
    {
        Database = await TestDatabase.CreateAsync();
        _ = Services; // start the host: migrations run as in production
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Testing");
        builder.UseSetting("Database:Provider", Database.Provider.ToString());
        builder.UseSetting("Database:ConnectionString", Database.ConnectionString);
        builder.UseSetting("Demo:Enabled", "false");
        builder.UseSetting("Security:RequireHttps", "false");
        builder.UseSetting("DataProtection:KeysPath", Path.Combine(Path.GetTempPath(), "stabsrum-test-keys"));
        builder.ConfigureServices(services =>
        {
            services.RemoveAll<TimeProvider>();
            services.AddSingleton<TimeProvider>(Clock);
            ConfigureTestServices(services);
        });
    }

    /// <summary>Lets a derived factory swap a service (a fake gateway, a failing renderer).</summary>
    protected virtual void ConfigureTestServices(IServiceCollection services)
    {
    }

    async Task IAsyncLifetime.DisposeAsync()
    {
        await DisposeAsync();
        await Database.DisposeAsync();
    }

    /// <summary>Runs work against the database as the system acting for an organisation (or none).</summary>
    public async Task<T> WithDbAsync<T>(Guid? organisationId, Func<StabsrumDbContext, IServiceProvider, Task<T>> work)
    {
        await using var scope = Services.CreateAsyncScope();
        if (organisationId is { } org)
        {
            scope.ServiceProvider.GetRequiredService<CurrentOrganisation>().EnterAsSystem(org, "test");
        }

        return await work(scope.ServiceProvider.GetRequiredService<StabsrumDbContext>(), scope.ServiceProvider);
    }

    public Task WithDbAsync(Guid? organisationId, Func<StabsrumDbContext, IServiceProvider, Task> work) =>
        WithDbAsync<bool>(organisationId, async (db, sp) =>
        {
            await work(db, sp);
            return true;
        });

    public Task<TestOrganisation> CreateOrganisationAsync(string? name = null, OrganisationKind kind = OrganisationKind.Kommune) =>
        WithDbAsync(null, async (db, _) =>
        {
            var org = new Organisation { Name = name ?? $"Testkommune {Guid.NewGuid():N}", Kind = kind, CreatedAt = Clock.GetUtcNow() };
            db.Organisations.Add(org);
            await db.SaveChangesAsync();
            return new TestOrganisation(org.Id, org.Name);
        });

    public Task<TestUser> CreateUserAsync(TestOrganisation organisation, OrganisationRole role, string? email = null) =>
        WithDbAsync(organisation.Id, async (db, sp) =>
        {
            var users = sp.GetRequiredService<UserManager<StabsrumUser>>();
            email ??= $"{role.ToString().ToLowerInvariant()}-{Guid.NewGuid():N}@test.dk";
            var user = new StabsrumUser { UserName = email, Email = email, EmailConfirmed = true, DisplayName = $"Test {role}", CreatedAt = Clock.GetUtcNow() };
            var result = await users.CreateAsync(user, Password);
            Assert.True(result.Succeeded, string.Join(" ", result.Errors.Select(e => e.Description)));
            await AddMembershipAsync(db, organisation, user.Id, role);
            return new TestUser(user.Id, email, Password);
        });

    public Task AddMembershipAsync(TestOrganisation organisation, TestUser user, OrganisationRole role) =>
        WithDbAsync(organisation.Id, (db, _) => AddMembershipAsync(db, organisation, user.Id, role));

    private async Task AddMembershipAsync(StabsrumDbContext db, TestOrganisation organisation, Guid userId, OrganisationRole role)
    {
        db.Memberships.Add(new Membership { OrganisationId = organisation.Id, UserId = userId, Role = role, CreatedAt = Clock.GetUtcNow() });
        await db.SaveChangesAsync();
    }

    /// <summary>An API client with a fresh personal access token for the user in the organisation.</summary>
    public async Task<HttpClient> CreateApiClientAsync(TestUser user, TestOrganisation organisation, TimeSpan? lifetime = null)
    {
        var token = await IssueTokenAsync(user, organisation, lifetime);
        var client = CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return client;
    }

    public Task<string> IssueTokenAsync(TestUser user, TestOrganisation organisation, TimeSpan? lifetime = null) =>
        WithDbAsync(organisation.Id, async (_, sp) =>
        {
            sp.GetRequiredService<CurrentOrganisation>().SetUser(user.Id, user.Email);
            var issued = await sp.GetRequiredService<PersonalAccessTokenService>().IssueAsync(user.Id, organisation.Id, "test", lifetime ?? TimeSpan.FromDays(30));
            return issued.Token;
        });

    /// <summary>A browser-like client (cookies, no auto-redirect) that has logged in through the login page.</summary>
    public async Task<HttpClient> LoginAsync(TestUser user, TestOrganisation? organisation = null)
    {
        var client = CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });
        var response = await PostFormAsync(client, "/konto/log-ind", new Dictionary<string, string>
        {
            ["Input.Email"] = user.Email,
            ["Input.Password"] = user.Password,
        });
        Assert.Equal(System.Net.HttpStatusCode.Redirect, response.StatusCode);
        if (organisation is not null)
        {
            var switched = await PostFormAsync(client, "/organisation/skift", new Dictionary<string, string> { ["organisationId"] = organisation.Id.ToString() }, formPage: "/konto/log-ind");
            Assert.Equal(System.Net.HttpStatusCode.Redirect, switched.StatusCode);
        }

        return client;
    }

    /// <summary>Posts a form the way a browser does: fetch the page, take its antiforgery token, post.</summary>
    public static async Task<HttpResponseMessage> PostFormAsync(HttpClient client, string action, IDictionary<string, string> fields, string? formPage = null)
    {
        var page = await client.GetStringAsync(formPage ?? action);
        var fieldsWithToken = new Dictionary<string, string>(fields) { ["__RequestVerificationToken"] = AntiforgeryToken(page) };
        return await client.PostAsync(action, new FormUrlEncodedContent(fieldsWithToken));
    }

    public static string AntiforgeryToken(string html)
    {
        var match = AntiforgeryField().Match(html);
        Assert.True(match.Success, "The page has no antiforgery token.");
        return match.Groups[1].Value;
    }

    private static Regex AntiforgeryField() => new("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"");
}
