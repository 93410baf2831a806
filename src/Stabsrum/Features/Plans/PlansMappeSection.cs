using Microsoft.EntityFrameworkCore;
using Stabsrum.Features.Preparedness;
using Stabsrum.Infrastructure.Database;

namespace Stabsrum.Features.Plans;

/// <summary>The beredskabsmappe's chapter on the plans register: every active plan with approval and due dates.</summary>
public sealed class PlansMappeSection(TimeProvider time) : IBeredskabsmappeSection
{
    public sealed record Chapter(IReadOnlyList<Plan> Plans, DateOnly Today);

    public int Order => 60;

    public string Title => "Planoversigt (bilag C)";

    public string PartialViewName => "/Features/Plans/_MappePlans.cshtml";

    public async Task<object> LoadAsync(StabsrumDbContext db, CancellationToken cancellationToken) =>
        new Chapter(await db.Plans.AsNoTracking().Where(p => !p.Archived).OrderBy(p => p.Type).ThenBy(p => p.Title).ToListAsync(cancellationToken), time.Today());
}
