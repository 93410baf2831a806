using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Stabsrum.Infrastructure.Database;
using Stabsrum.Infrastructure.Security;
using Stabsrum.Infrastructure.Tenancy;

namespace Stabsrum.Features.Registry.AlarmLists;

/// <summary>One alarm list: its lines, edits to them (each edit saves the whole list) and the computed call sequence.</summary>
[Authorize(Policy = Policies.Read)]
public sealed class DetailModel(StabsrumDbContext db, AlarmListChanges changes, CurrentOrganisation current) : PageModel
{
    [FromRoute]
    public Guid Id { get; set; }

    public AlarmList List { get; private set; } = null!;

    public ContactPlan Plan { get; private set; } = null!;

    public IReadOnlyList<NamedRef> Persons { get; private set; } = [];

    public IReadOnlyList<NamedRef> Roles { get; private set; } = [];

    public bool CanMaintain => current.Can(Permission.MaintainRegistry);

    [TempData]
    public string? Message { get; set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct) => await LoadAsync(ct) ? Page() : NotFound();

    public Task<IActionResult> OnPostAddAsync(Guid? personId, Guid? roleId, int? quorum, CancellationToken ct) =>
        EditAsync(entries => entries.Add(new AlarmEntryInput(personId, personId is null ? roleId : null, quorum ?? 1)), "Linjen er tilføjet.", ct);

    public Task<IActionResult> OnPostMoveAsync(int position, int delta, CancellationToken ct) =>
        EditAsync(entries =>
        {
            var from = position - 1;
            var to = from + Math.Sign(delta);
            if (from >= 0 && from < entries.Count && to >= 0 && to < entries.Count)
            {
                (entries[from], entries[to]) = (entries[to], entries[from]);
            }
        }, "Rækkefølgen er ændret.", ct);

    public Task<IActionResult> OnPostRemoveAsync(int position, CancellationToken ct) =>
        EditAsync(entries =>
        {
            if (position >= 1 && position <= entries.Count)
            {
                entries.RemoveAt(position - 1);
            }
        }, "Linjen er fjernet.", ct);

    public async Task<IActionResult> OnPostDeleteAsync(CancellationToken ct)
    {
        if (!CanMaintain)
        {
            return Forbid();
        }

        if (!await changes.DeleteAsync(Id, ct))
        {
            return NotFound();
        }

        Message = "Alarmeringslisten er slettet.";
        return Redirect("/beredskab/alarmeringslister");
    }

    private async Task<IActionResult> EditAsync(Action<List<AlarmEntryInput>> edit, string done, CancellationToken ct)
    {
        if (!CanMaintain)
        {
            return Forbid();
        }

        var list = await db.AlarmLists.AsNoTracking().Include(l => l.Entries).SingleOrDefaultAsync(l => l.Id == Id, ct);
        if (list is null)
        {
            return NotFound();
        }

        var input = AlarmListChanges.ToInput(list);
        var entries = input.Entries!.ToList();
        edit(entries);
        var errors = await changes.UpdateAsync(Id, input with { Entries = entries }, ct);
        if (errors is { Any: false })
        {
            Message = done;
            return Redirect($"/beredskab/alarmeringslister/{Id}");
        }

        errors?.CopyTo(ModelState);
        return await LoadAsync(ct) ? Page() : NotFound();
    }

    private async Task<bool> LoadAsync(CancellationToken ct)
    {
        var list = await db.AlarmLists.AsNoTracking().Include(l => l.Entries).ThenInclude(e => e.Person).Include(l => l.Entries).ThenInclude(e => e.Role)
            .SingleOrDefaultAsync(l => l.Id == Id, ct);
        var directory = await ContactSequence.LoadAsync(db, Id, CanMaintain, ct);
        if (list is null || directory is null)
        {
            return false;
        }

        List = list;
        Plan = ContactSequence.Compute(directory);
        Persons = await db.KeyPersons.AsNoTracking().Where(p => p.ErasedAt == null).OrderBy(p => p.Name).Select(p => new NamedRef(p.Id, p.Name)).ToListAsync(ct);
        Roles = await db.StaffRoles.AsNoTracking().OrderBy(r => r.SortOrder).ThenBy(r => r.Name).Select(r => new NamedRef(r.Id, r.Name)).ToListAsync(ct);
        return true;
    }
}
