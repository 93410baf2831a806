using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Stabsrum.Features.CrisisLog;
using Stabsrum.Features.Situation;
using Stabsrum.Infrastructure.Database;
using Stabsrum.Infrastructure.Pdf;
using Stabsrum.Infrastructure.Security;

namespace Stabsrum.Features.CaseFile.Pages;

/// <summary>
/// The status report to another authority (seed 002 §4.3.2): current level and phase, the situation in brief from the
/// last published situation picture, and key figures from every registered <see cref="IStatusReportFigures"/>.
/// One click: this page, or <c>?format=pdf</c>.
/// </summary>
[Authorize(Policy = Policies.Read)]
[PrintView("statusrapport")]
public sealed class StatusReportModel(StabsrumDbContext db, SituationPictures pictures, IEnumerable<IStatusReportFigures> figures, TimeProvider time) : PageModel
{
    public Incident Incident { get; private set; } = null!;

    public string OrganisationName { get; private set; } = "";

    public string LevelName { get; private set; } = "";

    public SituationPicture? Picture { get; private set; }

    public List<StatusFigure> Figures { get; private set; } = [];

    public DateTimeOffset At { get; private set; }

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct)
    {
        var incident = await db.Incidents.AsNoTracking().SingleOrDefaultAsync(i => i.Id == id, ct);
        if (incident is null)
        {
            return NotFound();
        }

        Incident = incident;
        At = time.GetUtcNow();
        var org = await db.Organisations.AsNoTracking().SingleAsync(o => o.Id == incident.OrganisationId, ct);
        OrganisationName = org.Name;
        LevelName = org.LevelName(incident.Level);
        Picture = await pictures.LastPublishedAsync(id, ct);
        foreach (var source in figures.OrderBy(f => f.Order))
        {
            Figures.AddRange(await source.LoadAsync(db, id, ct));
        }

        return Page();
    }

    public static string Brief(string text, int max = 600) =>
        string.IsNullOrWhiteSpace(text) ? "Intet angivet." : text.Length <= max ? text.Trim() : text[..max].TrimEnd() + " …";
}
