using Microsoft.EntityFrameworkCore;
using Stabsrum.Infrastructure.Database;
using Stabsrum.Infrastructure.Problems;
using Stabsrum.Infrastructure.Tenancy;

namespace Stabsrum.Features.CrisisLog;

public sealed record StaffJoinInput(Guid? UserId, string? Name, string? RoleName);

/// <summary>Joining, leaving, taking and giving up roles, and acknowledging a shift handover: each logged.</summary>
public sealed class StaffChanges(StabsrumDbContext db, CrisisLog log, IncidentChanges incidents, CurrentOrganisation current, TimeProvider time)
{
    public Task<ChangeResult> JoinAsync(Guid incidentId, StaffJoinInput input, CancellationToken ct) =>
        incidents.InLockedIncidentAsync(incidentId, null, async (_, _) =>
        {
            var errors = new ValidationErrors().Optional("name", input.Name, "Navn", 200).Optional("roleName", input.RoleName, "Rolle", 80);
            var name = input.Name?.Trim();
            if (input.UserId is { } userId)
            {
                name = await (from m in db.Memberships join u in db.Users on m.UserId equals u.Id where m.UserId == userId select u.DisplayName).FirstOrDefaultAsync(ct);
                if (name is null)
                {
                    errors.Add("userId", "Brugeren er ikke medlem af organisationen.");
                }
                else if (await db.StaffMembers.AnyAsync(s => s.IncidentId == incidentId && s.UserId == userId && s.LeftAt == null, ct))
                {
                    errors.Add("userId", $"{name} er allerede i krisestaben.");
                }
            }
            else if (string.IsNullOrWhiteSpace(name))
            {
                errors.Add("name", "Angiv en bruger eller et navn.");
            }

            if (errors.Any)
            {
                return new ChangeResult(ChangeOutcome.Invalid, errors);
            }

            var now = LogChain.Truncate(time.GetUtcNow());
            var member = new StaffMember { IncidentId = incidentId, UserId = input.UserId, Name = name!, JoinedAt = now };
            db.StaffMembers.Add(member);
            var role = string.IsNullOrWhiteSpace(input.RoleName) ? null : input.RoleName.Trim();
            if (role is not null)
            {
                db.StaffRoleAssignments.Add(new StaffRoleAssignment { IncidentId = incidentId, StaffMemberId = member.Id, RoleName = role, AssumedAt = now });
            }

            var text = role is null ? $"{member.Name} er indtrådt i krisestaben." : $"{member.Name} er indtrådt i krisestaben som {role}.";
            var result = await LogAsync(incidentId, text, ct);
            return result with { Detail = member.Id.ToString() };
        }, ct);

    public Task<ChangeResult> LeaveAsync(Guid incidentId, Guid memberId, CancellationToken ct) =>
        incidents.InLockedIncidentAsync(incidentId, null, async (_, _) =>
        {
            var member = await db.StaffMembers.SingleOrDefaultAsync(s => s.Id == memberId && s.IncidentId == incidentId, ct);
            if (member is null)
            {
                return new ChangeResult(ChangeOutcome.NotFound, new ValidationErrors());
            }

            if (member.LeftAt is not null)
            {
                return new ChangeResult(ChangeOutcome.Invalid, new ValidationErrors().Add("member", $"{member.Name} har allerede forladt staben."));
            }

            var now = LogChain.Truncate(time.GetUtcNow());
            member.LeftAt = now;
            foreach (var role in await db.StaffRoleAssignments.Where(r => r.StaffMemberId == memberId && r.RenouncedAt == null).ToListAsync(ct))
            {
                role.RenouncedAt = now;
            }

            return await LogAsync(incidentId, $"{member.Name} har forladt krisestaben.", ct);
        }, ct);

    public Task<ChangeResult> AssumeRoleAsync(Guid incidentId, Guid memberId, string? roleName, CancellationToken ct) =>
        incidents.InLockedIncidentAsync(incidentId, null, async (_, _) =>
        {
            var errors = new ValidationErrors().Required("roleName", roleName, "Rolle", 80);
            var member = await db.StaffMembers.SingleOrDefaultAsync(s => s.Id == memberId && s.IncidentId == incidentId, ct);
            if (member is null)
            {
                return new ChangeResult(ChangeOutcome.NotFound, errors);
            }

            if (member.LeftAt is not null)
            {
                errors.Add("member", $"{member.Name} har forladt staben.");
            }

            if (errors.Any)
            {
                return new ChangeResult(ChangeOutcome.Invalid, errors);
            }

            var role = roleName!.Trim();
            if (await db.StaffRoleAssignments.AnyAsync(r => r.StaffMemberId == memberId && r.RoleName == role && r.RenouncedAt == null, ct))
            {
                return new ChangeResult(ChangeOutcome.Invalid, errors.Add("roleName", $"{member.Name} har allerede rollen {role}."));
            }

            db.StaffRoleAssignments.Add(new StaffRoleAssignment { IncidentId = incidentId, StaffMemberId = memberId, RoleName = role, AssumedAt = LogChain.Truncate(time.GetUtcNow()) });
            return await LogAsync(incidentId, $"{member.Name} har overtaget rollen {role}.", ct);
        }, ct);

