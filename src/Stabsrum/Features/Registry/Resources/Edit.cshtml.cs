using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Stabsrum.Infrastructure.Database;
using Stabsrum.Infrastructure.Problems;
using Stabsrum.Infrastructure.Security;

namespace Stabsrum.Features.Registry.Resources;

[Authorize(Policy = Policies.MaintainRegistry)]
public sealed class EditModel(StabsrumDbContext db, CatalogueChanges changes) : PageModel
{
    public sealed class ResourceForm
    {
        public string? Name { get; set; }

        public string? Category { get; set; }

        public int? Quantity { get; set; } = 1;

        public string? Location { get; set; }

        public string? OwningUnit { get; set; }

        public string? RequisitionContact { get; set; }

        public string? RequisitionPhone { get; set; }

        public ResourceAvailability? Availability { get; set; }

        public bool Critical { get; set; }

        public string? Notes { get; set; }
    }

    [BindProperty]
    public ResourceForm Input { get; set; } = new();

    [FromRoute]
    public Guid? Id { get; set; }

    public bool IsNew => Id is null;

    [TempData]
    public string? Message { get; set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (Id is { } id)
        {
            var r = await db.TacticalResources.AsNoTracking().SingleOrDefaultAsync(x => x.Id == id, ct);
            if (r is null)
            {
                return NotFound();
            }

            Input = new ResourceForm
            {
                Name = r.Name,
                Category = r.Category,
                Quantity = r.Quantity,
                Location = r.Location,
                OwningUnit = r.OwningUnit,
                RequisitionContact = r.RequisitionContact,
                RequisitionPhone = PhoneNumber.Display(r.RequisitionPhone),
                Availability = r.Availability,
                Critical = r.Critical,
                Notes = r.Notes,
            };
        }

        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var input = new TacticalResourceInput(null, Input.Name, Input.Category, Input.Quantity, Input.Location, Input.OwningUnit,
            Input.RequisitionContact, Input.RequisitionPhone, Input.Availability, Input.Critical, Input.Notes);
        ValidationErrors? errors;
        if (Id is { } id)
        {
            errors = await changes.UpdateResourceAsync(id, input, ct);
            if (errors is null)
            {
                return NotFound();
            }
        }
        else
        {
            (_, _, errors) = await changes.CreateResourceAsync(input, ct);
        }

        if (!errors.Any)
        {
            Message = $"{Input.Name?.Trim()} er gemt.";
            return Redirect("/beredskab/ressourcer");
        }

        errors.CopyTo(ModelState, nameof(Input));
        return Page();
    }

    public async Task<IActionResult> OnPostDeleteAsync(CancellationToken ct)
    {
        if (Id is not { } id || !await changes.DeleteResourceAsync(id, ct))
        {
            return NotFound();
        }

        Message = "Ressourcen er slettet.";
        return Redirect("/beredskab/ressourcer");
    }
}
