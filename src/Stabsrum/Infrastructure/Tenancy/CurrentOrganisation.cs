namespace Stabsrum.Infrastructure.Tenancy;

/// <summary>
/// Who is asking, and on behalf of which organisation. Scoped per request (or per CLI command / background run).
/// Filled by <see cref="OrganisationContextMiddleware"/> from the verified membership, never from client input alone.
/// </summary>
public sealed class CurrentOrganisation
{
    public Guid? OrganisationId { get; private set; }

    public OrganisationRole? Role { get; private set; }

    public Guid? UserId { get; private set; }

    public string? UserName { get; private set; }

    public bool HasOrganisation => OrganisationId is not null;

    public void SetUser(Guid userId, string? userName)
    {
        UserId = userId;
        UserName = userName;
    }

    public void Enter(Guid organisationId, OrganisationRole role)
    {
        OrganisationId = organisationId;
        Role = role;
    }

    /// <summary>For the CLI, demo data and background jobs, which act for an organisation without a user.</summary>
    public void EnterAsSystem(Guid organisationId, string actor)
    {
        OrganisationId = organisationId;
        Role = OrganisationRole.Administrator;
        UserName = actor;
    }

    public void Leave()
    {
        OrganisationId = null;
        Role = null;
    }

    public bool Can(Permission permission) => Role is { } role && role.Allows(permission);

    public Guid RequireOrganisationId() =>
        OrganisationId ?? throw new InvalidOperationException("No current organisation.");
}
