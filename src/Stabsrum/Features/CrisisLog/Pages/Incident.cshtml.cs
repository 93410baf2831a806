using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Stabsrum.Features.Registry;
using Stabsrum.Infrastructure.Database;
using Stabsrum.Infrastructure.Security;
using Stabsrum.Infrastructure.Tenancy;
using Stabsrum.Infrastructure.Time;

namespace Stabsrum.Features.CrisisLog.Pages;

/// <summary>
/// The incident page: level, phase, staff and the log, with the quick-entry box. Reads need Read; every form
/// posts to a handler that checks OperateIncidents. Without JavaScript it works by reload; with it, new entries
/// arrive over the page's event stream (wwwroot/js/crisislog.js).
/// </summary>
[Authorize(Policy = Policies.Read)]
public sealed class IncidentModel(StabsrumDbContext db, CrisisLog log, IncidentChanges changes, StaffChanges staff, LogAttachments attachments, CurrentOrganisation current) : PageModel
{
    public sealed class EntryInput
    {
        public Guid Id { get; set; }

        public LogEntryKind Kind { get; set; } = LogEntryKind.Information;

        public string? Text { get; set; }

        public DateTime? OccurredAt { get; set; }

        public bool Significant { get; set; }

        public bool Confidential { get; set; }

        public string? DecidedBy { get; set; }

        public string? Rationale { get; set; }

        public string? Recipient { get; set; }

        public Guid? CorrectsEntryId { get; set; }

        public string? HandoverOpen { get; set; }

        public string? HandoverWatch { get; set; }
    }

    [BindProperty]
    public EntryInput Entry { get; set; } = new();

    [FromQuery(Name = "type")]
    public LogEntryKind? FilterKind { get; set; }

    [FromQuery(Name = "vaesentlig")]
    public bool FilterSignificant { get; set; }

    [FromQuery(Name = "forfatter")]
    public string? FilterAuthor { get; set; }

    [FromQuery(Name = "soeg")]
    public string? Search { get; set; }

    [FromQuery(Name = "ret")]
    public Guid? Correct { get; set; }

    [TempData]
    public string? Message { get; set; }

    public IncidentsApi.IncidentDto Incident { get; private set; } = null!;

    public IReadOnlyList<string> LevelNames { get; private set; } = [];

    public List<StaffMemberDto> Staff { get; private set; } = [];

    public List<LogEntryDto> Entries { get; private set; } = [];

    public List<(Guid UserId, string Name)> Members { get; private set; } = [];

    /// <summary>The organisation's role catalogue (Beredskab → Roller), or the seeds' roles while it is empty.</summary>
    public IReadOnlyList<string> RoleSuggestions { get; private set; } = StaffRoleAssignment.SuggestedRoles;

    public bool CanOperate => current.Can(Permission.OperateIncidents);

    public bool Cleared { get; private set; }

    public long? CorrectsSequence { get; private set; }

    public IEnumerable<LogEntryKind> Kinds => Enum.GetValues<LogEntryKind>();

