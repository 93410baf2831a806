using Microsoft.EntityFrameworkCore;
using Stabsrum.Features.Registry;
using Stabsrum.Infrastructure.Database;

namespace Stabsrum.Features.ResourceRequests;

public sealed record RequestStepDto(RequestStatus? From, RequestStatus To, string? Note, DateTimeOffset ChangedAt, string ChangedBy);

public sealed record CommitmentDto(Guid ResourceId, string ResourceName, int Quantity, DateTimeOffset CommittedAt, DateTimeOffset? ReleasedAt);

public sealed record RequestDto(
    Guid Id, Guid IncidentId, RequesterKind RequesterKind, string RequesterName, string What, int Quantity, string? Unit, string Location,
    DateTimeOffset? NeededBy, string Contact, RequestStatus Status, string? ForwardedTo, string? Reason, string CreatedBy, DateTimeOffset CreatedAt,
    IReadOnlyList<RequestStepDto> Steps, IReadOnlyList<CommitmentDto> Commitments)
{
    public string StatusName => RequestFlow.Label(Status);

    public string RequesterKindName => RequestFlow.Label(RequesterKind);

    public IReadOnlyList<RequestStatus> NextStatuses => RequestFlow.Next(Status);
}

public sealed record AvailableResourceDto(Guid Id, string Name, string Category, int Quantity, int Committed, int Free, ResourceAvailability Availability, string? Location);

public sealed record CommittedResourceDto(string ResourceName, int Quantity, string RequesterName, string What);

public sealed record RequestedDto(string What, int Quantity, string? Unit, string RequesterName, RequestStatus Status, DateTimeOffset? NeededBy);

/// <summary>The incident's resource overview: what is committed to it, what the organisation still has, what is asked for.</summary>
public sealed record ResourceOverviewDto(IReadOnlyList<CommittedResourceDto> Committed, IReadOnlyList<AvailableResourceDto> Available, IReadOnlyList<RequestedDto> Requested);

public static class ResourceRequestQueries
{
    public static async Task<List<RequestDto>> ForIncidentAsync(StabsrumDbContext db, Guid incidentId, CancellationToken ct)
    {
        var requests = await db.ResourceRequests.AsNoTracking().Where(r => r.IncidentId == incidentId).ToListAsync(ct);
        return await DtosAsync(db, requests, ct);
    }

    public static async Task<RequestDto?> OneAsync(StabsrumDbContext db, Guid requestId, CancellationToken ct)
    {
        var requests = await db.ResourceRequests.AsNoTracking().Where(r => r.Id == requestId).ToListAsync(ct);
        return (await DtosAsync(db, requests, ct)).SingleOrDefault();
    }

    public static async Task<ResourceOverviewDto> OverviewAsync(StabsrumDbContext db, Guid incidentId, CancellationToken ct)
    {
        var requests = await ForIncidentAsync(db, incidentId, ct);
        var committed = requests
            .SelectMany(r => r.Commitments.Where(c => c.ReleasedAt is null).Select(c => new CommittedResourceDto(c.ResourceName, c.Quantity, r.RequesterName, r.What)))
            .OrderBy(c => c.ResourceName, StringComparer.Ordinal).ThenBy(c => c.RequesterName, StringComparer.Ordinal).ToList();
        var totals = await ResourceRequestChanges.CommittedAsync(db, ct);
        var resources = await db.TacticalResources.AsNoTracking().ToListAsync(ct);
        var available = resources
            .Select(r =>
            {
                var used = totals.GetValueOrDefault(r.Id);
                var free = r.Availability == ResourceAvailability.IkkeTilgaengelig && used == 0 ? 0 : Math.Max(r.Quantity - used, 0);
                return new AvailableResourceDto(r.Id, r.Name, r.Category, r.Quantity, used, free, r.Availability, r.Location);
            })
            .OrderBy(r => r.Category, StringComparer.Ordinal).ThenBy(r => r.Name, StringComparer.Ordinal).ThenBy(r => r.Id).ToList();
        var requested = requests.Where(r => r.Status is RequestStatus.Modtaget or RequestStatus.Vurderet or RequestStatus.Videresendt)
            .Select(r => new RequestedDto(r.What, r.Quantity, r.Unit, r.RequesterName, r.Status, r.NeededBy)).ToList();
        return new ResourceOverviewDto(committed, available, requested);
    }

    private static async Task<List<RequestDto>> DtosAsync(StabsrumDbContext db, List<ResourceRequest> requests, CancellationToken ct)
    {
        var ids = requests.Select(r => r.Id).ToList();
        var steps = await db.ResourceRequestSteps.AsNoTracking().Where(s => ids.Contains(s.RequestId)).ToListAsync(ct);
        var commitments = await db.ResourceCommitments.AsNoTracking().Where(c => ids.Contains(c.RequestId)).ToListAsync(ct);
        return requests.OrderBy(r => r.CreatedAt).ThenBy(r => r.Id).Select(r => new RequestDto(
                r.Id, r.IncidentId, r.RequesterKind, r.RequesterName, r.What, r.Quantity, r.Unit, r.Location, r.NeededBy, r.Contact, r.Status, r.ForwardedTo,
                r.Reason, r.CreatedBy, r.CreatedAt,
                steps.Where(s => s.RequestId == r.Id).OrderBy(s => s.ChangedAt).ThenBy(s => s.FromStatus is null ? 0 : 1).ThenBy(s => s.Id)
                    .Select(s => new RequestStepDto(s.FromStatus, s.ToStatus, s.Note, s.ChangedAt, s.ChangedBy)).ToList(),
                commitments.Where(c => c.RequestId == r.Id).OrderBy(c => c.ResourceName, StringComparer.Ordinal).ThenBy(c => c.Id)
                    .Select(c => new CommitmentDto(c.ResourceId, c.ResourceName, c.Quantity, c.CommittedAt, c.ReleasedAt)).ToList()))
            .ToList();
    }
}
