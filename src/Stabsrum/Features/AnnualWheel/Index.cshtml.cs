using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Stabsrum.Features.Plans;
using Stabsrum.Infrastructure.Database;
using Stabsrum.Infrastructure.Security;
using Stabsrum.Infrastructure.Tenancy;

namespace Stabsrum.Features.AnnualWheel;

[Authorize(Policy = Policies.Read)]
public sealed class IndexModel(StabsrumDbContext db, CurrentOrganisation current, TimeProvider time, IEnumerable<IAnnualWheelSource> sources) : PageModel
{
    public IReadOnlyList<Obligation> Obligations { get; private set; } = [];

    public DateOnly Today { get; private set; }

    /// <summary>Deadlines other features contribute (goal reporting lines …) in the coming year.</summary>
    public IReadOnlyList<WheelDeadline> Deadlines { get; private set; } = [];

    public const int DeadlineDays = 365;

    public bool CanMaintain => current.Can(Permission.MaintainRegistry);

    [TempData]
    public string? Message { get; set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        Today = time.Today();
        Obligations = await db.Obligations.AsNoTracking().OrderBy(o => o.DueOn).ThenBy(o => o.Title).ToListAsync(ct);
        Deadlines = await sources.DeadlinesAsync(current.RequireOrganisationId(), Today, Today.AddDays(DeadlineDays), ct);
    }
}
