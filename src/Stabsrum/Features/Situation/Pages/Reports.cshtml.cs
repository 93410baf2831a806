using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Stabsrum.Features.CrisisLog;
using Stabsrum.Infrastructure.Database;
using Stabsrum.Infrastructure.Security;
using Stabsrum.Infrastructure.Tenancy;

namespace Stabsrum.Features.Situation.Pages;

/// <summary>
/// Meldinger: a short form a unit fills in on a phone, the rapporteringsordning (which units, how often) and which
/// units are overdue, and the reports received.
/// </summary>
[Authorize(Policy = Policies.Read)]
public sealed class ReportsModel(StabsrumDbContext db, UnitReports reports, CurrentOrganisation current) : PageModel
{
    public sealed class ReportInput
    {
        public Guid Id { get; set; }

        public string? Unit { get; set; }

        public string? Situation { get; set; }

        public string? Needs { get; set; }
    }

    [BindProperty]
    public ReportInput Report { get; set; } = new();

    [TempData]
    public string? Message { get; set; }

    public Guid IncidentId { get; private set; }

    public string IncidentTitle { get; private set; } = "";

    public bool IncidentActive { get; private set; }

    public bool CanOperate => current.Can(Permission.OperateIncidents);

    public List<ReportingStatus> Status { get; private set; } = [];

    public List<UnitReport> Received { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct)
    {
        Report.Id = Guid.CreateVersion7();
        return await LoadAsync(id, ct) ? Page() : NotFound();
    }

    public async Task<IActionResult> OnPostReportAsync(Guid id, CancellationToken ct)
    {
        if (!CanOperate)
        {
            return Forbid();
        }

        var result = await reports.SubmitAsync(id, new UnitReportInput(Report.Id, Report.Unit, Report.Situation, Report.Needs, null), ct);
        switch (result.Outcome)
        {
            case SituationOutcome.NotFound:
                return NotFound();
            case SituationOutcome.Created or SituationOutcome.Ok:
                Message = $"Meldingen fra {result.Report!.Unit} er modtaget og skrevet i loggen.";
                return Redirect($"/haendelser/{id}/meldinger");
            default:
                result.Errors.CopyTo(ModelState, nameof(Report));
                if (result.Outcome == SituationOutcome.Conflict)
                {
                    Report.Id = Guid.CreateVersion7();
                }

                return await LoadAsync(id, ct) ? Page() : NotFound();
        }
    }

    public async Task<IActionResult> OnPostUnitAsync(Guid id, string? unit, int? intervalMinutes, CancellationToken ct)
    {
        if (!CanOperate)
        {
            return Forbid();
        }

        var (saved, errors, found) = await reports.SetUnitAsync(id, new ReportingUnitInput(unit, intervalMinutes), ct);
        if (!found)
        {
            return NotFound();
        }

        if (saved is null)
        {
            foreach (var message in errors.ToDictionary().Values.SelectMany(v => v))
            {
                ModelState.AddModelError("", message);
            }

            Report.Id = Guid.CreateVersion7();
            return await LoadAsync(id, ct) ? Page() : NotFound();
        }

        Message = $"{saved.Unit} melder nu hvert {saved.IntervalMinutes}. minut.";
        return Redirect($"/haendelser/{id}/meldinger#ordning");
    }

    public async Task<IActionResult> OnPostRemoveUnitAsync(Guid id, Guid unitId, CancellationToken ct)
    {
        if (!CanOperate)
        {
            return Forbid();
        }

        if (!await reports.RemoveUnitAsync(id, unitId, ct))
        {
            return NotFound();
        }

        Message = "Enheden er taget ud af rapporteringsordningen.";
        return Redirect($"/haendelser/{id}/meldinger#ordning");
    }

    private async Task<bool> LoadAsync(Guid id, CancellationToken ct)
    {
        var incident = await db.Incidents.AsNoTracking().Where(i => i.Id == id).Select(i => new { i.Title, i.Status }).SingleOrDefaultAsync(ct);
        if (incident is null)
        {
            return false;
        }

        IncidentId = id;
        IncidentTitle = incident.Title;
        IncidentActive = incident.Status == IncidentStatus.Aktiv;
        Status = await reports.StatusAsync(id, ct);
        Received = await reports.ListAsync(id, ct);
        return true;
    }
}
