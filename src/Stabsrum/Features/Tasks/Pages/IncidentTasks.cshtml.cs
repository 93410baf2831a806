using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Stabsrum.Features.CrisisLog;
using Stabsrum.Infrastructure.Database;
using Stabsrum.Infrastructure.Security;
using Stabsrum.Infrastructure.Tenancy;
using Stabsrum.Infrastructure.Time;

namespace Stabsrum.Features.Tasks.Pages;

/// <summary>
/// An incident's tasks and written orders: create, change status (with a reason when refusing or cancelling),
/// filter; overdue tasks are marked in text and visually. Reads need Read; changes need OperateIncidents.
/// </summary>
[Authorize(Policy = Policies.Read)]
public sealed class IncidentTasksModel(StabsrumDbContext db, TaskChanges changes, ActionCardActivations activations, CurrentOrganisation current, TimeProvider time) : PageModel
{
    public sealed class TaskForm
    {
        public Guid Id { get; set; }

        public string? Title { get; set; }

        public string? Description { get; set; }

        public string? OwnerName { get; set; }

        public string? OwnerRole { get; set; }

        public DateTime? Deadline { get; set; }

        public TaskPriority Priority { get; set; } = TaskPriority.Normal;

        public string? Recipient { get; set; }

        public Guid? FromLogEntryId { get; set; }
    }

    [BindProperty]
    public TaskForm Form { get; set; } = new();

    [FromQuery(Name = "status")]
    public string? FilterStatus { get; set; }

    [FromQuery(Name = "ansvarlig")]
    public string? FilterOwner { get; set; }

    [FromQuery(Name = "overskredne")]
    public bool FilterOverdue { get; set; }

    [FromQuery(Name = "beslutning")]
    public Guid? FromDecision { get; set; }

    [TempData]
    public string? Message { get; set; }

    public Guid IncidentId { get; private set; }

    public string IncidentTitle { get; private set; } = "";

    public bool IsExercise { get; private set; }

    public bool IsActive { get; private set; }

    /// <summary>The log's length when the page was made: the live stream resumes after it, so nothing written in between is missed.</summary>
    public long LogCount { get; private set; }

    public List<TaskDto> Tasks { get; private set; } = [];

    public int OverdueCount { get; private set; }

    public string? DecisionText { get; private set; }

    public IReadOnlyList<string> RoleSuggestions { get; private set; } = StaffRoleAssignment.SuggestedRoles;

    public bool CanOperate => current.Can(Permission.OperateIncidents);

