using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Stabsrum.Features.CrisisLog;
using Stabsrum.Infrastructure.Database;
using Stabsrum.Infrastructure.Security;
using Stabsrum.Infrastructure.Tenancy;
using Stabsrum.Infrastructure.Time;

namespace Stabsrum.Features.Situation.Pages;

/// <summary>
/// The incident's situation picture: its versions, the open draft (edited here), what was logged since the last
/// published version (to pick into a new draft), and a comparison of any two versions.
/// </summary>
[Authorize(Policy = Policies.Read)]
public sealed class SituationModel(StabsrumDbContext db, SituationPictures pictures, CurrentOrganisation current) : PageModel
{
    public sealed class EditInput
    {
        public string? Overall { get; set; }

        public string? Consequences { get; set; }

        public string? ResourcesCommitted { get; set; }

        public string? ResourcesAvailable { get; set; }

        public string? ResourcesNeeded { get; set; }

        public string? ExpectedDevelopment { get; set; }

        public string? Communication { get; set; }

        public string? Decisions { get; set; }

        public DateTime? NextMeetingAt { get; set; }

        public DateTime? NextUpdateDue { get; set; }

        public List<string?> UnitNames { get; set; } = [];

        public List<string?> UnitTexts { get; set; } = [];
    }

    [BindProperty]
    public EditInput Edit { get; set; } = new();

    [FromQuery(Name = "fra")]
    public Guid? CompareFrom { get; set; }

    [FromQuery(Name = "til")]
    public Guid? CompareTo { get; set; }

    [TempData]
    public string? Message { get; set; }

    public Guid IncidentId { get; private set; }

    public string IncidentTitle { get; private set; } = "";

    public bool IncidentActive { get; private set; }

    public bool CanOperate => current.Can(Permission.OperateIncidents);

    public List<SituationPicture> Versions { get; private set; } = [];

    public SituationPicture? Draft { get; private set; }

    public List<SinceItem> Since { get; private set; } = [];

    public IReadOnlyList<SectionDiff>? Diff { get; private set; }

    public (int From, int To) DiffVersions { get; private set; }

    public Guid NewDraftId { get; private set; } = Guid.CreateVersion7();

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct) => await LoadAsync(id, ct) ? Page() : NotFound();

    public async Task<IActionResult> OnPostStartAsync(Guid id, Guid draftId, List<Guid>? include, CancellationToken ct)
    {
        if (!CanOperate)
        {
            return Forbid();
        }

        var result = await pictures.StartDraftAsync(id, draftId, include ?? [], ct);
        return await AnswerAsync(id, result, $"Kladde til version {result.Picture?.Version} er startet.", ct);
    }

    public async Task<IActionResult> OnPostSaveAsync(Guid id, Guid pictureId, CancellationToken ct)
    {
        if (!CanOperate)
        {
            return Forbid();
        }

        var result = await pictures.UpdateDraftAsync(id, pictureId, ToInput(Edit), ct);
        return await AnswerAsync(id, result, "Kladden er gemt.", ct);
    }

    public async Task<IActionResult> OnPostPublishAsync(Guid id, Guid pictureId, CancellationToken ct)
    {
        if (!CanOperate)
        {
            return Forbid();
        }

        // Save what is in the form first, so "Offentliggør" publishes what the author sees.
        var saved = await pictures.UpdateDraftAsync(id, pictureId, ToInput(Edit), ct);
        if (saved.Outcome != SituationOutcome.Ok)
        {
            return await AnswerAsync(id, saved, "", ct);
        }

        var result = await pictures.PublishAsync(id, pictureId, ct);
        return await AnswerAsync(id, result, $"Version {result.Picture?.Version} er offentliggjort og skrevet i loggen.", ct);
    }

    public static SituationInput ToInput(EditInput e)
    {
        var units = e.UnitNames.Select((name, i) => new UnitSectionInput(name, i < e.UnitTexts.Count ? e.UnitTexts[i] : null)).ToList();
        return new SituationInput(
            e.Overall, e.Consequences, e.ResourcesCommitted, e.ResourcesAvailable, e.ResourcesNeeded, e.ExpectedDevelopment, e.Communication, e.Decisions,
            e.NextMeetingAt is { } m ? DanishTime.FromLocal(m) : null, e.NextUpdateDue is { } d ? DanishTime.FromLocal(d) : null, units);
    }

    private async Task<IActionResult> AnswerAsync(Guid id, SituationResult result, string done, CancellationToken ct)
    {
        switch (result.Outcome)
        {
            case SituationOutcome.NotFound:
                return NotFound();
            case SituationOutcome.Ok or SituationOutcome.Created:
                Message = done;
                return Redirect($"/haendelser/{id}/situationsbillede#kladde");
            default:
                foreach (var (field, messages) in result.Errors.ToDictionary())
                {
                    foreach (var message in messages)
                    {
                        ModelState.AddModelError(field is "id" or "status" or "incident" or "include" ? "" : "Edit." + char.ToUpperInvariant(field[0]) + field[1..], message);
                    }
                }

                return await LoadAsync(id, ct, keepForm: true) ? Page() : NotFound();
        }
    }

    private async Task<bool> LoadAsync(Guid id, CancellationToken ct, bool keepForm = false)
    {
        var incident = await db.Incidents.AsNoTracking().Where(i => i.Id == id).Select(i => new { i.Title, i.Status }).SingleOrDefaultAsync(ct);
        if (incident is null)
        {
            return false;
        }

        IncidentId = id;
        IncidentTitle = incident.Title;
        IncidentActive = incident.Status == IncidentStatus.Aktiv;
        Versions = await pictures.ListAsync(id, ct);
        Draft = Versions.FirstOrDefault(v => v.Status == SituationStatus.Kladde);
        if (Draft is null)
        {
            Since = await pictures.SinceLastPublishedAsync(id, ct);
        }
        else if (!keepForm)
        {
            Edit = new EditInput
            {
                Overall = Draft.Overall,
                Consequences = Draft.Consequences,
                ResourcesCommitted = Draft.ResourcesCommitted,
                ResourcesAvailable = Draft.ResourcesAvailable,
                ResourcesNeeded = Draft.ResourcesNeeded,
                ExpectedDevelopment = Draft.ExpectedDevelopment,
                Communication = Draft.Communication,
                Decisions = Draft.Decisions,
                NextMeetingAt = Draft.NextMeetingAt is { } m ? DanishTime.ToLocal(m).DateTime : null,
                NextUpdateDue = Draft.NextUpdateDue is { } d ? DanishTime.ToLocal(d).DateTime : null,
                UnitNames = Draft.Units.OrderBy(u => u.SortOrder).Select(u => (string?)u.Unit).ToList(),
                UnitTexts = Draft.Units.OrderBy(u => u.SortOrder).Select(u => (string?)u.Text).ToList(),
            };
        }

        if (CompareFrom is { } from && CompareTo is { } to
            && Versions.FirstOrDefault(v => v.Id == from) is { } a && Versions.FirstOrDefault(v => v.Id == to) is { } b)
        {
            Diff = SituationDiff.Compare(a, b);
            DiffVersions = (a.Version, b.Version);
        }

        return true;
    }
}
