using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Localization;
using Stabsrum.Infrastructure.Time;

namespace Stabsrum.Infrastructure.Web;

public static class WebUiSetup
{
    public static WebApplicationBuilder AddWebUi(this WebApplicationBuilder builder)
    {
        builder.Services.AddRazorPages(o =>
        {
            // Pages live in their feature folders (Features/<Feature>/...), each with an explicit Danish route.
            // A page without [Authorize] or [AllowAnonymous] gets the fallback policy (signed in + Read in the
            // current organisation, see AuthSetup). No folder-wide [Authorize] here: ASP.NET Core combines it with
            // the page's own policy, so a SignedIn page (own account, 2FA enrolment) would also demand Read.
            o.RootDirectory = "/Features";
        });
        builder.Services.AddAntiforgery(o =>
        {
            o.Cookie.Name = "Stabsrum.Csrf";
            o.Cookie.SecurePolicy = HttpsPolicy.CookiePolicy(builder.Configuration, builder.Environment);
            o.HeaderName = "X-CSRF-TOKEN";
        });
        builder.Services.Configure<RequestLocalizationOptions>(o =>
        {
            o.DefaultRequestCulture = new RequestCulture(DanishTime.Culture);
            o.SupportedCultures = [DanishTime.Culture];
            o.SupportedUICultures = [DanishTime.Culture];
            o.RequestCultureProviders.Clear();
        });
        builder.Services.AddHsts(o => o.MaxAge = TimeSpan.FromDays(365));
        builder.Services.AddScoped<Shell>();

        // Keys that protect cookies and antiforgery tokens survive restarts, so nobody is logged out by an upgrade.
        var keys = builder.Configuration["DataProtection:KeysPath"] ?? Path.Combine(builder.Environment.ContentRootPath, "data", "keys");
        builder.Services.AddDataProtection().SetApplicationName("Stabsrum").PersistKeysToFileSystem(new DirectoryInfo(keys));
        return builder;
    }
}
