using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Stabsrum.Features.CrisisLog;
using Stabsrum.Infrastructure.Database;
using Stabsrum.Infrastructure.Security;
using Stabsrum.Infrastructure.Tenancy;

namespace Stabsrum.Features.CallOut.Pages;

/// <summary>/haendelser/{id}/alarmering: the incident's call-outs and the form to compose a new one (confirmed on the next page).</summary>
[Authorize(Policy = Policies.Read)]
public sealed class IndexModel(StabsrumDbContext db, CallOutComposer composer, CallOutBoard board, CurrentOrganisation current) : PageModel
{
    [BindProperty]
    public ComposeInput Input { get; set; } = new();

    public Incident Incident { get; private set; } = null!;

    public ComposeChoices Choices { get; private set; } = null!;

    public List<CallOutSummaryDto> CallOuts { get; private set; } = [];

    public bool CanOperate => current.Can(Permission.OperateIncidents);

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct))
        {
            return NotFound();
        }

        Input.Id = Guid.CreateVersion7();
        Input.Message = $"{(Incident.IsExercise ? "ØVELSE: " : "")}Krisestaben aktiveres: {Incident.Title}. Mød ind i krisestabslokalet hurtigst muligt.";
        return Page();
    }

    /// <summary>A post without a handler (no button pressed) shows the page again.</summary>
    public IActionResult OnPost() => Redirect(Request.Path);

    public async Task<IActionResult> OnPostTemplateAsync(Guid id, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct))
        {
            return NotFound();
        }

        ModelState.Clear();
        if (Input.TemplateId is { } templateId)
        {
            var organisation = await db.Organisations.AsNoTracking().Where(o => o.Id == current.RequireOrganisationId()).Select(o => o.Name).SingleAsync(ct);
            var values = new Dictionary<string, string>(StringComparer.Ordinal)
            {
                ["organisation"] = organisation,
                ["hændelse.titel"] = Incident.Title,
                ["hændelse.område"] = Incident.Area,
                ["hændelse.niveau"] = Incident.Level.ToString(System.Globalization.CultureInfo.InvariantCulture),
                ["bruger"] = current.UserName ?? "",
            };
            Input.Message = await ComposeChoices.FillTemplateAsync(db, templateId, values, ct) ?? Input.Message;
        }

        return Page();
    }

    public async Task<IActionResult> OnPostComposeAsync(Guid id, CancellationToken ct)
    {
        if (!CanOperate)
        {
            return Forbid();
        }

        if (!await LoadAsync(id, ct))
        {
            return NotFound();
        }

        var (draft, errors) = await composer.ComposeAsync(Input.ToRequest(id), ct);
        if (draft is null)
        {
            errors.CopyTo(ModelState, nameof(Input));
            return Page();
        }

        return Redirect($"/haendelser/{id}/alarmering/{draft.Id}");
    }

    private async Task<bool> LoadAsync(Guid id, CancellationToken ct)
    {
        var incident = await db.Incidents.AsNoTracking().SingleOrDefaultAsync(i => i.Id == id, ct);
        if (incident is null)
        {
            return false;
        }

        Incident = incident;
        Choices = await ComposeChoices.LoadAsync(db, incident.IsExercise, ct);
        CallOuts = await board.ListAsync(id, false, ct);
        return true;
    }
}
