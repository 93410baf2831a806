using System.Security.Cryptography;
using Microsoft.EntityFrameworkCore;
using Stabsrum.Features.CrisisLog;
using Stabsrum.Infrastructure.Database;
using Stabsrum.Infrastructure.Problems;
using Stabsrum.Infrastructure.Tenancy;

namespace Stabsrum.Features.Meetings;

/// <summary>Meetings and their agenda: proposals, acceptance and order, bilag, publishing (version 1, then tillæg) and cancelling.</summary>
public sealed class AgendaChanges(StabsrumDbContext db, CurrentOrganisation current, TimeProvider time, BodyChanges bodies, MeetingDocuments documents)
{
    public async Task<MeetingResult<Meeting>> CreateMeetingAsync(MeetingInput input, CancellationToken ct)
    {
        if (input.Id is { } id && await db.Meetings.IgnoreQueryFilters().AnyAsync(m => m.Id == id, ct))
        {
            var existing = await db.Meetings.SingleOrDefaultAsync(m => m.Id == id, ct);
            return existing is not null && existing.BodyId == input.BodyId && existing.Title == input.Title?.Trim()
                ? MeetingResult<Meeting>.Done(existing) : MeetingResult<Meeting>.Clash("Der findes allerede et møde med dette id.");
        }

        var errors = Validate(input);
        if (!await db.MeetingBodies.AnyAsync(b => b.Id == input.BodyId, ct))
        {
            errors.Add("bodyId", "Organet findes ikke i din organisation.");
        }

        if (input.IncidentId is { } incident && !await db.Incidents.AnyAsync(i => i.Id == incident, ct))
        {
            errors.Add("incidentId", "Hændelsen findes ikke i din organisation.");
        }

        if (errors.Any)
        {
            return MeetingResult<Meeting>.Bad(errors);
        }

        var meeting = new Meeting
        {
            Id = input.Id ?? Guid.CreateVersion7(),
            OrganisationId = current.RequireOrganisationId(),
            BodyId = input.BodyId,
            IncidentId = input.IncidentId,
            Title = input.Title!.Trim(),
            StartsAt = input.StartsAt!.Value.ToUniversalTime(),
            EndsAt = input.EndsAt!.Value.ToUniversalTime(),
            Mode = input.Mode,
            Place = BodyChanges.Clean(input.Place),
            VirtualLink = BodyChanges.Clean(input.VirtualLink),
            Status = MeetingStatus.Planlagt,
            CreatedAt = time.GetUtcNow(),
        };
        db.Meetings.Add(meeting);
        await db.SaveChangesAsync(ct);
        return MeetingResult<Meeting>.Done(meeting);
    }

    private static ValidationErrors Validate(MeetingInput input)
    {
        var errors = new ValidationErrors().Required("title", input.Title, "Titlen", 300);
        if (input.StartsAt is null)
        {
            errors.Add("startsAt", "Angiv mødets starttidspunkt.");
        }

        if (input.EndsAt is null || (input.StartsAt is { } s && input.EndsAt <= s))
        {
            errors.Add("endsAt", "Sluttidspunktet skal ligge efter starttidspunktet.");
        }

        if (!Enum.IsDefined(input.Mode))
        {
            errors.Add("mode", "Mødet er fysisk eller virtuelt.");
        }
        else if (input.Mode == MeetingMode.Fysisk)
        {
            errors.Required("place", input.Place, "Mødestedet", 300);
        }
        else if (!Uri.TryCreate(input.VirtualLink?.Trim(), UriKind.Absolute, out var link) || link.Scheme != Uri.UriSchemeHttps || input.VirtualLink!.Length > 1000)
        {
            errors.Add("virtualLink", "Et virtuelt møde skal have et link, der begynder med https://.");
        }

        return errors;
    }

