using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Stabsrum.Infrastructure.Database;
using Stabsrum.Infrastructure.Security;
using Stabsrum.Infrastructure.Tenancy;

namespace Stabsrum.Features.Warnings;

[Authorize(Policy = Policies.Read)]
public sealed class IndexModel(StabsrumDbContext db, CurrentOrganisation current, TimeProvider time, WarningTriage triage) : PageModel
{
    public IReadOnlyList<Warning> Pending { get; private set; } = [];

    public IReadOnlyList<Warning> Warnings { get; private set; } = [];

    public bool ShowAll { get; private set; }

    public DateTimeOffset Now { get; private set; }

    public bool CanOperate => current.Can(Permission.OperateIncidents);

    public bool HasIncidentLink => triage.IncidentLink is not null;

    public Guid? DismissErrorFor { get; private set; }

    public string? DismissError { get; private set; }

    [TempData]
    public string? Message { get; set; }

    public async Task OnGetAsync(bool alle, CancellationToken ct) => await LoadAsync(alle, ct);

    public async Task<IActionResult> OnPostDismissAsync(Guid id, string? reason, CancellationToken ct)
    {
        // Razor Pages ignore [Authorize] on handlers: the page is readable by all, triage needs OperateIncidents.
        if (!CanOperate)
        {
            return Forbid();
        }

        var errors = await triage.DismissAsync(id, reason, ct);
        if (errors is null)
        {
            return NotFound();
        }

        if (errors.Any)
        {
            DismissErrorFor = id;
            DismissError = errors.ToDictionary().Values.SelectMany(v => v).First();
            ModelState.AddModelError("reason", DismissError);
            await LoadAsync(false, ct);
            return Page();
        }

        Message = "Varslet er afvist.";
        return RedirectToPage();
    }

    private async Task LoadAsync(bool all, CancellationToken ct)
    {
        ShowAll = all;
        Now = time.GetUtcNow();
        var query = db.Warnings.AsNoTracking();
        Warnings = await (all ? query : query.Where(w => w.IsRelevant)).OrderByDescending(w => w.ReceivedAt).Take(200).ToListAsync(ct);
        var candidates = await query.Where(w => w.IsRelevant && w.Triage == TriageOutcome.Untriaged && w.CancelledById == null && w.SupersededById == null)
            .OrderByDescending(w => w.ReceivedAt).Take(100).ToListAsync(ct);
        Pending = candidates.Where(w => w.AwaitsTriage(Now)).ToList();
    }
}
