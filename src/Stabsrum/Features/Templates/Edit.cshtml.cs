using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Stabsrum.Infrastructure.Database;
using Stabsrum.Infrastructure.Security;

namespace Stabsrum.Features.Templates;

[Authorize(Policy = Policies.MaintainRegistry)]
public sealed class EditModel(StabsrumDbContext db, TemplateChanges changes) : PageModel
{
    [BindProperty]
    public TemplateForm Input { get; set; } = new();

    [FromRoute]
    public Guid Id { get; set; }

    [TempData]
    public string? Message { get; set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        var template = await db.DocumentTemplates.AsNoTracking().SingleOrDefaultAsync(t => t.Id == Id, ct);
        if (template is null)
        {
            return NotFound();
        }

        Input = new TemplateForm { Name = template.Name, Kind = template.Kind, Body = template.Body };
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var (template, errors) = await changes.UpdateAsync(Id, Input.ToInput(), ct);
        if (template is not null)
        {
            Message = "Skabelonen er gemt.";
            return Redirect($"/beredskab/skabeloner/{Id}");
        }

        if (!errors.Any)
        {
            return NotFound();
        }

        errors.CopyTo(ModelState, nameof(Input));
        return Page();
    }

    public async Task<IActionResult> OnPostDeleteAsync(CancellationToken ct)
    {
        if (!await changes.DeleteAsync(Id, ct))
        {
            return NotFound();
        }

        Message = "Skabelonen er slettet.";
        return Redirect("/beredskab/skabeloner");
    }
}
