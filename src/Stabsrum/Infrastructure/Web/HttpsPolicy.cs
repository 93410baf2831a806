namespace Stabsrum.Infrastructure.Web;

/// <summary>
/// Production requires HTTPS (secure cookies, HSTS, redirect). Development and test hosts serve plain HTTP
/// on loopback; behind a TLS-terminating proxy set <c>Security:RequireHttps</c> as fits.
/// </summary>
public static class HttpsPolicy
{
    public static bool RequireHttps(IConfiguration configuration, IHostEnvironment environment) =>
        configuration.GetValue<bool?>("Security:RequireHttps") ?? !environment.IsDevelopment();

    public static CookieSecurePolicy CookiePolicy(IConfiguration configuration, IHostEnvironment environment) =>
        RequireHttps(configuration, environment) ? CookieSecurePolicy.Always : CookieSecurePolicy.SameAsRequest;
}
