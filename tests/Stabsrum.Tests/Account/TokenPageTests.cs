using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Stabsrum.Features.Account;
using Stabsrum.Infrastructure.Tenancy;
using Stabsrum.Tests.Infrastructure;

namespace Stabsrum.Tests.Account;

public sealed partial class TokenPageTests(StabsrumFactory app) : IClassFixture<StabsrumFactory>
{
    private const string Page = "/konto/adgangsnoegler";

    [Fact]
    public async Task A_token_created_on_the_page_is_shown_once_works_for_the_API_and_stops_working_when_revoked()
    {
        var org = await app.CreateOrganisationAsync();
        var user = await app.CreateUserAsync(org, OrganisationRole.Stabsmedlem);
        var client = await app.LoginAsync(user, org);

        var created = await CreateAsync(client, "Import fra vagtplan", "30");
        var token = NewToken().Match(created).Groups[1].Value;
        Assert.StartsWith("stb_", token, StringComparison.Ordinal);
        Assert.Contains("Den vises kun denne ene gang", created, StringComparison.Ordinal);

        var later = await client.GetTextAsync(Page);
        Assert.DoesNotContain(token, later, StringComparison.Ordinal);
        Assert.Contains(token[..12], later, StringComparison.Ordinal);
        Assert.Contains("Import fra vagtplan", later, StringComparison.Ordinal);

        var me = await CallMeAsync(token);
        Assert.Equal(HttpStatusCode.OK, me.StatusCode);
        Assert.Equal(user.Id, (await me.Content.ReadFromJsonAsync<AccountApi.MeDto>())!.Id);

        var id = RevokeButton().Match(later).Groups[1].Value;
        var revoked = await StabsrumFactory.PostFormAsync(client, $"{Page}?handler=Revoke&id={id}", new Dictionary<string, string>(), formPage: Page);
        Assert.Equal(HttpStatusCode.Redirect, revoked.StatusCode);
        var afterRevoke = await client.GetTextAsync(Page);
        Assert.Contains("\"Import fra vagtplan\" er tilbagekaldt", afterRevoke, StringComparison.Ordinal);
        Assert.Contains("<td>Tilbagekaldt</td>", afterRevoke, StringComparison.Ordinal);

        await AssertRefusedAsync(await CallMeAsync(token), "Adgangsnøglen er tilbagekaldt.");
    }

    [Fact]
    public async Task An_expired_token_and_a_made_up_token_are_refused_with_a_Danish_problem()
    {
        var org = await app.CreateOrganisationAsync();
        var user = await app.CreateUserAsync(org, OrganisationRole.Laeser);
        var client = await app.LoginAsync(user, org);
        var token = NewToken().Match(await CreateAsync(client, "Kortlivet", "1")).Groups[1].Value;
        Assert.Equal(HttpStatusCode.OK, (await CallMeAsync(token)).StatusCode);

        app.Clock.Advance(TimeSpan.FromDays(1) + TimeSpan.FromMinutes(1));

        var expired = await CallMeAsync(token);
        await AssertRefusedAsync(expired, "udløbet");
        await AssertRefusedAsync(await CallMeAsync("stb_" + new string('x', 43)), "Adgangsnøglen er ugyldig.");
        await AssertRefusedAsync(await CallMeAsync("noget-helt-andet"), "Adgangsnøglen er ugyldig.");
    }

