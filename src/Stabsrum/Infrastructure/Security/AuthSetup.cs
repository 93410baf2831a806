using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Stabsrum.Features.Account;
using Stabsrum.Infrastructure.Database;
using Stabsrum.Infrastructure.Tenancy;
using Stabsrum.Infrastructure.Web;

namespace Stabsrum.Infrastructure.Security;

public static class AuthSetup
{
    private const string SelectorScheme = "Stabsrum";

    /// <summary>
    /// Pages use Identity's cookie; <c>/api</c> uses personal access tokens only. Keeping the API off the
    /// cookie means a page in another tab can never make the browser call the API on the user's behalf (CSRF).
    /// </summary>
    public static WebApplicationBuilder AddStabsrumAuth(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddScoped<CurrentOrganisation>();
        services.AddScoped<PersonalAccessTokenService>();

        services.AddAuthentication(o =>
            {
                o.DefaultScheme = SelectorScheme;
                o.DefaultChallengeScheme = SelectorScheme;
                o.DefaultForbidScheme = SelectorScheme;
            })
            .AddPolicyScheme(SelectorScheme, "Cookie or bearer", o =>
                o.ForwardDefaultSelector = ctx => IsApi(ctx.Request) ? BearerTokenHandler.SchemeName : IdentityConstants.ApplicationScheme)
            .AddScheme<AuthenticationSchemeOptions, BearerTokenHandler>(BearerTokenHandler.SchemeName, null)
            .AddIdentityCookies(cookies => cookies.ApplicationCookie!.Configure(o =>
            {
                o.LoginPath = "/konto/log-ind";
                o.LogoutPath = "/konto/log-ud";
                o.AccessDeniedPath = "/konto/ingen-adgang";
                o.Cookie.Name = "Stabsrum.Auth";
                o.Cookie.HttpOnly = true;
                o.Cookie.SameSite = SameSiteMode.Lax;
                o.Cookie.SecurePolicy = HttpsPolicy.CookiePolicy(builder.Configuration, builder.Environment);
                o.ExpireTimeSpan = TimeSpan.FromHours(12);
                o.SlidingExpiration = true;
            }));

        services.AddIdentityCore<StabsrumUser>(o =>
            {
                o.User.RequireUniqueEmail = true;
                // Length over composition rules (NIST SP 800-63B, Digitaliseringsstyrelsen's guidance).
                o.Password.RequiredLength = 12;
                o.Password.RequiredUniqueChars = 4;
                o.Password.RequireDigit = false;
                o.Password.RequireLowercase = false;
                o.Password.RequireUppercase = false;
                o.Password.RequireNonAlphanumeric = false;
                o.Lockout.AllowedForNewUsers = true;
                o.Lockout.MaxFailedAccessAttempts = 5;
                o.Lockout.DefaultLockoutTimeSpan = TimeSpan.FromMinutes(15);
                o.SignIn.RequireConfirmedAccount = false;
            })
            .AddEntityFrameworkStores<StabsrumDbContext>()
            .AddSignInManager()
            .AddDefaultTokenProviders()
            .AddErrorDescriber<DanishIdentityErrorDescriber>();

        services.AddScoped<IAuthorizationHandler, PermissionHandler>();
        services.AddAuthorizationBuilder()
            .AddPolicy(Policies.SignedIn, p => p.RequireAuthenticatedUser())
            .AddPolicy(Policies.Read, p => p.RequireAuthenticatedUser().AddRequirements(new PermissionRequirement(Permission.Read)))
            .AddPolicy(Policies.OperateIncidents, p => p.RequireAuthenticatedUser().AddRequirements(new PermissionRequirement(Permission.OperateIncidents)))
            .AddPolicy(Policies.MaintainRegistry, p => p.RequireAuthenticatedUser().AddRequirements(new PermissionRequirement(Permission.MaintainRegistry)))
            .AddPolicy(Policies.Administer, p => p.RequireAuthenticatedUser().AddRequirements(new PermissionRequirement(Permission.Administer)))
            // Anything that forgets to declare a policy still needs a member of the current organisation.
            .SetFallbackPolicy(new AuthorizationPolicyBuilder().RequireAuthenticatedUser().AddRequirements(new PermissionRequirement(Permission.Read)).Build());

        return builder;
    }

    public static bool IsApi(HttpRequest request) => request.Path.StartsWithSegments("/api");
}
