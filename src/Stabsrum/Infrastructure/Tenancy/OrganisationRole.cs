namespace Stabsrum.Infrastructure.Tenancy;

/// <summary>A user's role within one organisation. Names are the Danish words users know.</summary>
public enum OrganisationRole
{
    Laeser = 0,
    Stabsmedlem = 1,
    Planlaegger = 2,
    Administrator = 3,
}

/// <summary>What a role may do. Pages and endpoints ask for a permission, never for a role.</summary>
public enum Permission
{
    /// <summary>See the organisation's data.</summary>
    Read,

    /// <summary>Work in an incident: log, tasks, meetings.</summary>
    OperateIncidents,

    /// <summary>Maintain plans and the registry (alarm lists, resources, action cards).</summary>
    MaintainRegistry,

    /// <summary>Manage the organisation, its members and settings; read the audit trail.</summary>
    Administer,
}

public static class RolePermissions
{
    public static bool Allows(this OrganisationRole role, Permission permission) => permission switch
    {
        Permission.Read => true,
        Permission.OperateIncidents => role is OrganisationRole.Stabsmedlem or OrganisationRole.Planlaegger or OrganisationRole.Administrator,
        Permission.MaintainRegistry => role is OrganisationRole.Planlaegger or OrganisationRole.Administrator,
        Permission.Administer => role is OrganisationRole.Administrator,
        _ => false,
    };

    public static string DanishName(this OrganisationRole role) => role switch
    {
        OrganisationRole.Laeser => "Læser",
        OrganisationRole.Stabsmedlem => "Stabsmedlem",
        OrganisationRole.Planlaegger => "Planlægger",
        OrganisationRole.Administrator => "Administrator",
        _ => role.ToString(),
    };

    public static string PolicyName(this Permission permission) => "permission:" + permission;
}
