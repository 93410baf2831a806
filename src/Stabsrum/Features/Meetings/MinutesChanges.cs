using Microsoft.EntityFrameworkCore;
using Stabsrum.Infrastructure.Database;
using Stabsrum.Infrastructure.Problems;
using Stabsrum.Infrastructure.Tenancy;

namespace Stabsrum.Features.Meetings;

/// <summary>
/// The minutes' path (seed 001 §4.3 steps 5–7): draft → sent for approval (content frozen) → every named approver
/// approves → approved → distributed → filed. Approved minutes never change; a correction is a new version with a reason.
/// </summary>
public sealed class MinutesChanges(StabsrumDbContext db, CurrentOrganisation current, TimeProvider time, BodyChanges bodies, MeetingDocuments documents)
{
    public async Task<Minutes?> LatestAsync(Guid meetingId, CancellationToken ct) =>
        await db.Minutes.Where(m => m.MeetingId == meetingId).OrderByDescending(m => m.Version).FirstOrDefaultAsync(ct);

    public async Task<MeetingResult<Minutes>> SendForApprovalAsync(Guid meetingId, CancellationToken ct)
    {
        var meeting = await db.Meetings.SingleOrDefaultAsync(m => m.Id == meetingId, ct);
        if (meeting is null)
        {
            return MeetingResult<Minutes>.Missing();
        }

        if (meeting.Status == MeetingStatus.Aflyst || meeting.AgendaVersion == 0)
        {
            return MeetingResult<Minutes>.Clash("Mødet er aflyst eller har ingen udsendt dagsorden; der er intet referat at godkende.");
        }

        var minutes = await LatestAsync(meetingId, ct);
        if (minutes is not null && minutes.Status != MinutesStatus.Kladde)
        {
            return minutes.Status == MinutesStatus.TilGodkendelse ? MeetingResult<Minutes>.Done(minutes) : MeetingResult<Minutes>.Clash(MeetingModeChanges.LockedMessage);
        }

        var approvers = await db.BodyPeople.AsNoTracking().Where(p => p.BodyId == meeting.BodyId && p.IsApprover).OrderBy(p => p.SortOrder).ToListAsync(ct);
        if (approvers.Count == 0)
        {
            return MeetingResult<Minutes>.Bad(new ValidationErrors().Add("approvers", "Organet har ingen godkendere af referatet. Angiv mindst én under organets personer."));
        }

        var now = time.GetUtcNow();
        if (minutes is null)
        {
            minutes = new Minutes { OrganisationId = meeting.OrganisationId, MeetingId = meetingId, Version = 1, CreatedAt = now };
            db.Minutes.Add(minutes);
        }

        var model = (await documents.BuildAsync(meetingId, true, ct))!;
        minutes.Snapshot = (model with { Version = minutes.Version, CorrectionReason = minutes.CorrectionReason }).Serialize();
        minutes.Status = MinutesStatus.TilGodkendelse;
        minutes.SentForApprovalAt = now;
        meeting.Status = MeetingStatus.Afholdt;
        meeting.HeldAt ??= now;
        var existing = await db.MinutesApprovals.Where(a => a.MinutesId == minutes.Id).ToListAsync(ct);
        foreach (var person in approvers)
        {
            var row = existing.SingleOrDefault(a => a.ApproverEmail == person.Email);
            if (row is null)
            {
                db.MinutesApprovals.Add(new MinutesApproval { OrganisationId = meeting.OrganisationId, MinutesId = minutes.Id, ApproverName = person.Name, ApproverEmail = person.Email, Status = ApprovalStatus.Afventer });
            }
            else
            {
                row.Status = ApprovalStatus.Afventer;
                row.RespondedAt = null;
                row.RespondedBy = null;
            }
        }

        await db.SaveChangesAsync(ct);
        return MeetingResult<Minutes>.Done(minutes);
    }

