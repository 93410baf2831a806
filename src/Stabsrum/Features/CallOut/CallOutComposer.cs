using Microsoft.EntityFrameworkCore;
using Stabsrum.Features.CrisisLog;
using Stabsrum.Features.Registry;
using Stabsrum.Infrastructure.Database;
using Stabsrum.Infrastructure.Problems;
using Stabsrum.Infrastructure.Tenancy;

namespace Stabsrum.Features.CallOut;

/// <summary>What the caller picked: alarm lists, roles (with quorum 1) and persons, a message and channels.</summary>
public sealed record CallOutRequest(
    Guid Id,
    Guid? IncidentId,
    string? Title,
    string? Message,
    IReadOnlyList<Guid>? AlarmListIds,
    IReadOnlyList<Guid>? RoleIds,
    IReadOnlyList<Guid>? PersonIds,
    IReadOnlyList<CallOutChannel>? Channels,
    int? ChannelDelayMinutes = null,
    int? AnswerTimeoutMinutes = null);

/// <summary>
/// Turns a request into a draft call-out: targets (a stop-at-first list is one target with its whole sequence; each
/// line of a notify-all list is a target with its quorum; a picked role or person is a target of its own),
/// recipients with contact data copied, and ordered candidates — using the registry's <see cref="ContactSequence"/>.
/// Nothing is sent until <see cref="CallOutEngine.ConfirmAsync"/>. An exercise reaches only opted-in persons.
/// </summary>
public sealed class CallOutComposer(StabsrumDbContext db, CurrentOrganisation current, TimeProvider time)
{
    public async Task<(Alarmering? Draft, ValidationErrors Errors)> ComposeAsync(CallOutRequest input, CancellationToken ct)
    {
        var errors = new ValidationErrors();
        if (input.Id == Guid.Empty)
        {
            errors.Add("id", "Alarmeringens id skal være et UUID, som klienten vælger.");
        }

        errors.Required("message", input.Message, "Beskeden", Alarmering.MaxMessageLength);
        errors.Optional("title", input.Title, "Titlen", 200);
        var channels = CallOutChannels.None;
        foreach (var channel in input.Channels ?? [])
        {
            if (!Enum.IsDefined(channel))
            {
                errors.Add("channels", "Ukendt kanal.");
                continue;
            }

            channels |= channel switch { CallOutChannel.Sms => CallOutChannels.Sms, CallOutChannel.Email => CallOutChannels.Email, _ => CallOutChannels.App };
        }

        if (channels == CallOutChannels.None)
        {
            errors.Add("channels", "Vælg mindst én kanal (SMS, e-mail eller i appen).");
        }

        if (input.ChannelDelayMinutes is < 1 or > 120)
        {
            errors.Add("channelDelayMinutes", "Tid mellem kanaler skal være 1–120 minutter.");
        }

        if (input.AnswerTimeoutMinutes is < 1 or > 240)
        {
            errors.Add("answerTimeoutMinutes", "Svarfristen skal være 1–240 minutter.");
        }

        var listIds = (input.AlarmListIds ?? []).Distinct().ToList();
        var roleIds = (input.RoleIds ?? []).Distinct().ToList();
        var personIds = (input.PersonIds ?? []).Distinct().ToList();
        if (listIds.Count + roleIds.Count + personIds.Count == 0)
        {
            errors.Add("alarmListIds", "Vælg mindst én alarmeringsliste, rolle eller person.");
        }

        if (listIds.Count + roleIds.Count + personIds.Count > 2000)
        {
            errors.Add("personIds", "Højst 2.000 valg i én alarmering.");
        }

        var kind = CallOutKind.Test;
        string? incidentTitle = null;
        if (input.IncidentId is { } incidentId)
        {
            var incident = await db.Incidents.AsNoTracking().Where(i => i.Id == incidentId).Select(i => new { i.Title, i.IsExercise, i.Status }).SingleOrDefaultAsync(ct);
            if (incident is null)
            {
                errors.Add("incidentId", "Hændelsen findes ikke.");
            }
            else
            {
                if (incident.Status == IncidentStatus.Afsluttet)
                {
                    errors.Add("incidentId", "Hændelsen er afsluttet.");
                }

                var orgExercise = await db.Organisations.AsNoTracking().Where(o => o.Id == current.RequireOrganisationId()).Select(o => o.ExerciseMode).SingleAsync(ct);
                kind = incident.IsExercise || orgExercise ? CallOutKind.Exercise : CallOutKind.Real;
                incidentTitle = incident.Title;
            }
        }

        if (errors.Any)
        {
            return (null, errors);
        }

        var existing = await db.CallOuts.AsNoTracking().SingleOrDefaultAsync(c => c.Id == input.Id, ct);
        if (existing is not null)
        {
            return existing.IncidentId == input.IncidentId && existing.Message == input.Message!.Trim()
                ? (existing, errors)
                : (null, errors.Add("id", "Der findes allerede en alarmering med dette id, men med andet indhold."));
        }

        var directory = await LoadDirectoryAsync(ct);
        var lists = await db.AlarmLists.AsNoTracking().Include(l => l.Entries).Where(l => listIds.Contains(l.Id)).ToListAsync(ct);
        foreach (var missing in listIds.Except(lists.Select(l => l.Id)))
        {
            errors.Add("alarmListIds", $"Alarmeringslisten {missing} findes ikke.");
        }

        foreach (var missing in roleIds.Where(r => !directory.Roles.ContainsKey(r)))
        {
            errors.Add("roleIds", $"Rollen {missing} findes ikke.");
        }

        foreach (var missing in personIds.Where(p => !directory.Persons.ContainsKey(p)))
        {
            errors.Add("personIds", $"Personen {missing} findes ikke.");
        }

        if (errors.Any)
        {
            return (null, errors);
        }

        var now = time.GetUtcNow();
        var orgId = current.RequireOrganisationId();
        var callOut = new Alarmering
        {
            Id = input.Id,
            OrganisationId = orgId,
            IncidentId = input.IncidentId,
            Kind = kind,
            Title = string.IsNullOrWhiteSpace(input.Title) ? (incidentTitle is null ? "Prøvealarm" : $"Alarmering: {incidentTitle}") : input.Title.Trim(),
            Message = input.Message!.Trim(),
            Channels = channels,
            Status = CallOutStatus.Draft,
            ChannelDelayMinutes = input.ChannelDelayMinutes ?? 3,
            AnswerTimeoutMinutes = input.AnswerTimeoutMinutes ?? 10,
            CreatedBy = current.UserName ?? "system",
            CreatedAt = now,
        };

        var plans = lists.OrderBy(l => l.SortOrder).ThenBy(l => l.Name).Select(l => ContactSequence.Compute(directory with
        {
            ListId = l.Id,
            ListName = l.Name,
            Mode = l.Mode,
            Entries = l.Entries.OrderBy(e => e.Position).Select(e => new ContactListEntry(e.Position, e.PersonId, e.RoleId, e.Quorum)).ToList(),
        })).ToList();
        if (roleIds.Count + personIds.Count > 0)
        {
            var position = 0;
            plans.Add(ContactSequence.Compute(directory with
            {
                ListId = Guid.Empty,
                ListName = "Valgt direkte",
                Mode = AlarmMode.NotifyAll,
                Entries = roleIds.Select(r => new ContactListEntry(++position, null, r, 1))
                    .Concat(personIds.Select(p => new ContactListEntry(++position, p, null, 1))).ToList(),
            }));
        }

        var optedIn = kind == CallOutKind.Exercise
            ? (await db.ExerciseOptIns.AsNoTracking().Select(o => o.PersonId).ToListAsync(ct)).ToHashSet()
            : null;
        var leftOut = new HashSet<Guid>();
        var recipients = new Dictionary<Guid, CallOutRecipient>();
        var userIds = await db.KeyPersons.AsNoTracking().Where(p => p.UserId != null).Select(p => new { p.Id, p.UserId }).ToDictionaryAsync(p => p.Id, p => p.UserId, ct);
        var targetPosition = 0;
        db.CallOuts.Add(callOut);
        foreach (var plan in plans)
        {
            var steps = plan.StopAtFirst
                ? [new ContactStep(1, plan.ListName, 1, plan.Steps.SelectMany(s => s.Attempts).ToList(), [])]
                : plan.Steps;
            foreach (var step in steps)
            {
                var target = new CallOutTarget
                {
                    OrganisationId = orgId,
                    CallOutId = callOut.Id,
                    Position = ++targetPosition,
                    Label = plan.StopAtFirst ? $"{plan.ListName} (første svar)" : (plan.ListId == Guid.Empty ? step.Label : $"{step.Label} – {plan.ListName}"),
                    Mode = plan.StopAtFirst ? TargetMode.StopAtFirstContact : TargetMode.NotifyAll,
                    Required = step.Required,
                };
                db.CallOutTargets.Add(target);
                var candidatePosition = 0;
                foreach (var attempt in step.Attempts)
                {
                    if (optedIn is not null && !optedIn.Contains(attempt.Person.Id))
                    {
                        leftOut.Add(attempt.Person.Id);
                        continue;
                    }

                    if (!recipients.TryGetValue(attempt.Person.Id, out var recipient))
                    {
                        recipient = new CallOutRecipient
                        {
                            OrganisationId = orgId,
                            CallOutId = callOut.Id,
                            PersonId = attempt.Person.Id,
                            Name = attempt.Person.Name,
                            Phone = attempt.Person.Phones.Count > 0 ? attempt.Person.Phones[0] : null,
                            Email = attempt.Person.Email,
                            UserId = userIds.GetValueOrDefault(attempt.Person.Id),
                        };
                        recipients[attempt.Person.Id] = recipient;
                        db.CallOutRecipients.Add(recipient);
                    }

                    db.CallOutCandidates.Add(new CallOutCandidate
                    {
                        OrganisationId = orgId,
                        TargetId = target.Id,
                        RecipientId = recipient.Id,
                        Position = ++candidatePosition,
                        FirstWave = target.Mode == TargetMode.NotifyAll && attempt.Reason != ContactReason.Substitute,
                        StandsInFor = attempt.StandsInFor is { } s && directory.Persons.TryGetValue(s, out var standsIn) ? standsIn.Name : null,
                    });
                }

                if (candidatePosition == 0)
                {
                    target.State = TargetState.Exhausted;
                    target.ClosedAt = now;
                }
            }
        }

        callOut.LeftOut = leftOut.Except(recipients.Keys).Count();
        if (recipients.Count == 0)
        {
            db.ChangeTracker.Clear();
            return (null, errors.Add("personIds", kind == CallOutKind.Exercise
                ? "Ingen af de valgte personer er tilmeldt øvelsesalarmeringer. En øvelse sendes kun til tilmeldte."
                : "Valget indeholder ingen personer."));
        }

        await db.SaveChangesAsync(ct);
        return (callOut, errors);
    }

