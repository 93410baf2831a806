using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Stabsrum.Features.CrisisLog;
using Stabsrum.Infrastructure.Database;
using Stabsrum.Infrastructure.Security;
using Stabsrum.Infrastructure.Tenancy;
using Stabsrum.Infrastructure.Time;

namespace Stabsrum.Features.Meetings;

public sealed class MeetingForm
{
    public Guid BodyId { get; set; }

    public string? Title { get; set; }

    public DateTime? Start { get; set; }

    public int DurationMinutes { get; set; } = 60;

    public MeetingMode Mode { get; set; }

    public string? Place { get; set; }

    public string? VirtualLink { get; set; }

    public Guid? IncidentId { get; set; }
}

/// <summary>All meetings, newest first, and a form for a new one.</summary>
[Authorize(Policy = Policies.Read)]
public sealed class ListModel(MeetingQueries queries, AgendaChanges changes, StabsrumDbContext db, CurrentOrganisation current) : PageModel
{
    public List<MeetingSummaryDto> Meetings { get; private set; } = [];

    public List<BodyDto> Bodies { get; private set; } = [];

    public List<(Guid Id, string Title)> Incidents { get; private set; } = [];

    [BindProperty]
    public MeetingForm Input { get; set; } = new();

    [BindProperty]
    public Guid ClientId { get; set; }

    public bool CanEdit => current.Can(Permission.OperateIncidents);

    public async Task OnGetAsync(CancellationToken ct)
    {
        ClientId = Guid.CreateVersion7();
        await LoadAsync(ct);
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (!CanEdit)
        {
            return Forbid();
        }

        var starts = Input.Start is { } local ? DanishTime.FromLocal(local) : (DateTimeOffset?)null;
        var result = await changes.CreateMeetingAsync(new MeetingInput(ClientId == Guid.Empty ? null : ClientId, Input.BodyId, Input.Title, starts,
            starts?.AddMinutes(Math.Clamp(Input.DurationMinutes, 15, 24 * 60)), Input.Mode, Input.Place, Input.VirtualLink, Input.IncidentId), ct);
        if (result.Outcome == MeetingOutcome.Ok)
        {
            return Redirect($"/moeder/{result.Value!.Id}");
        }

        result.Errors.CopyTo(ModelState, nameof(Input));
        if (result.Message is { } message)
        {
            ModelState.AddModelError("", message);
        }

        await LoadAsync(ct);
        return Page();
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        Meetings = await queries.MeetingsAsync(null, null, ct);
        Bodies = await queries.BodiesAsync(ct);
        Incidents = (await db.Incidents.AsNoTracking().Where(i => i.Status == IncidentStatus.Aktiv).OrderByDescending(i => i.StartedAt).Select(i => new { i.Id, i.Title }).ToListAsync(ct))
            .Select(i => (i.Id, i.Title)).ToList();
    }
}