    /// <summary>
    /// The signed-in approver approves, or comments (which sends the minutes back to draft for the writer). Only
    /// the people named as approvers when the minutes were sent may answer.
    /// </summary>
    public async Task<MeetingResult<Minutes>> AnswerAsync(Guid meetingId, bool approve, ApprovalInput input, CancellationToken ct)
    {
        var minutes = await LatestAsync(meetingId, ct);
        if (minutes is null)
        {
            return await db.Meetings.AnyAsync(m => m.Id == meetingId, ct) ? MeetingResult<Minutes>.Clash("Mødet har intet referat endnu.") : MeetingResult<Minutes>.Missing();
        }

        var email = await bodies.CurrentEmailAsync(ct);
        var row = email is null ? null : await db.MinutesApprovals.SingleOrDefaultAsync(a => a.MinutesId == minutes.Id && a.ApproverEmail == email, ct);
        if (row is null)
        {
            return MeetingResult<Minutes>.Refused("Du er ikke godkender af dette referat.");
        }

        if (minutes.Status != MinutesStatus.TilGodkendelse)
        {
            return minutes.Status == MinutesStatus.Kladde
                ? MeetingResult<Minutes>.Clash("Referatet er ikke sendt til godkendelse.")
                : MeetingResult<Minutes>.Clash("Referatet er allerede godkendt og kan ikke ændres.");
        }

        var errors = new ValidationErrors();
        if (approve)
        {
            errors.Optional("comment", input.Comment, "Kommentaren", 4000);
        }
        else
        {
            errors.Required("comment", input.Comment, "Kommentaren", 4000);
        }

        if (errors.Any)
        {
            return MeetingResult<Minutes>.Bad(errors);
        }

        var now = time.GetUtcNow();
        row.Status = approve ? ApprovalStatus.Godkendt : ApprovalStatus.Kommenteret;
        row.Comment = BodyChanges.Clean(input.Comment);
        row.RespondedAt = now;
        row.RespondedBy = current.UserName ?? email;
        if (!approve)
        {
            minutes.Status = MinutesStatus.Kladde;
            minutes.Snapshot = null;
        }
        else if (await db.MinutesApprovals.Where(a => a.MinutesId == minutes.Id && a.Id != row.Id).AllAsync(a => a.Status == ApprovalStatus.Godkendt, ct))
        {
            minutes.Status = MinutesStatus.Godkendt;
            minutes.ApprovedAt = now;
        }

        await db.SaveChangesAsync(ct);
        return MeetingResult<Minutes>.Done(minutes);
    }

    public async Task<MeetingResult<Minutes>> MarkDistributedAsync(Guid meetingId, CancellationToken ct) =>
        await StepAsync(meetingId, MinutesStatus.Godkendt, MinutesStatus.Udsendt, m => m.DistributedAt = time.GetUtcNow(), "Referatet skal være godkendt af alle godkendere, før det udsendes.", ct);

    public async Task<MeetingResult<Minutes>> FileAsync(Guid meetingId, FileInput input, CancellationToken ct)
    {
        var errors = new ValidationErrors().Required("reference", input.Reference, "Sagsnummeret/journalreferencen");
        return errors.Any
            ? MeetingResult<Minutes>.Bad(errors)
            : await StepAsync(meetingId, MinutesStatus.Udsendt, MinutesStatus.Journaliseret, m =>
            {
                m.FiledAt = time.GetUtcNow();
                m.FiledReference = input.Reference!.Trim();
            }, "Referatet skal være udsendt, før det journaliseres.", ct);
    }

    private async Task<MeetingResult<Minutes>> StepAsync(Guid meetingId, MinutesStatus from, MinutesStatus to, Action<Minutes> apply, string refusal, CancellationToken ct)
    {
        var minutes = await LatestAsync(meetingId, ct);
        if (minutes is null)
        {
            return await db.Meetings.AnyAsync(m => m.Id == meetingId, ct) ? MeetingResult<Minutes>.Clash("Mødet har intet referat endnu.") : MeetingResult<Minutes>.Missing();
        }

        if (minutes.Status == to)
        {
            return MeetingResult<Minutes>.Done(minutes);
        }

        if (minutes.Status != from)
        {
            return MeetingResult<Minutes>.Clash(refusal);
        }

        minutes.Status = to;
        apply(minutes);
        await db.SaveChangesAsync(ct);
        return MeetingResult<Minutes>.Done(minutes);
    }

    /// <summary>Opens a correction: a new draft version with the reason; the approved version stays as it was.</summary>
    public async Task<MeetingResult<Minutes>> CorrectAsync(Guid meetingId, CorrectionInput input, CancellationToken ct)
    {
        var latest = await LatestAsync(meetingId, ct);
        if (latest is null)
        {
            return await db.Meetings.AnyAsync(m => m.Id == meetingId, ct) ? MeetingResult<Minutes>.Clash("Mødet har intet referat at rette.") : MeetingResult<Minutes>.Missing();
        }

        if (latest.Status is MinutesStatus.Kladde or MinutesStatus.TilGodkendelse)
        {
            return MeetingResult<Minutes>.Clash("Referatet er ikke godkendt endnu; ret kladden i stedet.");
        }

        var errors = new ValidationErrors().Required("reason", input.Reason, "Begrundelsen for rettelsen", 2000);
        if (errors.Any)
        {
            return MeetingResult<Minutes>.Bad(errors);
        }

        var correction = new Minutes
        {
            OrganisationId = latest.OrganisationId,
            MeetingId = meetingId,
            Version = latest.Version + 1,
            Status = MinutesStatus.Kladde,
            CorrectionReason = input.Reason!.Trim(),
            CreatedAt = time.GetUtcNow(),
        };
        db.Minutes.Add(correction);
        await db.SaveChangesAsync(ct);
        return MeetingResult<Minutes>.Done(correction);
    }
}
