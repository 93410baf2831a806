using Microsoft.EntityFrameworkCore;
using Stabsrum.Features.Preparedness;
using Stabsrum.Infrastructure.Database;
using Stabsrum.Infrastructure.Tenancy;

namespace Stabsrum.Features.Registry;

/// <summary>Bilag A in the binder: every alarm list as it will be called, with phone numbers.</summary>
internal sealed class MappeAlarmLists : IBeredskabsmappeSection
{
    public int Order => 10;

    public string Title => "Alarmeringslister";

    public string PartialViewName => "/Features/Registry/Mappe/_AlarmLists.cshtml";

    public async Task<object> LoadAsync(StabsrumDbContext db, CancellationToken cancellationToken) =>
        (await ContactSequence.LoadAllAsync(db, db.Current.Can(Permission.MaintainRegistry), cancellationToken)).Select(ContactSequence.Compute).ToList();
}

/// <summary>Bilag A: the phone list of every key person (seed 002: "telefonlister til print").</summary>
internal sealed class MappeKeyPersons : IBeredskabsmappeSection
{
    public int Order => 15;

    public string Title => "Telefonliste – nøglepersoner";

    public string PartialViewName => "/Features/Registry/Mappe/_KeyPersons.cshtml";

    public async Task<object> LoadAsync(StabsrumDbContext db, CancellationToken cancellationToken)
    {
        var seesPrivate = db.Current.Can(Permission.MaintainRegistry);
        var rows = await db.KeyPersons.AsNoTracking().Where(p => p.ErasedAt == null).OrderBy(p => p.Name)
            .Select(p => new
            {
                Person = p,
                Substitutes = p.Substitutes.OrderBy(s => s.Rank).Select(s => new NamedRef(s.SubstituteId, s.Substitute!.Name)).ToList(),
                Roles = p.Roles.Select(r => new NamedRef(r.RoleId, r.Role!.Name)).ToList(),
            }).ToListAsync(cancellationToken);
        return rows.Select(r => KeyPersonQueries.ToDto(r.Person, r.Substitutes, r.Roles, seesPrivate)).ToList();
    }
}

/// <summary>The crisis-staff roles with their duties before, during and after.</summary>
internal sealed class MappeRoles : IBeredskabsmappeSection
{
    public int Order => 20;

    public string Title => "Roller i krisestaben";

    public string PartialViewName => "/Features/Registry/Mappe/_Roles.cshtml";

    public async Task<object> LoadAsync(StabsrumDbContext db, CancellationToken cancellationToken) =>
        await db.StaffRoles.AsNoTracking().OrderBy(r => r.SortOrder).ThenBy(r => r.Name).ToListAsync(cancellationToken);
}

/// <summary>Bilag B.</summary>
internal sealed class MappeResources : IBeredskabsmappeSection
{
    public int Order => 40;

    public string Title => "Taktiske ressourcer";

    public string PartialViewName => "/Features/Registry/Mappe/_Resources.cshtml";

    public async Task<object> LoadAsync(StabsrumDbContext db, CancellationToken cancellationToken) =>
        await Resources.IndexModel.LoadAsync(db, cancellationToken);
}

/// <summary>Bilag D.</summary>
internal sealed class MappePartners : IBeredskabsmappeSection
{
    public int Order => 50;

    public string Title => "Eksterne samarbejdspartnere";

    public string PartialViewName => "/Features/Registry/Mappe/_Partners.cshtml";

    public async Task<object> LoadAsync(StabsrumDbContext db, CancellationToken cancellationToken) =>
        await Partners.IndexModel.LoadAsync(db, cancellationToken);
}
