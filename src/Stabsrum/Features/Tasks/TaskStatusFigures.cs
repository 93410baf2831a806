using Microsoft.EntityFrameworkCore;
using Stabsrum.Features.CaseFile;
using Stabsrum.Infrastructure.Database;
using Stabsrum.Infrastructure.Time;

namespace Stabsrum.Features.Tasks;

/// <summary>The status report's task figures (seed 002 §4.3.2 asks for the state of initiated actions): open, overdue, done.</summary>
public sealed class TaskStatusFigures(TimeProvider time) : IStatusReportFigures
{
    public int Order => 40;

    public async Task<IReadOnlyList<StatusFigure>> LoadAsync(StabsrumDbContext db, Guid incidentId, CancellationToken cancellationToken)
    {
        var tasks = await db.StaffTasks.AsNoTracking().Where(t => t.IncidentId == incidentId)
            .Select(t => new { t.Status, t.Deadline }).ToListAsync(cancellationToken);
        var now = time.GetUtcNow();
        var open = tasks.Where(t => t.Status is StaffTaskStatus.IkkeStartet or StaffTaskStatus.IGang).ToList();
        var culture = DanishTime.Culture;
        return
        [
            new("Åbne opgaver", open.Count.ToString(culture)),
            new("Opgaver over frist", open.Count(t => t.Deadline is { } d && d < now).ToString(culture)),
            new("Udførte opgaver", tasks.Count(t => t.Status == StaffTaskStatus.Udfoert).ToString(culture)),
        ];
    }
}
