using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Stabsrum.Infrastructure.Database;

namespace Stabsrum.Features.CrisisLog;

/// <summary>Overview panel: the organisation's active incidents with level and phase, exercises marked.</summary>
public sealed class ActiveIncidentsViewComponent(StabsrumDbContext db) : ViewComponent
{
    public sealed record Row(Guid Id, string Title, bool IsExercise, string LevelName, string PhaseName, DateTimeOffset StartedAt);

    public async Task<IViewComponentResult> InvokeAsync()
    {
        var org = db.Current.OrganisationId is { } orgId ? await db.Organisations.AsNoTracking().SingleOrDefaultAsync(o => o.Id == orgId) : null;
        var incidents = org is null ? [] : await db.Incidents.AsNoTracking().Where(i => i.Status == IncidentStatus.Aktiv).OrderByDescending(i => i.StartedAt).Take(10).ToListAsync();
        var rows = incidents.Select(i => new Row(i.Id, i.Title, i.IsExercise, org!.LevelName(i.Level), LogEntryView.PhaseName(i.Phase), i.StartedAt)).ToList();
        return View("~/Features/CrisisLog/_ActiveIncidents.cshtml", rows);
    }
}
