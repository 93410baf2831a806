using Microsoft.EntityFrameworkCore;
using Stabsrum.Infrastructure.Database;
using Stabsrum.Infrastructure.Tenancy;

namespace Stabsrum.Infrastructure.Web;

public sealed record ShellOrganisation(Guid Id, string Name);

public sealed record ShellState(
    string? UserName, IReadOnlyList<ShellOrganisation> Organisations, ShellOrganisation? Current, OrganisationRole? Role, bool ExerciseMode)
{
    public static readonly ShellState Anonymous = new(null, [], null, null, false);

    public bool Can(Permission permission) => Role is { } role && role.Allows(permission);
}

/// <summary>What the layout needs on every page: who is signed in, their organisations, exercise mode.</summary>
public sealed class Shell(StabsrumDbContext db, CurrentOrganisation current)
{
    private ShellState? _state;

    public async Task<ShellState> GetAsync()
    {
        if (_state is not null)
        {
            return _state;
        }

        if (current.UserId is not { } userId)
        {
            return _state = ShellState.Anonymous;
        }

        var name = await db.Users.AsNoTracking().Where(u => u.Id == userId).Select(u => u.DisplayName).SingleOrDefaultAsync();
        var orgs = await db.Memberships.IgnoreQueryFilters().AsNoTracking()
            .Where(m => m.UserId == userId)
            .OrderBy(m => m.Organisation!.Name)
            .Select(m => new { m.OrganisationId, m.Organisation!.Name, m.Organisation.ExerciseMode })
            .ToListAsync();
        var chosen = orgs.FirstOrDefault(o => o.OrganisationId == current.OrganisationId);
        return _state = new ShellState(
            name ?? current.UserName,
            orgs.Select(o => new ShellOrganisation(o.OrganisationId, o.Name)).ToList(),
            chosen is null ? null : new ShellOrganisation(chosen.OrganisationId, chosen.Name),
            current.Role,
            chosen?.ExerciseMode ?? false);
    }
}
