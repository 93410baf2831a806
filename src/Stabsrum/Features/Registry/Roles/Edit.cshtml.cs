using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Stabsrum.Infrastructure.Database;
using Stabsrum.Infrastructure.Problems;
using Stabsrum.Infrastructure.Security;

namespace Stabsrum.Features.Registry.Roles;

[Authorize(Policy = Policies.MaintainRegistry)]
public sealed class EditModel(StabsrumDbContext db, CatalogueChanges changes) : CatalogueEditPage<EditModel.RoleForm>("/beredskab/roller")
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

    protected override string SavedMessage => $"Rollen {Input.Name?.Trim()} er gemt.";

    protected override string DeletedMessage => "Rollen er slettet.";

    protected override async Task<RoleForm?> LoadAsync(Guid id, CancellationToken ct) =>
        await db.StaffRoles.AsNoTracking().SingleOrDefaultAsync(r => r.Id == id, ct) is { } role
            ? new RoleForm { Name = role.Name, Purpose = role.Purpose, DutiesBefore = role.DutiesBefore, DutiesDuring = role.DutiesDuring, DutiesAfter = role.DutiesAfter, Source = role.Source, SortOrder = role.SortOrder }
            : null;

    protected override async Task<ValidationErrors> CreateAsync(CancellationToken ct) => (await changes.CreateRoleAsync(ToInput(), ct)).Errors;

    protected override Task<ValidationErrors?> UpdateAsync(Guid id, CancellationToken ct) => changes.UpdateRoleAsync(id, ToInput(), ct);

    protected override Task<ValidationErrors?> DeleteAsync(Guid id, CancellationToken ct) => changes.DeleteRoleAsync(id, ct);

    private StaffRoleInput ToInput() =>
        new(null, Input.Name, Input.Purpose, Input.DutiesBefore, Input.DutiesDuring, Input.DutiesAfter, Input.Source, Input.SortOrder);
}
