using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Stabsrum.Infrastructure.Security;
using Stabsrum.Infrastructure.Tenancy;

namespace Stabsrum.Tests.Security;

/// <summary>One callable route: method, pattern and what it demands, discovered from the app's endpoint data source.</summary>
public sealed record DiscoveredEndpoint(string Method, string Pattern, bool IsApi, bool AllowsAnonymous, IReadOnlyList<Permission> Required)
{
    public override string ToString() => $"{Method} /{Pattern}";

    public bool Allows(OrganisationRole role) => Required.All(p => role.Allows(p));

    /// <summary>The route with its parameters filled: ids become the given value, other parameters a known sample.</summary>
    public string Url(Guid id) => "/" + Regex.Replace(Pattern, "{(?<name>[^}:]+)(:[^}]+)?}", m => m.Groups["name"].Value switch
    {
        "code" => "404",
        "documentName" => "v1",
        var name when name == "id" || name.EndsWith("Id", StringComparison.Ordinal) => id.ToString(),
        "year" => "2026",
        "month" or "version" or "number" => "1",

        // Tokens, slugs and file names: a value that names nothing, so the endpoint must answer 4xx.
        _ => "ukendt",
    });
}

public static class EndpointCatalog
{
    private static readonly Dictionary<string, Permission> PolicyPermissions = new(StringComparer.Ordinal)
    {
        [Policies.Read] = Permission.Read,
        [Policies.OperateIncidents] = Permission.OperateIncidents,
        [Policies.MaintainRegistry] = Permission.MaintainRegistry,
        [Policies.Administer] = Permission.Administer,
    };

    public static IReadOnlyList<DiscoveredEndpoint> Discover(IServiceProvider services)
    {
        var result = new List<DiscoveredEndpoint>();
        foreach (var endpoint in services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>())
        {
            var pattern = endpoint.RoutePattern.RawText!.Trim('/');
            var isApi = pattern.StartsWith("api/", StringComparison.Ordinal);
            var methods = endpoint.Metadata.GetMetadata<HttpMethodMetadata>()?.HttpMethods
                ?? (isApi ? ["GET"] : ["GET", "POST"]);
            var authorize = endpoint.Metadata.GetOrderedMetadata<IAuthorizeData>();
            var anonymous = endpoint.Metadata.GetMetadata<IAllowAnonymous>() is not null;
            var policies = authorize.Select(a => a.Policy).OfType<string>().ToList();
            var required = policies.Where(PolicyPermissions.ContainsKey).Select(p => PolicyPermissions[p]).Distinct().ToList();

            foreach (var method in methods.Where(m => m is "GET" or "POST" or "PUT" or "DELETE" or "PATCH"))
            {
                result.Add(new DiscoveredEndpoint(method, pattern, isApi, anonymous, required));
            }
        }

        return result.DistinctBy(e => (e.Method, e.Pattern)).OrderBy(e => e.Pattern, StringComparer.Ordinal).ThenBy(e => e.Method, StringComparer.Ordinal).ToList();
    }

    /// <summary>Endpoints that declare nothing: they would fall back to the default policy, which is a bug waiting to happen.</summary>
    public static IReadOnlyList<string> Undeclared(IServiceProvider services) =>
        services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Where(e => e.Metadata.GetMetadata<IAllowAnonymous>() is null && e.Metadata.GetOrderedMetadata<IAuthorizeData>().Count == 0)
            .Select(e => e.RoutePattern.RawText ?? e.DisplayName ?? "?")
            .ToList();
}
