using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Stabsrum.Infrastructure.Database;
using Stabsrum.Infrastructure.Problems;
using Stabsrum.Infrastructure.Security;

namespace Stabsrum.Features.Registry.Resources;

[Authorize(Policy = Policies.MaintainRegistry)]
public sealed class EditModel(StabsrumDbContext db, CatalogueChanges changes) : CatalogueEditPage<EditModel.ResourceForm>("/beredskab/ressourcer")
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

    protected override string SavedMessage => $"{Input.Name?.Trim()} er gemt.";

    protected override string DeletedMessage => "Ressourcen er slettet.";

    protected override async Task<ResourceForm?> LoadAsync(Guid id, CancellationToken ct) =>
        await db.TacticalResources.AsNoTracking().SingleOrDefaultAsync(x => x.Id == id, ct) is { } r
            ? new ResourceForm
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
            }
            : null;

    protected override async Task<ValidationErrors> CreateAsync(CancellationToken ct) => (await changes.CreateResourceAsync(ToInput(), ct)).Errors;

    protected override Task<ValidationErrors?> UpdateAsync(Guid id, CancellationToken ct) => changes.UpdateResourceAsync(id, ToInput(), ct);

    protected override async Task<ValidationErrors?> DeleteAsync(Guid id, CancellationToken ct) => Found(await changes.DeleteResourceAsync(id, ct));

    private TacticalResourceInput ToInput() =>
        new(null, Input.Name, Input.Category, Input.Quantity, Input.Location, Input.OwningUnit,
            Input.RequisitionContact, Input.RequisitionPhone, Input.Availability, Input.Critical, Input.Notes);
}
