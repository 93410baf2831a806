using Microsoft.AspNetCore.Authorization;
using Stabsrum.Infrastructure.Database;
using Stabsrum.Infrastructure.Security;
using Stabsrum.Infrastructure.Tenancy;

namespace Stabsrum.Features.Audit;

[Authorize(Policy = Policies.Administer)]
public sealed class IndexModel(StabsrumDbContext db, CurrentOrganisation current) : AuditTrailPage(db, current)
{
    public Task OnGetAsync(CancellationToken ct) => LoadAsync(200, ct);
}