    public DateTimeOffset Now => time.GetUtcNow();

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct)
    {
        Form.Id = Guid.CreateVersion7();
        Form.FromLogEntryId = FromDecision;
        return await LoadAsync(id, ct) ? Page() : NotFound();
    }

    public async Task<IActionResult> OnPostCreateAsync(Guid id, CancellationToken ct)
    {
        if (!CanOperate)
        {
            return Forbid();
        }

        var deadline = Form.Deadline is { } local ? DanishTime.FromLocal(local) : (DateTimeOffset?)null;
        var result = await changes.CreateAsync(id, new TaskInput(
            Form.Id, Form.Title, Form.Description, Form.OwnerName, null, Form.OwnerRole, null, deadline, Form.Priority, Form.Recipient, Form.FromLogEntryId), ct);
        switch (result.Outcome)
        {
            case TaskOutcome.NotFound:
                return NotFound();
            case TaskOutcome.Created or TaskOutcome.AlreadyStored:
                Message = result.Task!.OriginKind == TaskOriginKind.Order
                    ? $"Ordren til {result.Task.Recipient} er oprettet og skrevet i loggen."
                    : $"Opgaven »{result.Task.Title}« er oprettet.";
                return Redirect($"/haendelser/{id}/opgaver");
            default:
                result.Errors.CopyTo(ModelState, nameof(Form));
                if (result.Conflict is not null)
                {
                    ModelState.AddModelError("", result.Conflict);
                }

                Form.Id = Guid.CreateVersion7();
                return await LoadAsync(id, ct) ? Page() : NotFound();
        }
    }

    public async Task<IActionResult> OnPostStatusAsync(Guid id, Guid taskId, StaffTaskStatus status, string? reason, Guid changeId, CancellationToken ct)
    {
        if (!CanOperate)
        {
            return Forbid();
        }

        if (!await db.StaffTasks.AnyAsync(t => t.Id == taskId && t.IncidentId == id, ct))
        {
            return NotFound();
        }

        var result = await changes.TransitionAsync(taskId, new TaskTransitionInput(status, reason, changeId == Guid.Empty ? null : changeId), ct);
        if (result.Outcome is TaskOutcome.Changed or TaskOutcome.AlreadyStored)
        {
            Message = $"»{result.Task!.Title}« er nu {TaskRules.Label(result.Task.Status).ToLower(DanishTime.Culture)}.";
            return Redirect($"/haendelser/{id}/opgaver#opgave-{taskId}");
        }

        foreach (var message in result.Errors.ToDictionary().Values.SelectMany(v => v).Append(result.Conflict).OfType<string>())
        {
            ModelState.AddModelError("", message);
        }

        Form.Id = Guid.CreateVersion7();
        return await LoadAsync(id, ct) ? Page() : NotFound();
    }

    public async Task<IActionResult> OnPostActivateAsync(Guid id, Guid activationId, Guid actionCardId, CancellationToken ct)
    {
        if (!CanOperate)
        {
            return Forbid();
        }

        var result = await activations.ActivateAsync(id, new ActivationInput(activationId, actionCardId), ct);
        switch (result.Outcome)
        {
            case TaskOutcome.NotFound:
                return NotFound();
            case TaskOutcome.Created or TaskOutcome.AlreadyStored:
                Message = $"Actionkortet »{result.Activation!.CardTitle}« er taget i brug: {result.Activation.Tasks} opgaver er oprettet.";
                return Redirect($"/haendelser/{id}/opgaver");
            default:
                foreach (var message in result.Errors.ToDictionary().Values.SelectMany(v => v).Append(result.Conflict).OfType<string>())
                {
                    ModelState.AddModelError("", message);
                }

                Form.Id = Guid.CreateVersion7();
                return await LoadAsync(id, ct) ? Page() : NotFound();
        }
    }

    public static string Local(DateTimeOffset value) => DanishTime.Format(value);

    private async Task<bool> LoadAsync(Guid id, CancellationToken ct)
    {
        var incident = await db.Incidents.AsNoTracking().Where(i => i.Id == id)
            .Select(i => new { i.Id, i.Title, i.IsExercise, i.Status, i.LogCount }).SingleOrDefaultAsync(ct);
        if (incident is null)
        {
            return false;
        }

        (IncidentId, IncidentTitle, IsExercise, IsActive, LogCount) = (incident.Id, incident.Title, incident.IsExercise, incident.Status == IncidentStatus.Aktiv, incident.LogCount);
        var filter = FilterStatus switch
        {
            null or "" or "alle" => new TaskFilter(),
            "aabne" => new TaskFilter(OpenOnly: true),
            var s when Enum.TryParse<StaffTaskStatus>(s, out var parsed) => new TaskFilter(parsed),
            _ => new TaskFilter(),
        };
        Tasks = await TaskQueries.ForIncidentAsync(db, id, filter with { OverdueOnly = FilterOverdue, Owner = FilterOwner }, Now, ct);
        var deadlines = await db.StaffTasks.AsNoTracking()
            .Where(t => t.IncidentId == id && (t.Status == StaffTaskStatus.IkkeStartet || t.Status == StaffTaskStatus.IGang) && t.Deadline != null)
            .Select(t => t.Deadline!.Value).ToListAsync(ct);
        OverdueCount = deadlines.Count(d => d < Now);
        if (Form.FromLogEntryId is { } decision)
        {
            DecisionText = await db.CrisisLogEntries.AsNoTracking()
                .Where(e => e.Id == decision && e.IncidentId == id && e.Kind == LogEntryKind.Beslutning)
                .Select(e => "nr. " + e.Sequence + ": " + e.Text).SingleOrDefaultAsync(ct);
            if (DecisionText is null)
            {
                Form.FromLogEntryId = null;
            }
        }

        var catalogue = await db.StaffRoleAssignments.AsNoTracking().Where(a => a.IncidentId == id).Select(a => a.RoleName).Distinct().ToListAsync(ct);
        RoleSuggestions = catalogue.Concat(StaffRoleAssignment.SuggestedRoles).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
        return true;
    }
}
