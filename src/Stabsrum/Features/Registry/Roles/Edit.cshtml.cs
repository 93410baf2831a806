using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Stabsrum.Infrastructure.Database;
using Stabsrum.Infrastructure.Problems;
using Stabsrum.Infrastructure.Security;

namespace Stabsrum.Features.Registry.Roles;

[Authorize(Policy = Policies.MaintainRegistry)]
public sealed class EditModel(StabsrumDbContext db, CatalogueChanges changes) : PageModel
{
    public sealed class RoleForm
    {
        public string? Name { get; set; }

        public string? Purpose { get; set; }

        public string? DutiesBefore { get; set; }

        public string? DutiesDuring { get; set; }

        public string? DutiesAfter { get; set; }

        public string? Source { get; set; }

        public int? SortOrder { get; set; }
    }

    [BindProperty]
    public RoleForm Input { get; set; } = new();

    [FromRoute]
    public Guid? Id { get; set; }

    public bool IsNew => Id is null;

    [TempData]
    public string? Message { get; set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (Id is { } id)
        {
            var role = await db.StaffRoles.AsNoTracking().SingleOrDefaultAsync(r => r.Id == id, ct);
            if (role is null)
            {
                return NotFound();
            }

            Input = new RoleForm { Name = role.Name, Purpose = role.Purpose, DutiesBefore = role.DutiesBefore, DutiesDuring = role.DutiesDuring, DutiesAfter = role.DutiesAfter, Source = role.Source, SortOrder = role.SortOrder };
        }

        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var input = new StaffRoleInput(null, Input.Name, Input.Purpose, Input.DutiesBefore, Input.DutiesDuring, Input.DutiesAfter, Input.Source, Input.SortOrder);
        ValidationErrors? errors;
        if (Id is { } id)
        {
            errors = await changes.UpdateRoleAsync(id, input, ct);
            if (errors is null)
            {
                return NotFound();
            }
        }
        else
        {
            (_, _, errors) = await changes.CreateRoleAsync(input, ct);
        }

        if (!errors.Any)
        {
            Message = $"Rollen {Input.Name?.Trim()} er gemt.";
            return Redirect("/beredskab/roller");
        }

        errors.CopyTo(ModelState, nameof(Input));
        return Page();
    }

    public async Task<IActionResult> OnPostDeleteAsync(CancellationToken ct)
    {
        var errors = Id is { } id ? await changes.DeleteRoleAsync(id, ct) : null;
        if (errors is null)
        {
            return NotFound();
        }

        if (errors.Any)
        {
            errors.CopyTo(ModelState);
            return await OnGetAsync(ct);
        }

        Message = "Rollen er slettet.";
        return Redirect("/beredskab/roller");
    }
}
