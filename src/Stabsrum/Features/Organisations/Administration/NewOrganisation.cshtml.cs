using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Stabsrum.Infrastructure.Security;
using Stabsrum.Infrastructure.Tenancy;

namespace Stabsrum.Features.Organisations.Administration;

[Authorize(Policy = Policies.Administer)]
public sealed class NewOrganisationModel(OrganisationChanges changes) : PageModel
{
    [BindProperty]
    public string? Name { get; set; }

    [BindProperty]
    public OrganisationKind Kind { get; set; } = OrganisationKind.Kommune;

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var (created, errors) = await changes.CreateOrganisationAsync(Name, Kind, User.UserId()!.Value, ct);
        if (created is null)
        {
            errors.CopyTo(ModelState);
            return Page();
        }

        // Switch straight into the new organisation.
        OrganisationContextMiddleware.Choose(HttpContext, created.Id);
        return Redirect("/administration");
    }
}
