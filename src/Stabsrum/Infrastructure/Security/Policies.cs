using Microsoft.AspNetCore.Authorization;
using Stabsrum.Infrastructure.Tenancy;

namespace Stabsrum.Infrastructure.Security;

/// <summary>Authorization policy names. Each permission policy checks the caller's role in the current organisation.</summary>
public static class Policies
{
    public const string Read = "permission:Read";
    public const string OperateIncidents = "permission:OperateIncidents";
    public const string MaintainRegistry = "permission:MaintainRegistry";
    public const string Administer = "permission:Administer";

    /// <summary>Signed in, with or without an organisation (own account pages, organisation switcher).</summary>
    public const string SignedIn = "signed-in";
}

public sealed class PermissionRequirement(Permission permission) : IAuthorizationRequirement
{
    public Permission Permission { get; } = permission;
}

/// <summary>Scoped, so it sees the membership the organisation middleware resolved for this request.</summary>
public sealed class PermissionHandler(CurrentOrganisation current) : AuthorizationHandler<PermissionRequirement>
{
    protected override Task HandleRequirementAsync(AuthorizationHandlerContext context, PermissionRequirement requirement)
    {
        if (context.User.Identity?.IsAuthenticated == true && current.Can(requirement.Permission))
        {
            context.Succeed(requirement);
        }

        return Task.CompletedTask;
    }
}
