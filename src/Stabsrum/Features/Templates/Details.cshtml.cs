using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Stabsrum.Infrastructure.Database;
using Stabsrum.Infrastructure.Security;
using Stabsrum.Infrastructure.Tenancy;

namespace Stabsrum.Features.Templates;

[Authorize(Policy = Policies.Read)]
public sealed class DetailsModel(StabsrumDbContext db, CurrentOrganisation current, TemplateChanges changes) : PageModel
{
    public DocumentTemplate Template { get; private set; } = null!;

    public RenderedTemplate Rendered { get; private set; } = null!;

    public bool CanMaintain => current.Can(Permission.MaintainRegistry);

    [TempData]
    public string? Message { get; set; }

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct)
    {
        var template = await db.DocumentTemplates.AsNoTracking().SingleOrDefaultAsync(t => t.Id == id, ct);
        if (template is null)
        {
            return NotFound();
        }

        Template = template;
        Rendered = TemplateRenderer.Render(template.Body, await changes.SampleValuesAsync(ct));
        return Page();
    }
}
