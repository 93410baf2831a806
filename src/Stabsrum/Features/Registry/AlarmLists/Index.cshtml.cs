using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Stabsrum.Infrastructure.Database;
using Stabsrum.Infrastructure.Security;
using Stabsrum.Infrastructure.Tenancy;

namespace Stabsrum.Features.Registry.AlarmLists;

[Authorize(Policy = Policies.Read)]
public sealed class IndexModel(StabsrumDbContext db, AlarmListChanges changes, CurrentOrganisation current) : PageModel
{
    public sealed class NewListForm
    {
        public string? Name { get; set; }

        public string? Purpose { get; set; }

        public AlarmMode? Mode { get; set; }
    }

    [BindProperty]
    public NewListForm Input { get; set; } = new();

    public IReadOnlyList<AlarmList> Lists { get; private set; } = [];

    public bool CanMaintain => current.Can(Permission.MaintainRegistry);

    [TempData]
    public string? Message { get; set; }

    public async Task OnGetAsync(CancellationToken ct) => await LoadAsync(ct);

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (!CanMaintain)
        {
            return Forbid();
        }

        var (list, _, errors) = await changes.CreateAsync(new AlarmListInput(null, Input.Name, Input.Purpose, Input.Mode, []), ct);
        if (list is not null)
        {
            Message = $"Listen {list.Name} er oprettet. Tilføj personer og roller.";
            return Redirect($"/beredskab/alarmeringslister/{list.Id}");
        }

        errors.CopyTo(ModelState, nameof(Input));
        await LoadAsync(ct);
        return Page();
    }

    private async Task LoadAsync(CancellationToken ct) =>
        Lists = await db.AlarmLists.AsNoTracking().Include(l => l.Entries).ThenInclude(e => e.Person).Include(l => l.Entries).ThenInclude(e => e.Role)
            .OrderBy(l => l.SortOrder).ThenBy(l => l.Name).ToListAsync(ct);
}
