using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Stabsrum.Features.CrisisLog;
using Stabsrum.Infrastructure.Database;
using Stabsrum.Infrastructure.Security;
using Stabsrum.Infrastructure.Tenancy;

namespace Stabsrum.Features.Tasks.Pages;

/// <summary>"Mine opgaver": the signed-in user's tasks across the organisation's incidents, late ones first.</summary>
[Authorize(Policy = Policies.Read)]
public sealed class MyTasksModel(StabsrumDbContext db, CurrentOrganisation current, TimeProvider time) : PageModel
{
    [FromQuery(Name = "afsluttede")]
    public bool IncludeFinished { get; set; }

    public List<TaskDto> Tasks { get; private set; } = [];

    public Dictionary<Guid, string> IncidentTitles { get; private set; } = [];

    public int OverdueCount => Tasks.Count(t => t.Overdue);

    public bool CanOperate => current.Can(Permission.OperateIncidents);

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (current.UserId is not { } userId)
        {
            return Forbid();
        }

        Tasks = await TaskQueries.MineAsync(db, userId, IncludeFinished, time.GetUtcNow(), ct);
        var ids = Tasks.Select(t => t.IncidentId).OfType<Guid>().Distinct().ToList();
        IncidentTitles = await db.Incidents.AsNoTracking().Where(i => ids.Contains(i.Id)).ToDictionaryAsync(i => i.Id, i => (i.IsExercise ? "ØVELSE: " : "") + i.Title, ct);
        return Page();
    }
}