    /// <summary>Every key person and role of the organisation, as the contact sequence needs them (private phones included: this is the call-out).</summary>
    private async Task<ContactDirectory> LoadDirectoryAsync(CancellationToken ct)
    {
        var persons = await db.KeyPersons.AsNoTracking().Where(p => p.ErasedAt == null)
            .Select(p => new { p.Id, p.Name, p.Title, p.MobilePhone, p.WorkPhone, p.PrivatePhone, p.Email }).ToListAsync(ct);
        var substitutes = (await db.KeyPersonSubstitutes.AsNoTracking().Select(s => new { s.PersonId, s.SubstituteId, s.Rank }).ToListAsync(ct)).ToLookup(s => s.PersonId);
        var holders = (await db.KeyPersonRoles.AsNoTracking().Select(r => new { r.RoleId, r.PersonId }).ToListAsync(ct)).ToLookup(r => r.RoleId);
        var roles = await db.StaffRoles.AsNoTracking().Select(r => new { r.Id, r.Name }).ToListAsync(ct);
        var personMap = persons.ToDictionary(p => p.Id, p => new ContactPerson(
            p.Id, p.Name, p.Title,
            new[] { p.MobilePhone, p.WorkPhone, p.PrivatePhone }.OfType<string>().Distinct().ToList(),
            p.Email,
            substitutes[p.Id].OrderBy(s => s.Rank).Select(s => s.SubstituteId).ToList()));
        var danish = StringComparer.Create(System.Globalization.CultureInfo.GetCultureInfo("da-DK"), false);
        var roleMap = roles.ToDictionary(r => r.Id, r => new ContactRole(
            r.Id, r.Name, holders[r.Id].Select(h => h.PersonId).Where(personMap.ContainsKey).OrderBy(id => personMap[id].Name, danish).ToList()));
        return new ContactDirectory(Guid.Empty, "", AlarmMode.NotifyAll, [], personMap, roleMap);
    }
}