    public bool Filtered => FilterKind is not null || FilterSignificant || !string.IsNullOrWhiteSpace(FilterAuthor) || !string.IsNullOrWhiteSpace(Search);

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct) =>
        await LoadAsync(id, ct) ? Page() : NotFound();

    public async Task<IActionResult> OnPostLogAsync(Guid id, CancellationToken ct)
    {
        if (!CanOperate)
        {
            return Forbid();
        }

        var occurred = Entry.OccurredAt is { } local ? DanishTime.FromLocal(local) : (DateTimeOffset?)null;
        var result = await log.AppendAsync(id, new NewLogEntry(
            Entry.Id, Entry.Kind, Entry.Text, occurred, Entry.Significant, Entry.Confidential ? LogClassification.Fortrolig : LogClassification.Aaben,
            Entry.DecidedBy, Entry.Rationale, Entry.Recipient, Entry.CorrectsEntryId, null, Entry.HandoverOpen, Entry.HandoverWatch,
            Entry.Kind == LogEntryKind.Vagtskifte ? LogSubject.Handover : LogSubject.None), ct);
        switch (result.Outcome)
        {
            case AppendOutcome.NotFound:
                return NotFound();
            case AppendOutcome.Created or AppendOutcome.AlreadyStored:
                var file = Request.HasFormContentType ? Request.Form.Files.GetFile("Vedhaeftning") : null;
                if (file is { Length: > 0 })
                {
                    var (_, errors, _) = await attachments.AddAsync(id, result.Entry!.Id, file, ct);
                    if (errors.Any)
                    {
                        Message = "Posten er gemt, men bilaget blev afvist: " + string.Join(" ", errors.ToDictionary().Values.SelectMany(v => v));
                        return Redirect($"/haendelser/{id}#log");
                    }
                }

                Message = $"Post nr. {result.Entry!.Sequence} er gemt.";
                return Redirect($"/haendelser/{id}#log");
            default:
                if (result.Outcome == AppendOutcome.Conflict)
                {
                    result.Errors.Add("id", "Formularen er allerede sendt med andet indhold; prøv igen.");
                }

                result.Errors.CopyTo(ModelState, nameof(Entry));
                Entry.Id = Guid.CreateVersion7();
                return await LoadAsync(id, ct) ? Page() : NotFound();
        }
    }

    public Task<IActionResult> OnPostLevelAsync(Guid id, int level, string? reason, Guid entryId, CancellationToken ct) =>
        ChangeAsync(id, () => changes.ChangeLevelAsync(id, level, reason, entryId, ct), "Beredskabsniveauet er ændret.", ct);

    public Task<IActionResult> OnPostPhaseAsync(Guid id, StaffPhase phase, string? reason, Guid entryId, CancellationToken ct) =>
        ChangeAsync(id, () => changes.ChangePhaseAsync(id, phase, reason, entryId, ct), "Fasen er ændret.", ct);

    public Task<IActionResult> OnPostCloseAsync(Guid id, string? closeReason, Guid entryId, CancellationToken ct) =>
        ChangeAsync(id, () => changes.CloseAsync(id, closeReason, entryId, ct), "Hændelsen er afsluttet.", ct);

    public Task<IActionResult> OnPostJoinAsync(Guid id, Guid? userId, string? name, string? roleName, CancellationToken ct) =>
        ChangeAsync(id, () => staff.JoinAsync(id, new StaffJoinInput(userId, userId is null ? name : null, roleName), ct), "Krisestaben er opdateret.", ct);

    public Task<IActionResult> OnPostRoleAsync(Guid id, Guid memberId, string? roleName, CancellationToken ct) =>
        ChangeAsync(id, () => staff.AssumeRoleAsync(id, memberId, roleName, ct), "Rollen er tildelt.", ct);

    public Task<IActionResult> OnPostRenounceAsync(Guid id, Guid assignmentId, CancellationToken ct) =>
        ChangeAsync(id, () => staff.RenounceRoleAsync(id, assignmentId, ct), "Rollen er afgivet.", ct);

    public Task<IActionResult> OnPostLeaveAsync(Guid id, Guid memberId, CancellationToken ct) =>
        ChangeAsync(id, () => staff.LeaveAsync(id, memberId, ct), "Medlemmet har forladt staben.", ct);

    public Task<IActionResult> OnPostAcknowledgeAsync(Guid id, Guid handoverId, Guid entryId, CancellationToken ct) =>
        ChangeAsync(id, async () => ChangeResult.From(await staff.AcknowledgeHandoverAsync(id, handoverId, entryId, ct)), "Vagtskiftet er kvitteret.", ct);

    private async Task<IActionResult> ChangeAsync(Guid id, Func<Task<ChangeResult>> change, string done, CancellationToken ct)
    {
        if (!CanOperate)
        {
            return Forbid();
        }

        var result = await change();
        switch (result.Outcome)
        {
            case ChangeOutcome.NotFound:
                return NotFound();
            case ChangeOutcome.Done:
                Message = done;
                return Redirect($"/haendelser/{id}");
            default:
                var messages = result.Errors.ToDictionary().Values.SelectMany(v => v).ToList();
                if (result.Detail is not null)
                {
                    messages.Add(result.Detail);
                }

                foreach (var message in messages)
                {
                    ModelState.AddModelError("", message);
                }

                Entry.Id = Guid.CreateVersion7();
                return await LoadAsync(id, ct) ? Page() : NotFound();
        }
    }

    private async Task<bool> LoadAsync(Guid id, CancellationToken ct)
    {
        var incident = await db.Incidents.AsNoTracking().SingleOrDefaultAsync(i => i.Id == id, ct);
        if (incident is null)
        {
            return false;
        }

        var org = await db.Organisations.AsNoTracking().SingleAsync(o => o.Id == incident.OrganisationId, ct);
        Incident = IncidentsApi.ToDto(incident, org);
        LevelNames = [org.Level0Name, org.Level1Name, org.Level2Name];
        Cleared = await log.HasClearanceAsync(ct);
        Staff = await LogEntryView.StaffAsync(db, id, ct);
        var entries = await LogSearch.Query(db, id, Cleared, FilterKind, FilterSignificant ? true : null, FilterAuthor, Search)
            .OrderByDescending(e => e.Sequence).Take(1000).ToListAsync(ct);
        Entries = await LogEntryView.ToDtosAsync(db, entries, Cleared, ct);
        var members = await (from m in db.Memberships.AsNoTracking() join u in db.Users.AsNoTracking() on m.UserId equals u.Id orderby u.DisplayName select new { u.Id, u.DisplayName }).ToListAsync(ct);
        Members = members.Select(m => (m.Id, m.DisplayName)).ToList();
        var catalogue = await db.StaffRoles.AsNoTracking().OrderBy(r => r.SortOrder).ThenBy(r => r.Name).Select(r => r.Name).ToListAsync(ct);
        RoleSuggestions = catalogue.Count > 0 ? catalogue : StaffRoleAssignment.SuggestedRoles;
        if (Entry.Id == Guid.Empty)
        {
            Entry.Id = Guid.CreateVersion7();
        }

        if (Correct is { } corrected && Entry.CorrectsEntryId is null && await db.CrisisLogEntries.AnyAsync(e => e.Id == corrected && e.IncidentId == id, ct))
        {
            Entry.CorrectsEntryId = corrected;
            CorrectsSequence = await db.CrisisLogEntries.Where(e => e.Id == corrected).Select(e => e.Sequence).SingleAsync(ct);
        }

        return true;
    }

    public static string Local(DateTimeOffset utc) => DanishTime.FormatWithSeconds(utc);
}
