using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Stabsrum.Infrastructure.Database;
using Stabsrum.Infrastructure.Pdf;
using Stabsrum.Infrastructure.Security;

namespace Stabsrum.Features.CrisisLog.Pages;

/// <summary>The log on paper, oldest first, with both times and the chain's verification and head hash. Redacted as on screen.</summary>
[Authorize(Policy = Policies.Read)]
[PrintView("kriselog")]
public sealed class PrintModel(StabsrumDbContext db, CrisisLog log) : PageModel
{
    public IncidentsApi.IncidentDto Incident { get; private set; } = null!;

    public string OrganisationName { get; private set; } = "";

    public List<LogEntryDto> Entries { get; private set; } = [];

    public ChainVerification Verification { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct)
    {
        var incident = await db.Incidents.AsNoTracking().SingleOrDefaultAsync(i => i.Id == id, ct);
        if (incident is null)
        {
            return NotFound();
        }

        var org = await db.Organisations.AsNoTracking().SingleAsync(o => o.Id == incident.OrganisationId, ct);
        OrganisationName = org.Name;
        Incident = IncidentsApi.ToDto(incident, org);
        var cleared = await log.HasClearanceAsync(ct);
        var entries = await db.CrisisLogEntries.AsNoTracking().Where(e => e.IncidentId == id).OrderBy(e => e.Sequence).ToListAsync(ct);
        Entries = await LogEntryView.ToDtosAsync(db, entries, cleared, ct);
        Verification = (await LogVerification.VerifyAsync(db, id, ct))!;
        return Page();
    }
}