    /// <summary>A member proposes an item; it waits for the agenda owner. Decision items need an indstilling.</summary>
    public async Task<MeetingResult<AgendaItem>> ProposeAsync(Guid meetingId, ItemInput input, CancellationToken ct)
    {
        var meeting = await db.Meetings.SingleOrDefaultAsync(m => m.Id == meetingId, ct);
        if (meeting is null)
        {
            return MeetingResult<AgendaItem>.Missing();
        }

        if (input.Id is { } id && await db.AgendaItems.IgnoreQueryFilters().AnyAsync(i => i.Id == id, ct))
        {
            var existing = await db.AgendaItems.SingleOrDefaultAsync(i => i.Id == id, ct);
            return existing is not null && existing.MeetingId == meetingId && existing.Title == input.Title?.Trim()
                ? MeetingResult<AgendaItem>.Done(existing) : MeetingResult<AgendaItem>.Clash("Der findes allerede et punkt med dette id.");
        }

        if (meeting.Status != MeetingStatus.Planlagt)
        {
            return MeetingResult<AgendaItem>.Clash("Mødet er aflyst eller afholdt; der kan ikke foreslås flere punkter.");
        }

        var errors = ValidateItem(input);
        if (errors.Any)
        {
            return MeetingResult<AgendaItem>.Bad(errors);
        }

        var item = new AgendaItem
        {
            Id = input.Id ?? Guid.CreateVersion7(),
            OrganisationId = meeting.OrganisationId,
            MeetingId = meetingId,
            Status = AgendaItemStatus.Foreslaaet,
            Title = input.Title!.Trim(),
            ProposedBy = BodyChanges.Clean(input.ProposedBy) ?? current.UserName ?? "ukendt",
            ProposedAt = time.GetUtcNow(),
        };
        Apply(item, input);
        db.AgendaItems.Add(item);
        await db.SaveChangesAsync(ct);
        return MeetingResult<AgendaItem>.Done(item);
    }

    public async Task<MeetingResult<AgendaItem>> UpdateItemAsync(Guid meetingId, Guid itemId, ItemInput input, CancellationToken ct)
    {
        var item = await db.AgendaItems.SingleOrDefaultAsync(i => i.Id == itemId && i.MeetingId == meetingId, ct);
        if (item is null)
        {
            return MeetingResult<AgendaItem>.Missing();
        }

        if (item.Decision is not null)
        {
            return MeetingResult<AgendaItem>.Clash("Punktet er besluttet; dagsordensteksten kan ikke ændres.");
        }

        var errors = ValidateItem(input);
        if (errors.Any)
        {
            return MeetingResult<AgendaItem>.Bad(errors);
        }

        item.Title = input.Title!.Trim();
        Apply(item, input);
        await db.SaveChangesAsync(ct);
        return MeetingResult<AgendaItem>.Done(item);
    }

    private static void Apply(AgendaItem item, ItemInput input)
    {
        item.Type = input.Type;
        item.Kind = input.Kind;
        item.JournalNumber = BodyChanges.Clean(input.JournalNumber);
        item.Resume = BodyChanges.Clean(input.Resume);
        item.Indstilling = BodyChanges.Clean(input.Indstilling);
        item.Sagsfremstilling = BodyChanges.Clean(input.Sagsfremstilling);
        item.OekonomiskeKonsekvenser = BodyChanges.Clean(input.OekonomiskeKonsekvenser);
        item.DecisionDeadline = input.DecisionDeadline;
    }

    private static ValidationErrors ValidateItem(ItemInput input)
    {
        var errors = new ValidationErrors().Required("title", input.Title, "Titlen", 300);
        if (!Enum.IsDefined(input.Type))
        {
            errors.Add("type", "Typen er orientering, drøftelse eller beslutning.");
        }

        if (!Enum.IsDefined(input.Kind))
        {
            errors.Add("kind", "Punktet er administrativt eller politisk.");
        }

        if (input.Type == AgendaItemType.Beslutning && string.IsNullOrWhiteSpace(input.Indstilling))
        {
            errors.Add("indstilling", "Et beslutningspunkt skal have en indstilling.");
        }

        errors.Optional("proposedBy", input.ProposedBy, "Forslagsstiller", 200);
        errors.Optional("journalNumber", input.JournalNumber, "Journalnummeret", 100);
        foreach (var (field, value, label) in new[] { ("resume", input.Resume, "Resuméet"), ("indstilling", input.Indstilling, "Indstillingen"), ("sagsfremstilling", input.Sagsfremstilling, "Sagsfremstillingen"), ("oekonomiskeKonsekvenser", input.OekonomiskeKonsekvenser, "Økonomiske konsekvenser") })
        {
            errors.Optional(field, value, label, AgendaItem.MaxTextLength);
        }

        return errors;
    }