    [Fact]
    public async Task The_database_keeps_only_the_hash_of_a_token()
    {
        var org = await app.CreateOrganisationAsync();
        var user = await app.CreateUserAsync(org, OrganisationRole.Laeser);
        var client = await app.LoginAsync(user, org);
        var token = NewToken().Match(await CreateAsync(client, "Hash-kontrol", "90")).Groups[1].Value;

        var (tokenRows, auditRows) = await app.WithDbAsync(null, async (db, _) =>
            (await AllTextAsync(db, "PersonalAccessTokens"), await AllTextAsync(db, "AuditTrail")));

        Assert.Contains(PersonalAccessTokenService.Hash(token), tokenRows, StringComparison.Ordinal);
        Assert.DoesNotContain(token, tokenRows, StringComparison.Ordinal);
        Assert.DoesNotContain(token, auditRows, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("", "90", "Giv nøglen et navn")]
    [InlineData("Nøgle", "0", "mellem 1 og 366")]
    [InlineData("Nøgle", "367", "mellem 1 og 366")]
    [InlineData("Nøgle", "mange", "mellem 1 og 366")]
    public async Task Invalid_input_is_refused_next_to_the_field_and_creates_nothing(string name, string days, string message)
    {
        var org = await app.CreateOrganisationAsync();
        var user = await app.CreateUserAsync(org, OrganisationRole.Laeser);
        var client = await app.LoginAsync(user, org);

        var html = await CreateAsync(client, name, days);

        Assert.Contains(message, html, StringComparison.Ordinal);
        Assert.DoesNotMatch(NewToken(), html);
        Assert.Equal(0, await app.WithDbAsync(org.Id, (db, _) => db.PersonalAccessTokens.CountAsync(t => t.UserId == user.Id)));
    }

    [Fact]
    public async Task The_page_lists_only_the_users_own_tokens_in_the_current_organisation()
    {
        var org = await app.CreateOrganisationAsync();
        var other = await app.CreateOrganisationAsync();
        var user = await app.CreateUserAsync(org, OrganisationRole.Laeser);
        var colleague = await app.CreateUserAsync(org, OrganisationRole.Laeser);
        await app.AddMembershipAsync(other, user, OrganisationRole.Laeser);
        var mine = await app.IssueTokenAsync(user, org);
        var elsewhere = await app.IssueTokenAsync(user, other);
        var theirs = await app.IssueTokenAsync(colleague, org);
        var client = await app.LoginAsync(user, org);

        var html = await client.GetTextAsync(Page);

        Assert.Contains(mine[..12], html, StringComparison.Ordinal);
        Assert.DoesNotContain(elsewhere[..12], html, StringComparison.Ordinal);
        Assert.DoesNotContain(theirs[..12], html, StringComparison.Ordinal);
    }

    private static async Task<string> CreateAsync(HttpClient client, string name, string days)
    {
        var response = await StabsrumFactory.PostFormAsync(client, Page + "?handler=Create", new Dictionary<string, string>
        {
            ["Input.Name"] = name,
            ["Input.LifetimeDays"] = days,
        }, formPage: Page);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.TextAsync();
    }

    private async Task<HttpResponseMessage> CallMeAsync(string token)
    {
        using var api = app.CreateClient(new() { AllowAutoRedirect = false });
        api.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return await api.GetAsync("/api/v1/me");
    }

    private static async Task AssertRefusedAsync(HttpResponseMessage response, string detail)
    {
        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = await response.Content.ReadFromJsonAsync<ProblemDetails>();
        Assert.Equal(401, problem!.Status);
        Assert.Contains(detail, problem.Detail, StringComparison.Ordinal);
    }

    /// <summary>Every column of every row as text, read with plain SQL so no mapping can hide anything.</summary>
    private static async Task<string> AllTextAsync(Stabsrum.Infrastructure.Database.StabsrumDbContext db, string table)
    {
        var connection = db.Database.GetDbConnection();
        await db.Database.OpenConnectionAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = $"SELECT * FROM \"{table}\"";
        await using var reader = await command.ExecuteReaderAsync();
        var text = new System.Text.StringBuilder();
        while (await reader.ReadAsync())
        {
            for (var i = 0; i < reader.FieldCount; i++)
            {
                text.Append(Convert.ToString(reader.GetValue(i), System.Globalization.CultureInfo.InvariantCulture)).Append('|');
            }
        }

        return text.ToString();
    }

    [GeneratedRegex("id=\"new-token\">(stb_[A-Za-z0-9_-]+)<")]
    private static partial Regex NewToken();

    [GeneratedRegex("id=([0-9a-f-]{36})&handler=Revoke")]
    private static partial Regex RevokeButton();
}
