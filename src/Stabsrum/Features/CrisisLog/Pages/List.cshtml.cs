using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Stabsrum.Infrastructure.Database;
using Stabsrum.Infrastructure.Security;

namespace Stabsrum.Features.CrisisLog.Pages;

[Authorize(Policy = Policies.Read)]
public sealed class ListModel(StabsrumDbContext db) : PageModel
{
    public List<IncidentsApi.IncidentDto> Active { get; private set; } = [];

    public List<IncidentsApi.IncidentDto> Closed { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct)
    {
        var org = await db.Organisations.AsNoTracking().SingleAsync(o => o.Id == db.Current.OrganisationId, ct);
        var all = await db.Incidents.AsNoTracking().OrderByDescending(i => i.StartedAt).Take(500).ToListAsync(ct);
        Active = all.Where(i => i.Status == IncidentStatus.Aktiv).Select(i => IncidentsApi.ToDto(i, org)).ToList();
        Closed = all.Where(i => i.Status == IncidentStatus.Afsluttet).Select(i => IncidentsApi.ToDto(i, org)).ToList();
    }
}
