using Microsoft.EntityFrameworkCore;
using Stabsrum.Infrastructure.Database;
using Stabsrum.Infrastructure.Security;

namespace Stabsrum.Infrastructure.Tenancy;

/// <summary>
/// Resolves the current organisation for a signed-in caller from a verified membership: the token's
/// organisation for the API, the organisation chosen in the switcher (a cookie) for pages.
/// A choice the user is not a member of is ignored, never trusted.
/// </summary>
public sealed class OrganisationContextMiddleware(RequestDelegate next)
{
    public const string CookieName = "Stabsrum.Org";
    public const string TwoFactorSetupPath = "/konto/totrinsbekraeftelse";

    public async Task InvokeAsync(HttpContext context, CurrentOrganisation current, StabsrumDbContext db)
    {
        if (context.User.Identity?.IsAuthenticated == true && context.User.UserId() is { } userId)
        {
            current.SetUser(userId, context.User.Identity.Name);
            var requested = RequestedOrganisation(context);
            var memberships = await db.Memberships.IgnoreQueryFilters().AsNoTracking()
                .Where(m => m.UserId == userId)
                .Select(m => new { m.OrganisationId, m.Role, OrganisationName = m.Organisation!.Name, m.Organisation.RequireTwoFactor })
                .ToListAsync(context.RequestAborted);
            var chosen = memberships.FirstOrDefault(m => m.OrganisationId == requested)
                ?? (context.User.Identity.AuthenticationType == BearerTokenHandler.SchemeName ? null : memberships.MinBy(m => m.OrganisationName, StringComparer.Ordinal));

            if (chosen is not null)
            {
                var twoFactorMissing = chosen.RequireTwoFactor && !await db.Users.AsNoTracking()
                    .Where(u => u.Id == userId).Select(u => u.TwoFactorEnabled).SingleOrDefaultAsync(context.RequestAborted);
                if (twoFactorMissing && !AuthSetup.IsApi(context.Request))
                {
                    // The organisation demands 2FA: until enrolled, the user may only reach their own account pages.
                    if (!context.Request.Path.StartsWithSegments("/konto"))
                    {
                        context.Response.Redirect(TwoFactorSetupPath + "?kraevet=1");
                        return;
                    }
                }
                else if (!twoFactorMissing)
                {
                    current.Enter(chosen.OrganisationId, chosen.Role);
                }
            }
        }

        await next(context);
    }

    /// <summary>Remembers the user's choice of organisation; it is re-verified on every request.</summary>
    public static void Choose(HttpContext context, Guid organisationId) =>
        context.Response.Cookies.Append(CookieName, organisationId.ToString(), new CookieOptions
        {
            HttpOnly = true,
            SameSite = SameSiteMode.Lax,
            Secure = context.Request.IsHttps,
            IsEssential = true,
            MaxAge = TimeSpan.FromDays(30),
        });

    private static Guid? RequestedOrganisation(HttpContext context)
    {
        var raw = context.User.FindFirst(BearerTokenHandler.OrganisationClaim)?.Value ?? context.Request.Cookies[CookieName];
        return Guid.TryParse(raw, out var id) ? id : null;
    }
}
