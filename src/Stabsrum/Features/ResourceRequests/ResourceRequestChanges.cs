using Microsoft.EntityFrameworkCore;
using Stabsrum.Features.CrisisLog;
using Stabsrum.Features.Registry;
using Stabsrum.Features.Tasks;
using Stabsrum.Infrastructure.Database;
using Stabsrum.Infrastructure.Problems;
using Stabsrum.Infrastructure.Tenancy;
using Stabsrum.Infrastructure.Time;

namespace Stabsrum.Features.ResourceRequests;

public sealed record RequestInput(
    Guid Id, RequesterKind RequesterKind, string? RequesterName, string? What, int Quantity, string? Unit, string? Location, DateTimeOffset? NeededBy, string? Contact);

public sealed record CommitmentInput(Guid ResourceId, int Quantity);

/// <summary>A step in the flow. <see cref="Id"/> is the client's key; it is also the id of the step's log entry.</summary>
public sealed record RequestStepInput(Guid Id, RequestStatus Status, string? Note = null, string? ForwardedTo = null, IReadOnlyList<CommitmentInput>? Resources = null);

public sealed record RequestResult(TaskOutcome Outcome, ResourceRequest? Request, ValidationErrors Errors, string? Conflict = null);

/// <summary>
/// Requests for assistance and their flow. Every change is a crisis-log entry in the same transaction (the request's
/// id for the receipt, the step's id for each step). Meeting a request redeploys own tactical resources: their
/// availability in the registry follows what is committed, and closing the request releases them.
/// </summary>
public sealed class ResourceRequestChanges(StabsrumDbContext db, CrisisLog.CrisisLog log, CurrentOrganisation current, TimeProvider time)
{
    public async Task<RequestResult> CreateAsync(Guid incidentId, RequestInput input, CancellationToken ct)
    {
        var now = time.GetUtcNow();
        var errors = Validate(input, now);
        if (errors.Any)
        {
            return new RequestResult(TaskOutcome.Invalid, null, errors);
        }

        var incident = await db.Incidents.AsNoTracking().Where(i => i.Id == incidentId).Select(i => new { i.Status }).SingleOrDefaultAsync(ct);
        if (incident is null)
        {
            return new RequestResult(TaskOutcome.NotFound, null, errors);
        }

        if (await db.ResourceRequests.IgnoreQueryFilters().AsNoTracking().FirstOrDefaultAsync(r => r.Id == input.Id, ct) is { } existing)
        {
            return existing.OrganisationId == current.OrganisationId && existing.IncidentId == incidentId && existing.What == input.What!.Trim()
                ? new RequestResult(TaskOutcome.AlreadyStored, existing, errors)
                : new RequestResult(TaskOutcome.Conflict, null, errors, "Der findes allerede en anmodning med dette id, men med andet indhold.");
        }

        if (incident.Status == IncidentStatus.Afsluttet)
        {
            return new RequestResult(TaskOutcome.Invalid, null, errors.Add("incident", "Hændelsen er afsluttet."));
        }

        var by = current.UserName ?? "system";
        var request = new ResourceRequest
        {
            Id = input.Id,
            IncidentId = incidentId,
            RequesterKind = input.RequesterKind,
            RequesterName = input.RequesterName!.Trim(),
            What = input.What!.Trim(),
            Quantity = input.Quantity,
            Unit = Clean(input.Unit),
            Location = input.Location!.Trim(),
            NeededBy = input.NeededBy?.ToUniversalTime(),
            Contact = input.Contact!.Trim(),
            Status = RequestStatus.Modtaget,
            CreatedBy = by,
            CreatedAt = now,
            UpdatedAt = now,
        };
        await using var transaction = await JoinableTransaction.BeginOrJoinAsync(db.Database, ct);
        db.ResourceRequests.Add(request);
        db.ResourceRequestSteps.Add(new ResourceRequestStep { Id = request.Id, RequestId = request.Id, ToStatus = RequestStatus.Modtaget, ChangedAt = now, ChangedBy = by });
        var text = $"Anmodning om bistand modtaget fra {RequestFlow.Label(request.RequesterKind).ToLowerInvariant()} {request.RequesterName}: "
            + $"{request.Quantity} {request.Unit ?? "stk."} {request.What} til {request.Location}"
            + (request.NeededBy is { } by2 ? $" senest {DanishTime.Format(by2)}" : "") + $". Kontakt: {request.Contact}.";
        var appended = await log.AppendAsync(incidentId, new NewLogEntry(request.Id, LogEntryKind.MeldingInd, text), ct);
        if (!appended.Succeeded)
        {
            await transaction.RollbackAsync(ct);
            db.ChangeTracker.Clear();
            return new RequestResult(appended.Outcome == AppendOutcome.Conflict ? TaskOutcome.Conflict : TaskOutcome.Invalid, null, appended.Errors, "Loggen afviste posten.");
        }

        await transaction.CommitAsync(ct);
        return new RequestResult(TaskOutcome.Created, request, errors);
    }