    /// <summary>The agenda owner accepts a proposal; it goes last on the agenda.</summary>
    public async Task<MeetingResult<AgendaItem>> DecideProposalAsync(Guid meetingId, Guid itemId, bool accept, CancellationToken ct)
    {
        var (meeting, refusal) = await ManagedMeetingAsync(meetingId, ct);
        if (meeting is null)
        {
            return refusal!.As<AgendaItem>();
        }

        var item = await db.AgendaItems.SingleOrDefaultAsync(i => i.Id == itemId && i.MeetingId == meetingId, ct);
        if (item is null)
        {
            return MeetingResult<AgendaItem>.Missing();
        }

        if (item.Status == (accept ? AgendaItemStatus.Optaget : AgendaItemStatus.Afvist))
        {
            return MeetingResult<AgendaItem>.Done(item);
        }

        if (item.PublishedInVersion is not null)
        {
            return MeetingResult<AgendaItem>.Clash("Punktet er udsendt på dagsordenen og kan ikke afvises.");
        }

        if (accept)
        {
            var last = await db.AgendaItems.Where(i => i.MeetingId == meetingId && i.Number != null).MaxAsync(i => i.Number, ct) ?? 0;
            item.Status = AgendaItemStatus.Optaget;
            item.Number = last + 1;
        }
        else
        {
            item.Status = AgendaItemStatus.Afvist;
            item.Number = null;
        }

        await db.SaveChangesAsync(ct);
        return MeetingResult<AgendaItem>.Done(item);
    }

    /// <summary>Orders the accepted items: the list must name each accepted item exactly once.</summary>
    public async Task<MeetingResult<IReadOnlyList<AgendaItem>>> OrderAsync(Guid meetingId, OrderInput input, CancellationToken ct)
    {
        var (meeting, refusal) = await ManagedMeetingAsync(meetingId, ct);
        if (meeting is null)
        {
            return refusal!.As<IReadOnlyList<AgendaItem>>();
        }

        var items = await db.AgendaItems.Where(i => i.MeetingId == meetingId && i.Status == AgendaItemStatus.Optaget).ToListAsync(ct);
        var ids = input.ItemIds ?? [];
        if (ids.Count != items.Count || ids.Distinct().Count() != ids.Count || !ids.All(id => items.Any(i => i.Id == id)))
        {
            return MeetingResult<IReadOnlyList<AgendaItem>>.Bad(new ValidationErrors().Add("itemIds", "Angiv hvert optaget punkt præcis én gang."));
        }

        for (var n = 0; n < ids.Count; n++)
        {
            items.Single(i => i.Id == ids[n]).Number = n + 1;
        }

        await db.SaveChangesAsync(ct);
        return MeetingResult<IReadOnlyList<AgendaItem>>.Done(items.OrderBy(i => i.Number).ToList());
    }

    public async Task<MeetingResult<AgendaAttachment>> AttachAsync(Guid meetingId, Guid itemId, IFormFile? file, CancellationToken ct)
    {
        var item = await db.AgendaItems.SingleOrDefaultAsync(i => i.Id == itemId && i.MeetingId == meetingId, ct);
        if (item is null)
        {
            return MeetingResult<AgendaAttachment>.Missing();
        }

        var errors = new ValidationErrors();
        if (file is null || file.Length == 0)
        {
            return MeetingResult<AgendaAttachment>.Bad(errors.Add("file", "Vælg en fil."));
        }

        if (file.Length > AgendaAttachment.MaxBytes)
        {
            return MeetingResult<AgendaAttachment>.Bad(errors.Add("file", $"Bilaget er for stort; højst {AgendaAttachment.MaxBytes / 1024 / 1024} MB."));
        }

        using var buffer = new MemoryStream();
        await file.CopyToAsync(buffer, ct);
        var content = buffer.ToArray();
        var name = Path.GetFileName(file.FileName);
        var attachment = new AgendaAttachment
        {
            OrganisationId = item.OrganisationId,
            ItemId = itemId,
            FileName = string.IsNullOrWhiteSpace(name) ? "bilag" : name[..Math.Min(name.Length, 200)],
            ContentType = string.IsNullOrWhiteSpace(file.ContentType) ? "application/octet-stream" : file.ContentType[..Math.Min(file.ContentType.Length, 100)],
            Size = content.Length,
            Sha256 = Convert.ToHexStringLower(SHA256.HashData(content)),
            Content = content,
            AddedAt = time.GetUtcNow(),
        };
        db.AgendaAttachments.Add(attachment);
        await db.SaveChangesAsync(ct);
        return MeetingResult<AgendaAttachment>.Done(attachment);
    }

