using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Stabsrum.Infrastructure.Database;
using Stabsrum.Infrastructure.Tenancy;
using Stabsrum.Infrastructure.Time;

namespace Stabsrum.Features.Audit;

/// <summary>The filter and query shared by the audit trail page and its print view.</summary>
public abstract class AuditTrailPage(StabsrumDbContext db, CurrentOrganisation current) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public string? EntityType { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Actor { get; set; }

    /// <summary>Local dates (Europe/Copenhagen), inclusive.</summary>
    [BindProperty(SupportsGet = true)]
    public DateOnly? From { get; set; }

    [BindProperty(SupportsGet = true)]
    public DateOnly? To { get; set; }

    public IReadOnlyList<AuditEntryDto> Entries { get; private set; } = [];

    public IReadOnlyList<string> EntityTypes { get; private set; } = [];

    public string OrganisationName { get; private set; } = "";

    public string FilterQuery => QueryString.Create(new Dictionary<string, string?>
    {
        ["EntityType"] = EntityType,
        ["Actor"] = Actor,
        ["From"] = From?.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
        ["To"] = To?.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
    }.Where(p => !string.IsNullOrEmpty(p.Value))).ToString();

    protected async Task LoadAsync(int limit, CancellationToken ct)
    {
        var orgId = current.RequireOrganisationId();
        var from = From is { } f ? DanishTime.FromLocal(f.ToDateTime(TimeOnly.MinValue)) : (DateTimeOffset?)null;
        var to = To is { } t ? DanishTime.FromLocal(t.AddDays(1).ToDateTime(TimeOnly.MinValue)).AddTicks(-1) : (DateTimeOffset?)null;
        Entries = await AuditApi.Query(db, current, new AuditFilter(EntityType, Actor, from, to, limit)).ToListAsync(ct);
        EntityTypes = await db.AuditTrail.AsNoTracking().Where(a => a.OrganisationId == orgId).Select(a => a.EntityType).Distinct().OrderBy(x => x).ToListAsync(ct);
        OrganisationName = await db.Organisations.Where(o => o.Id == orgId).Select(o => o.Name).SingleAsync(ct);
    }
}