    public Task<ChangeResult> RenounceRoleAsync(Guid incidentId, Guid assignmentId, CancellationToken ct) =>
        incidents.InLockedIncidentAsync(incidentId, null, async (_, _) =>
        {
            var assignment = await db.StaffRoleAssignments.SingleOrDefaultAsync(r => r.Id == assignmentId && r.IncidentId == incidentId, ct);
            if (assignment is null)
            {
                return new ChangeResult(ChangeOutcome.NotFound, new ValidationErrors());
            }

            if (assignment.RenouncedAt is not null)
            {
                return new ChangeResult(ChangeOutcome.Invalid, new ValidationErrors().Add("role", "Rollen er allerede afgivet."));
            }

            assignment.RenouncedAt = LogChain.Truncate(time.GetUtcNow());
            var name = await db.StaffMembers.Where(s => s.Id == assignment.StaffMemberId).Select(s => s.Name).SingleAsync(ct);
            return await LogAsync(incidentId, $"{name} har afgivet rollen {assignment.RoleName}.", ct);
        }, ct);

    /// <summary>The next person confirms they have read the handover; the confirmation is itself a log entry.</summary>
    public async Task<AppendResult> AcknowledgeHandoverAsync(Guid incidentId, Guid handoverId, Guid? entryId, CancellationToken ct)
    {
        var handover = await db.CrisisLogEntries.AsNoTracking().SingleOrDefaultAsync(e => e.Id == handoverId && e.IncidentId == incidentId && e.Subject == LogSubject.Handover, ct);
        if (handover is null)
        {
            return new AppendResult(AppendOutcome.NotFound, null, new ValidationErrors());
        }

        var id = entryId ?? Guid.CreateVersion7();
        var existingAck = await db.CrisisLogEntries.AsNoTracking().FirstOrDefaultAsync(e => e.AcknowledgesEntryId == handoverId, ct);
        if (existingAck is not null)
        {
            return existingAck.Id == id
                ? new AppendResult(AppendOutcome.AlreadyStored, existingAck, new ValidationErrors())
                : new AppendResult(AppendOutcome.Conflict, null, new ValidationErrors().Add("acknowledgesEntryId", $"Vagtskiftet er allerede kvitteret af {existingAck.AuthorName}."));
        }

        if (handover.AuthorUserId is not null && handover.AuthorUserId == current.UserId)
        {
            return new AppendResult(AppendOutcome.Invalid, null, new ValidationErrors().Add("acknowledgesEntryId", "Vagtskiftet skal kvitteres af den, der overtager vagten."));
        }

        return await log.AppendAsync(incidentId, new NewLogEntry(id, LogEntryKind.Vagtskifte,
            $"Vagtskifte kvitteret: {current.UserName ?? "system"} har overtaget efter {handover.AuthorName}.",
            AcknowledgesEntryId: handoverId, Subject: LogSubject.HandoverAcknowledged), ct);
    }

    private async Task<ChangeResult> LogAsync(Guid incidentId, string text, CancellationToken ct) =>
        ChangeResult.From(await log.AppendAsync(incidentId, new NewLogEntry(Guid.CreateVersion7(), LogEntryKind.Information, text, Subject: LogSubject.Staff), ct));

    /// <summary>Who held a role at an instant: assumed at or before it, and not renounced by then.</summary>
    public static async Task<List<(string Name, string RoleName, DateTimeOffset AssumedAt, DateTimeOffset? RenouncedAt)>> HoldersAtAsync(
        StabsrumDbContext db, Guid incidentId, DateTimeOffset at, string? roleName, CancellationToken ct)
    {
        var query = from r in db.StaffRoleAssignments.AsNoTracking()
                    join m in db.StaffMembers.AsNoTracking() on r.StaffMemberId equals m.Id
                    where r.IncidentId == incidentId && r.AssumedAt <= at && (r.RenouncedAt == null || r.RenouncedAt > at)
                    select new { m.Name, r.RoleName, r.AssumedAt, r.RenouncedAt };
        if (!string.IsNullOrWhiteSpace(roleName))
        {
            var role = roleName.Trim().ToLower();
            query = query.Where(r => r.RoleName.ToLower() == role);
        }

        var rows = await query.OrderBy(r => r.RoleName).ThenBy(r => r.AssumedAt).ToListAsync(ct);
        return rows.Select(r => (r.Name, r.RoleName, r.AssumedAt, r.RenouncedAt)).ToList();
    }
}
