using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Stabsrum.Features.CrisisLog;
using Stabsrum.Features.Tasks;
using Stabsrum.Infrastructure.Database;
using Stabsrum.Infrastructure.Security;
using Stabsrum.Infrastructure.Tenancy;
using Stabsrum.Infrastructure.Time;

namespace Stabsrum.Features.ResourceRequests.Pages;

/// <summary>An incident's requests for assistance, their flow, and the resource overview (committed, available, requested).</summary>
[Authorize(Policy = Policies.Read)]
public sealed class IncidentRequestsModel(StabsrumDbContext db, ResourceRequestChanges changes, CurrentOrganisation current, TimeProvider time) : PageModel
{
    public sealed class RequestForm
    {
        public Guid Id { get; set; }

        public RequesterKind RequesterKind { get; set; }

        public string? RequesterName { get; set; }

        public string? What { get; set; }

        public int Quantity { get; set; } = 1;

        public string? Unit { get; set; }

        public string? Location { get; set; }

        public DateTime? NeededBy { get; set; }

        public string? Contact { get; set; }
    }

    [BindProperty]
    public RequestForm Form { get; set; } = new();

    [TempData]
    public string? Message { get; set; }

    public Guid IncidentId { get; private set; }

    public string IncidentTitle { get; private set; } = "";

    public bool IsExercise { get; private set; }

    public bool IsActive { get; private set; }

    public List<RequestDto> Requests { get; private set; } = [];

    public ResourceOverviewDto Overview { get; private set; } = new([], [], []);

    public bool CanOperate => current.Can(Permission.OperateIncidents);

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct)
    {
        Form.Id = Guid.CreateVersion7();
        return await LoadAsync(id, ct) ? Page() : NotFound();
    }

    public async Task<IActionResult> OnPostCreateAsync(Guid id, CancellationToken ct)
    {
        if (!CanOperate)
        {
            return Forbid();
        }

        var neededBy = Form.NeededBy is { } local ? DanishTime.FromLocal(local) : (DateTimeOffset?)null;
        var result = await changes.CreateAsync(id, new RequestInput(Form.Id, Form.RequesterKind, Form.RequesterName, Form.What, Form.Quantity, Form.Unit, Form.Location, neededBy, Form.Contact), ct);
        if (result.Outcome == TaskOutcome.NotFound)
        {
            return NotFound();
        }

        if (result.Outcome is TaskOutcome.Created or TaskOutcome.AlreadyStored)
        {
            Message = $"Anmodningen fra {result.Request!.RequesterName} er registreret og skrevet i loggen.";
            return Redirect($"/haendelser/{id}/anmodninger");
        }

        result.Errors.CopyTo(ModelState, nameof(Form));
        if (result.Conflict is not null)
        {
            ModelState.AddModelError("", result.Conflict);
        }

        Form.Id = Guid.CreateVersion7();
        return await LoadAsync(id, ct) ? Page() : NotFound();
    }

    public async Task<IActionResult> OnPostStepAsync(Guid id, Guid requestId, Guid stepId, RequestStatus status, string? note, string? forwardedTo, Guid? resourceId, int? resourceQuantity, CancellationToken ct)
    {
        if (!CanOperate)
        {
            return Forbid();
        }

        if (!await db.ResourceRequests.AnyAsync(r => r.Id == requestId && r.IncidentId == id, ct))
        {
            return NotFound();
        }

        IReadOnlyList<CommitmentInput>? resources = resourceId is { } rid ? [new CommitmentInput(rid, resourceQuantity ?? 0)] : null;
        var result = await changes.StepAsync(requestId, new RequestStepInput(stepId, status, note, forwardedTo, resources), ct);
        if (result.Outcome is TaskOutcome.Changed or TaskOutcome.AlreadyStored)
        {
            Message = $"Anmodningen fra {result.Request!.RequesterName} er nu {RequestFlow.Label(result.Request.Status).ToLowerInvariant()}.";
            return Redirect($"/haendelser/{id}/anmodninger#anmodning-{requestId}");
        }

        foreach (var message in result.Errors.ToDictionary().Values.SelectMany(v => v).Append(result.Conflict).OfType<string>())
        {
            ModelState.AddModelError("", message);
        }

        Form.Id = Guid.CreateVersion7();
        return await LoadAsync(id, ct) ? Page() : NotFound();
    }

    public static string Local(DateTimeOffset value) => DanishTime.Format(value);

    public bool Late(RequestDto r) => RequestFlow.IsOpen(r.Status) && r.Status != RequestStatus.Videresendt && r.NeededBy is { } by && by < time.GetUtcNow();

    private async Task<bool> LoadAsync(Guid id, CancellationToken ct)
    {
        var incident = await db.Incidents.AsNoTracking().Where(i => i.Id == id).Select(i => new { i.Id, i.Title, i.IsExercise, i.Status }).SingleOrDefaultAsync(ct);
        if (incident is null)
        {
            return false;
        }

        (IncidentId, IncidentTitle, IsExercise, IsActive) = (incident.Id, incident.Title, incident.IsExercise, incident.Status == IncidentStatus.Aktiv);
        Requests = await ResourceRequestQueries.ForIncidentAsync(db, id, ct);
        Overview = await ResourceRequestQueries.OverviewAsync(db, id, ct);
        return true;
    }
}
