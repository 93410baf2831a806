using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Stabsrum.Infrastructure.Database;
using Stabsrum.Infrastructure.Security;
using Stabsrum.Infrastructure.Tenancy;

namespace Stabsrum.Features.Organisations;

/// <summary>The organisation switcher. The choice is stored in a cookie and re-verified against memberships on every request.</summary>
[Authorize(Policy = Policies.SignedIn)]
public sealed class SwitchModel(StabsrumDbContext db) : PageModel
{
    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync(Guid organisationId, string? returnUrl, CancellationToken ct)
    {
        var userId = User.UserId();
        var isMember = await db.Memberships.IgnoreQueryFilters().AnyAsync(m => m.UserId == userId && m.OrganisationId == organisationId, ct);
        if (!isMember)
        {
            return Forbid();
        }

        OrganisationContextMiddleware.Choose(HttpContext, organisationId);
        return LocalRedirect(!string.IsNullOrEmpty(returnUrl) && Url.IsLocalUrl(returnUrl) && !returnUrl.StartsWith("/administration", StringComparison.Ordinal) ? returnUrl : "/");
    }
}
