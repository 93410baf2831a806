using Microsoft.AspNetCore.Authorization;
using Stabsrum.Infrastructure.Database;
using Stabsrum.Infrastructure.Pdf;
using Stabsrum.Infrastructure.Security;
using Stabsrum.Infrastructure.Tenancy;

namespace Stabsrum.Features.Audit;

[Authorize(Policy = Policies.Administer)]
[PrintView("revisionsspor")]
public sealed class PrintModel(StabsrumDbContext db, CurrentOrganisation current) : AuditTrailPage(db, current)
{
    public Task OnGetAsync(CancellationToken ct) => LoadAsync(1000, ct);
}