    /// <summary>
    /// Publishes the agenda: version 1 the first time, later a tillæg (version n+1) listing what changed since the
    /// last version. Items accepted since then are marked as belonging to the tillæg.
    /// </summary>
    public async Task<MeetingResult<(Meeting Meeting, AgendaVersion Version, MeetingDocumentModel Document)>> PublishAsync(Guid meetingId, CancellationToken ct)
    {
        var (meeting, refusal) = await ManagedMeetingAsync(meetingId, ct);
        if (meeting is null)
        {
            return refusal!.As<(Meeting, AgendaVersion, MeetingDocumentModel)>();
        }

        if (meeting.Status != MeetingStatus.Planlagt)
        {
            return MeetingResult<(Meeting, AgendaVersion, MeetingDocumentModel)>.Clash("Mødet er aflyst eller afholdt; dagsordenen kan ikke udsendes.");
        }

        var items = await db.AgendaItems.Where(i => i.MeetingId == meetingId && i.Status == AgendaItemStatus.Optaget).ToListAsync(ct);
        if (items.Count == 0)
        {
            return MeetingResult<(Meeting, AgendaVersion, MeetingDocumentModel)>.Bad(new ValidationErrors().Add("items", "Dagsordenen har ingen optagne punkter. Aflys mødet, hvis der ikke er punkter nok."));
        }

        var version = meeting.AgendaVersion + 1;
        foreach (var item in items.Where(i => i.PublishedInVersion is null))
        {
            item.PublishedInVersion = version;
        }

        meeting.AgendaVersion = version;
        if (version > 1)
        {
            meeting.InvitationSequence++;
        }

        await db.SaveChangesAsync(ct);
        var doc = (await documents.BuildAsync(meetingId, false, ct))!;
        var previous = version == 1 ? null : await documents.AgendaAsync(meetingId, version - 1, ct);
        var changes = AgendaDiff.Describe(previous, doc);
        doc = doc with { Changes = changes };
        var published = new AgendaVersion
        {
            OrganisationId = meeting.OrganisationId,
            MeetingId = meetingId,
            Version = version,
            IsSupplement = version > 1,
            Changes = changes,
            Snapshot = doc.Serialize(),
            PublishedAt = time.GetUtcNow(),
            PublishedBy = current.UserName ?? "ukendt",
        };
        db.AgendaVersions.Add(published);
        await db.SaveChangesAsync(ct);
        return MeetingResult<(Meeting, AgendaVersion, MeetingDocumentModel)>.Done((meeting, published, doc));
    }

    public async Task<MeetingResult<Meeting>> CancelAsync(Guid meetingId, CancelInput input, CancellationToken ct)
    {
        var (meeting, refusal) = await ManagedMeetingAsync(meetingId, ct);
        if (meeting is null)
        {
            return refusal!;
        }

        if (meeting.Status == MeetingStatus.Aflyst)
        {
            return MeetingResult<Meeting>.Done(meeting);
        }

        if (meeting.Status != MeetingStatus.Planlagt)
        {
            return MeetingResult<Meeting>.Clash("Mødet er afholdt og kan ikke aflyses.");
        }

        var errors = new ValidationErrors().Required("reason", input.Reason, "Begrundelsen", 1000);
        if (errors.Any)
        {
            return MeetingResult<Meeting>.Bad(errors);
        }

        meeting.Status = MeetingStatus.Aflyst;
        meeting.CancelReason = input.Reason!.Trim();
        meeting.CancelledAt = time.GetUtcNow();
        meeting.InvitationSequence++;
        await db.SaveChangesAsync(ct);
        return MeetingResult<Meeting>.Done(meeting);
    }

    private async Task<(Meeting? Meeting, MeetingResult<Meeting>? Refusal)> ManagedMeetingAsync(Guid meetingId, CancellationToken ct)
    {
        var meeting = await db.Meetings.SingleOrDefaultAsync(m => m.Id == meetingId, ct);
        if (meeting is null)
        {
            return (null, MeetingResult<Meeting>.Missing());
        }

        return await bodies.MayManageAgendaAsync(meeting.BodyId, ct)
            ? (meeting, null)
            : (null, MeetingResult<Meeting>.Refused("Kun den dagsordenansvarlige, stedfortræderen eller en administrator kan optage, ordne, udsende og aflyse."));
    }
}
