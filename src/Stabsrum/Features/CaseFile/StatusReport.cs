using Microsoft.EntityFrameworkCore;
using Stabsrum.Features.CrisisLog;
using Stabsrum.Infrastructure.Database;

namespace Stabsrum.Features.CaseFile;

/// <summary>A key figure in the status report for another authority, e.g. "Åbne opgaver: 12".</summary>
public sealed record StatusFigure(string Label, string Value);

/// <summary>
/// Optional plug-in for the status report (seed 002 §4.3.2): a feature that counts something worth telling another
/// authority (open tasks, resource requests …) registers one as a singleton. Must be cheap and org-scoped (the
/// context is already scoped).
/// </summary>
public interface IStatusReportFigures
{
    int Order { get; }

    Task<IReadOnlyList<StatusFigure>> LoadAsync(StabsrumDbContext db, Guid incidentId, CancellationToken cancellationToken);
}

/// <summary>The log's own figures: confirmed staff, entries, decisions and orders.</summary>
public sealed class CrisisLogStatusFigures : IStatusReportFigures
{
    public int Order => 10;

    public async Task<IReadOnlyList<StatusFigure>> LoadAsync(StabsrumDbContext db, Guid incidentId, CancellationToken cancellationToken)
    {
        var staff = await db.StaffMembers.CountAsync(m => m.IncidentId == incidentId && m.LeftAt == null, cancellationToken);
        var kinds = await db.CrisisLogEntries.Where(e => e.IncidentId == incidentId).GroupBy(e => e.Kind)
            .Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(g => g.Key, g => g.Count, cancellationToken);
        return
        [
            new("Bekræftet fremmødte i krisestaben", staff.ToString(Infrastructure.Time.DanishTime.Culture)),
            new("Poster i kriseloggen", kinds.Values.Sum().ToString(Infrastructure.Time.DanishTime.Culture)),
            new("Beslutninger", kinds.GetValueOrDefault(LogEntryKind.Beslutning).ToString(Infrastructure.Time.DanishTime.Culture)),
            new("Ordrer", kinds.GetValueOrDefault(LogEntryKind.Ordre).ToString(Infrastructure.Time.DanishTime.Culture)),
        ];
    }
}