    public async Task<RequestResult> StepAsync(Guid requestId, RequestStepInput input, CancellationToken ct)
    {
        var errors = new ValidationErrors();
        var request = await db.ResourceRequests.FirstOrDefaultAsync(r => r.Id == requestId, ct);
        if (request is null)
        {
            return new RequestResult(TaskOutcome.NotFound, null, errors);
        }

        if (input.Id == Guid.Empty)
        {
            return new RequestResult(TaskOutcome.Invalid, null, errors.Add("id", "Trinnets id skal være et UUID, som klienten vælger."));
        }

        if (await db.ResourceRequestSteps.AsNoTracking().AnyAsync(s => s.Id == input.Id && s.RequestId == requestId, ct))
        {
            return new RequestResult(TaskOutcome.AlreadyStored, request, errors);
        }

        if (!Enum.IsDefined(input.Status))
        {
            return new RequestResult(TaskOutcome.Invalid, null, errors.Add("status", "Ukendt status."));
        }

        if (RequestFlow.Refusal(request.Status, input.Status) is { } refusal)
        {
            return new RequestResult(TaskOutcome.Conflict, request, errors, refusal);
        }

        errors.Optional("note", input.Note, "Bemærkningen", 2000);
        if (input.Status == RequestStatus.Afvist)
        {
            errors.Required("note", input.Note, "Begrundelsen for afvisningen", 2000);
        }

        if (input.Status == RequestStatus.Videresendt)
        {
            errors.Required("forwardedTo", input.ForwardedTo, "Hvem anmodningen sendes videre til");
        }

        var resources = new List<(TacticalResource Resource, int Quantity)>();
        if (input.Status == RequestStatus.Imoedekommet)
        {
            resources = await ResolveResourcesAsync(input.Resources ?? [], errors, ct);
        }

        if (errors.Any)
        {
            return new RequestResult(TaskOutcome.Invalid, null, errors);
        }

        var now = time.GetUtcNow();
        var by = current.UserName ?? "system";
        var note = Clean(input.Note);
        await using var transaction = await JoinableTransaction.BeginOrJoinAsync(db.Database, ct);
        db.ResourceRequestSteps.Add(new ResourceRequestStep
        {
            Id = input.Id,
            RequestId = request.Id,
            FromStatus = request.Status,
            ToStatus = input.Status,
            Note = note,
            ChangedAt = now,
            ChangedBy = by,
        });
        var text = $"Anmodning om bistand fra {request.RequesterName} ({request.Quantity} {request.Unit ?? "stk."} {request.What}): {RequestFlow.Label(input.Status).ToLowerInvariant()}";
        switch (input.Status)
        {
            case RequestStatus.Imoedekommet:
                foreach (var (resource, quantity) in resources)
                {
                    db.ResourceCommitments.Add(new ResourceCommitment
                    {
                        IncidentId = request.IncidentId,
                        RequestId = request.Id,
                        ResourceId = resource.Id,
                        ResourceName = resource.Name,
                        Quantity = quantity,
                        CommittedAt = now,
                    });
                }

                await db.SaveChangesAsync(ct);
                await UpdateAvailabilityAsync(resources.Select(r => r.Resource), ct);
                text += " med egne ressourcer: " + string.Join(", ", resources.Select(r => $"{r.Quantity} × {r.Resource.Name}"));
                break;
            case RequestStatus.Videresendt:
                request.ForwardedTo = input.ForwardedTo!.Trim();
                text += $" til {request.ForwardedTo}";
                break;
            case RequestStatus.Afvist:
                request.Reason = note;
                break;
            case RequestStatus.Afsluttet:
                var released = await db.ResourceCommitments.Where(c => c.RequestId == request.Id && c.ReleasedAt == null).ToListAsync(ct);
                released.ForEach(c => c.ReleasedAt = now);
                await db.SaveChangesAsync(ct);
                var ids = released.Select(c => c.ResourceId).ToList();
                await UpdateAvailabilityAsync(await db.TacticalResources.Where(r => ids.Contains(r.Id)).ToListAsync(ct), ct);
                if (released.Count > 0)
                {
                    text += "; ressourcerne er frigivet";
                }

                break;
        }

        request.Status = input.Status;
        request.UpdatedAt = now;
        text += note is null ? "." : $". {note}";
        var appended = await log.AppendAsync(request.IncidentId, new NewLogEntry(input.Id, LogEntryKind.Handling, text,
            Rationale: input.Status == RequestStatus.Afvist ? note : null), ct);
        if (!appended.Succeeded)
        {
            await transaction.RollbackAsync(ct);
            db.ChangeTracker.Clear();
            return new RequestResult(appended.Outcome == AppendOutcome.Conflict ? TaskOutcome.Conflict : TaskOutcome.Invalid, null, appended.Errors, "Loggen afviste posten.");
        }

        await transaction.CommitAsync(ct);
        return new RequestResult(TaskOutcome.Changed, request, errors);
    }

