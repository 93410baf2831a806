using System.Net;
using System.Text.RegularExpressions;
using Stabsrum.Tests.Infrastructure;

namespace Stabsrum.Tests.Account;

/// <summary>What a user does on the account pages, step by step, through HTTP as a browser would.</summary>
public static partial class AccountSteps
{
    public const string EnrolmentPage = "/konto/totrinsbekraeftelse";

    /// <summary>Razor encodes æ, ø and å as character references; tests read the text as a user sees it.</summary>
    public static async Task<string> TextAsync(this HttpResponseMessage response) =>
        WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());

    /// <summary>The path a redirect points to, whether the app wrote it relative or absolute.</summary>
    public static string RedirectPath(this HttpResponseMessage response)
    {
        var location = response.Headers.Location ?? throw new InvalidOperationException($"{(int)response.StatusCode} is not a redirect.");
        return location.IsAbsoluteUri ? location.AbsolutePath : location.OriginalString.Split('?')[0];
    }

    public static async Task<string> GetTextAsync(this HttpClient client, string url)
    {
        var response = await client.GetAsync(url);
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"GET {url}: {(int)response.StatusCode} {response.Headers.Location}");
        return await response.TextAsync();
    }

    /// <summary>The password step on the login page, on a client that keeps cookies and does not follow redirects.</summary>
    public static Task<HttpResponseMessage> SubmitPasswordAsync(HttpClient client, string email, string password) =>
        StabsrumFactory.PostFormAsync(client, "/konto/log-ind", new Dictionary<string, string>
        {
            ["Input.Email"] = email,
            ["Input.Password"] = password,
        });

    public static async Task LogoutAsync(HttpClient client)
    {
        var response = await StabsrumFactory.PostFormAsync(client, "/konto/log-ud", new Dictionary<string, string>(), formPage: "/konto");
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await client.GetAsync("/konto")).StatusCode);
    }

    /// <summary>Reads the key off the enrolment page the way a user types it into an app.</summary>
    public static async Task<string> ReadAuthenticatorKeyAsync(HttpClient client)
    {
        var html = await client.GetTextAsync(EnrolmentPage);
        var match = AuthenticatorKey().Match(html);
        Assert.True(match.Success, "The enrolment page shows no authenticator key.");
        return match.Groups[1].Value;
    }

    public static Task<HttpResponseMessage> SubmitEnrolmentCodeAsync(HttpClient client, string code) =>
        StabsrumFactory.PostFormAsync(client, EnrolmentPage + "?handler=Enable", new Dictionary<string, string> { ["Code"] = code }, formPage: EnrolmentPage);

    /// <summary>Enrols the signed-in user in two-step verification; returns the key and the recovery codes shown once.</summary>
    public static async Task<(string Key, IReadOnlyList<string> RecoveryCodes)> EnrolAsync(HttpClient client)
    {
        var key = await ReadAuthenticatorKeyAsync(client);
        var response = await SubmitEnrolmentCodeAsync(client, CurrentCode(key));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = await response.TextAsync();
        Assert.Contains("Totrinsbekræftelse er slået til.", html, StringComparison.Ordinal);
        var codes = RecoveryCode().Matches(html).Select(m => m.Groups[1].Value).ToList();
        Assert.Equal(10, codes.Count);
        return (key, codes);
    }

    /// <summary>
    /// Identity checks authenticator codes against the system clock (DateTimeOffset.UtcNow), not the app's
    /// TimeProvider, and accepts two 30-second steps either side. So the test's "phone" uses the real clock
    /// too; the factory's fake Clock starts at real now but does not move, and must not be used here.
    /// </summary>
    public static string CurrentCode(string key) => Totp.Code(key, DateTimeOffset.UtcNow);

    /// <summary>A code that is wrong for every step Identity would accept around now.</summary>
    public static string WrongCode(string key)
    {
        var step = DateTimeOffset.UtcNow.ToUnixTimeSeconds() / 30;
        var nearby = Enumerable.Range(-4, 9).Select(i => Totp.CodeForStep(key, step + i)).ToHashSet();
        return Enumerable.Range(0, 20).Select(i => ((i * 111_111) + 123_456) % 1_000_000)
            .Select(n => n.ToString("D6", System.Globalization.CultureInfo.InvariantCulture))
            .First(c => !nearby.Contains(c));
    }

    [GeneratedRegex("id=\"authenticator-key\">([a-z2-7 ]+)<")]
    private static partial Regex AuthenticatorKey();

    [GeneratedRegex("<li><code class=\"secret\">([A-Z0-9]{5}-[A-Z0-9]{5})</code></li>")]
    private static partial Regex RecoveryCode();
}
