using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Stabsrum.Features.CrisisLog;
using Stabsrum.Infrastructure.Database;
using Stabsrum.Infrastructure.Pdf;
using Stabsrum.Infrastructure.Security;

namespace Stabsrum.Features.Situation.Pages;

/// <summary>One version of the situation picture as a print view; <c>?format=pdf</c> gives the PDF.</summary>
[Authorize(Policy = Policies.Read)]
[PrintView("situationsbillede")]
public sealed class VersionModel(StabsrumDbContext db, SituationPictures pictures) : PageModel
{
    public SituationPicture Picture { get; private set; } = null!;

    public string IncidentTitle { get; private set; } = "";

    public bool IsExercise { get; private set; }

    public string OrganisationName { get; private set; } = "";

    public async Task<IActionResult> OnGetAsync(Guid id, Guid pictureId, CancellationToken ct)
    {
        var picture = await pictures.FindAsync(id, pictureId, ct);
        if (picture is null)
        {
            return NotFound();
        }

        Picture = picture;
        var incident = await db.Incidents.AsNoTracking().Where(i => i.Id == id).Select(i => new { i.Title, i.IsExercise, i.OrganisationId }).SingleAsync(ct);
        IncidentTitle = incident.Title;
        IsExercise = incident.IsExercise;
        OrganisationName = await db.Organisations.AsNoTracking().Where(o => o.Id == incident.OrganisationId).Select(o => o.Name).SingleAsync(ct);
        return Page();
    }
}