    /// <summary>How much of each resource is committed right now (all incidents of the organisation).</summary>
    public static async Task<Dictionary<Guid, int>> CommittedAsync(StabsrumDbContext db, CancellationToken ct) =>
        await db.ResourceCommitments.AsNoTracking().Where(c => c.ReleasedAt == null)
            .GroupBy(c => c.ResourceId).Select(g => new { g.Key, Quantity = g.Sum(c => c.Quantity) })
            .ToDictionaryAsync(g => g.Key, g => g.Quantity, ct);

    private async Task<List<(TacticalResource, int)>> ResolveResourcesAsync(IReadOnlyList<CommitmentInput> wanted, ValidationErrors errors, CancellationToken ct)
    {
        if (wanted.Count == 0)
        {
            errors.Add("resources", "Vælg mindst én egen ressource, der omdisponeres for at imødekomme anmodningen.");
            return [];
        }

        var ids = wanted.Select(w => w.ResourceId).Distinct().ToList();
        var found = await db.TacticalResources.Where(r => ids.Contains(r.Id)).ToDictionaryAsync(r => r.Id, ct);
        var committed = await CommittedAsync(db, ct);
        var result = new List<(TacticalResource, int)>();
        foreach (var group in wanted.GroupBy(w => w.ResourceId))
        {
            var quantity = group.Sum(w => w.Quantity);
            if (!found.TryGetValue(group.Key, out var resource))
            {
                errors.Add("resources", "En valgt ressource findes ikke i organisationens ressourceoversigt.");
                continue;
            }

            var free = resource.Availability == ResourceAvailability.IkkeTilgaengelig && committed.GetValueOrDefault(resource.Id) == 0
                ? 0
                : resource.Quantity - committed.GetValueOrDefault(resource.Id);
            if (group.Any(w => w.Quantity <= 0))
            {
                errors.Add("resources", $"Antallet af {resource.Name} skal være mindst 1.");
            }
            else if (quantity > free)
            {
                errors.Add("resources", $"Der er kun {Math.Max(free, 0)} {resource.Name} til rådighed.");
            }
            else
            {
                result.Add((resource, quantity));
            }
        }

        return result;
    }

    /// <summary>A resource fully committed is ikke tilgængelig, partly committed begrænset, and free again tilgængelig.</summary>
    private async Task UpdateAvailabilityAsync(IEnumerable<TacticalResource> resources, CancellationToken ct)
    {
        var committed = await CommittedAsync(db, ct);
        foreach (var resource in resources)
        {
            var used = committed.GetValueOrDefault(resource.Id);
            resource.Availability = used == 0 ? ResourceAvailability.Tilgaengelig
                : used >= resource.Quantity ? ResourceAvailability.IkkeTilgaengelig
                : ResourceAvailability.Begraenset;
        }

        await db.SaveChangesAsync(ct);
    }

    private static ValidationErrors Validate(RequestInput input, DateTimeOffset now)
    {
        var errors = new ValidationErrors();
        if (input.Id == Guid.Empty)
        {
            errors.Add("id", "Anmodningens id skal være et UUID, som klienten vælger.");
        }

        if (!Enum.IsDefined(input.RequesterKind))
        {
            errors.Add("requesterKind", "Angiv om anmodningen kommer fra en enhed, en samarbejdspartner eller en anden kommune.");
        }

        errors.Required("requesterName", input.RequesterName, "Hvem der anmoder");
        errors.Required("what", input.What, "Hvad der anmodes om", 500);
        errors.Required("location", input.Location, "Hvor");
        errors.Required("contact", input.Contact, "Kontaktperson");
        errors.Optional("unit", input.Unit, "Enheden", 50);
        if (input.Quantity <= 0)
        {
            errors.Add("quantity", "Antallet skal være mindst 1.");
        }
        else if (input.Quantity > 1_000_000)
        {
            errors.Add("quantity", "Antallet er urealistisk stort.");
        }

        if (input.NeededBy is { } neededBy && neededBy < now.AddMinutes(-1))
        {
            errors.Add("neededBy", "Tidspunktet for, hvornår der er brug for hjælpen, kan ikke ligge før anmodningen.");
        }

        return errors;
    }

    private static string? Clean(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
