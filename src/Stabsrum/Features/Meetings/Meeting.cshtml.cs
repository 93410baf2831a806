using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Stabsrum.Infrastructure.Security;
using Stabsrum.Infrastructure.Tenancy;

namespace Stabsrum.Features.Meetings;

public sealed class ItemForm
{
    public string? Title { get; set; }

    public AgendaItemType Type { get; set; }

    public AgendaItemKind Kind { get; set; }

    public string? JournalNumber { get; set; }

    public string? Resume { get; set; }

    public string? Indstilling { get; set; }

    public string? Sagsfremstilling { get; set; }

    public string? OekonomiskeKonsekvenser { get; set; }
}

public sealed class DecisionForm
{
    public string? Decision { get; set; }

    public string? Notes { get; set; }

    public List<ActionForm> Actions { get; set; } = [];
}

public sealed class ActionForm
{
    public string? Text { get; set; }

    public string? OwnerName { get; set; }

    public DateOnly? Deadline { get; set; }
}

/// <summary>
/// One meeting on one page, in the order it happens: the agenda (proposals, acceptance, publishing), the meeting
/// (attendance, status round, decisions with "hvem gør hvad"), and the minutes (approval, distribution, filing).
/// </summary>
[Authorize(Policy = Policies.Read)]
public sealed class MeetingModel(
    MeetingQueries queries, AgendaChanges agenda, MeetingModeChanges mode, MinutesChanges minutes, MeetingCirculation circulation,
    MeetingDocuments documents, BodyChanges bodies, CurrentOrganisation current) : PageModel
{
    public MeetingDto Meeting { get; private set; } = null!;

    public BodyDto Body { get; private set; } = null!;

    public string? MyEmail { get; private set; }

    public bool MayManage { get; private set; }

    [BindProperty]
    public ItemForm Item { get; set; } = new();

    [BindProperty]
    public DecisionForm Decision { get; set; } = new();

    [TempData]
    public string? Message { get; set; }

    public string? Error { get; private set; }

    public Guid? FailedItemId { get; private set; }

    public bool CanEdit => current.Can(Permission.OperateIncidents);

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct) => await LoadAsync(id, ct) ? Page() : NotFound();

    public Task<IActionResult> OnPostProposeAsync(Guid id, CancellationToken ct) =>
        RunAsync(id, null, "Item", async () => (await agenda.ProposeAsync(id, new ItemInput(Guid.CreateVersion7(), Item.Title, Item.Type, Item.Kind, null, Item.JournalNumber,
            Item.Resume, Item.Indstilling, Item.Sagsfremstilling, Item.OekonomiskeKonsekvenser, null), ct)).As<object>(), "Punktet er foreslået; den dagsordenansvarlige optager det.", ct);

    public Task<IActionResult> OnPostAcceptAsync(Guid id, Guid itemId, CancellationToken ct) =>
        RunAsync(id, null, "", async () => (await agenda.DecideProposalAsync(id, itemId, true, ct)).As<object>(), "Punktet er optaget på dagsordenen.", ct);

    public Task<IActionResult> OnPostRejectAsync(Guid id, Guid itemId, CancellationToken ct) =>
        RunAsync(id, null, "", async () => (await agenda.DecideProposalAsync(id, itemId, false, ct)).As<object>(), "Forslaget er afvist.", ct);

    public Task<IActionResult> OnPostAttachAsync(Guid id, Guid itemId, IFormFile? file, CancellationToken ct) =>
        RunAsync(id, itemId, "", async () => (await agenda.AttachAsync(id, itemId, file, ct)).As<object>(), "Bilaget er tilføjet.", ct);

    /// <summary>Moves an accepted item one place up on the agenda.</summary>
    public async Task<IActionResult> OnPostMoveUpAsync(Guid id, Guid itemId, CancellationToken ct)
    {
        var order = (await queries.MeetingAsync(id, ct))?.Items.Where(i => i.Status == nameof(AgendaItemStatus.Optaget)).Select(i => i.Id).ToList() ?? [];
        var at = order.IndexOf(itemId);
        if (at > 0)
        {
            (order[at - 1], order[at]) = (order[at], order[at - 1]);
        }

        return await RunAsync(id, itemId, "", async () => (await agenda.OrderAsync(id, new OrderInput(order), ct)).As<object>(), "Rækkefølgen er ændret.", ct);
    }

    public async Task<IActionResult> OnPostPublishAsync(Guid id, CancellationToken ct)
    {
        var report = "";
        return await RunAsync(id, null, "", async () =>
        {
            var result = await agenda.PublishAsync(id, ct);
            if (result.Outcome == MeetingOutcome.Ok)
            {
                var (meeting, version, doc) = result.Value;
                var sent = await circulation.SendAgendaAsync(meeting, doc, ct);
                report = (version.IsSupplement ? $"Tillæg {version.Version - 1} er udsendt." : "Dagsordenen er udsendt.")
                    + (sent.Sent ? $" E-mail sendt til {sent.Recipients} medlemmer." : " " + sent.Problem);
            }

            return result.As<object>();
        }, () => report, ct);
    }

    public async Task<IActionResult> OnPostCancelAsync(Guid id, string? reason, CancellationToken ct)
    {
        var report = "";
        return await RunAsync(id, null, "", async () =>
        {
            var result = await agenda.CancelAsync(id, new CancelInput(reason), ct);
            if (result.Outcome == MeetingOutcome.Ok)
            {
                var sent = await circulation.SendCancellationAsync(result.Value!, (await queries.MeetingAsync(id, ct))!.BodyName, ct);
                report = "Mødet er aflyst." + (sent.Sent ? " Medlemmerne har fået besked." : " " + sent.Problem);
            }

            return result.As<object>();
        }, () => report, ct);
    }

    public Task<IActionResult> OnPostAttendanceAsync(Guid id, List<string> names, List<string> present, CancellationToken ct) =>
        RunAsync(id, null, "", async () => (await mode.SetAttendanceAsync(id, new AttendanceInput(names.Select(n => new AttendanceLine(n, present.Contains(n), null)).ToList()), ct)).As<object>(), "Fremmødet er gemt.", ct);

    public Task<IActionResult> OnPostStatusRoundAsync(Guid id, string? status, CancellationToken ct) =>
        RunAsync(id, null, "", async () => (await mode.SetStatusRoundAsync(id, new StatusRoundInput(ParseStatus(status)), ct)).As<object>(), "Statusrunden er gemt.", ct);

    public Task<IActionResult> OnPostDecideAsync(Guid id, Guid itemId, CancellationToken ct) =>
        RunAsync(id, itemId, "Decision", async () => (await mode.DecideAsync(id, itemId, new DecisionInput(Decision.Decision, Decision.Notes, null,
            Decision.Actions.Where(a => !string.IsNullOrWhiteSpace(a.Text) || !string.IsNullOrWhiteSpace(a.OwnerName))
                .Select(a => new ActionInput(Guid.CreateVersion7(), a.Text, a.OwnerName, a.Deadline)).ToList()), ct)).As<object>(), "Beslutningen er ført.", ct);

    public Task<IActionResult> OnPostSendMinutesAsync(Guid id, CancellationToken ct) =>
        RunAsync(id, null, "", async () => (await minutes.SendForApprovalAsync(id, ct)).As<object>(), "Referatet er sendt til godkendelse.", ct);

    public Task<IActionResult> OnPostApproveAsync(Guid id, CancellationToken ct) =>
        RunAsync(id, null, "", async () => (await minutes.AnswerAsync(id, true, new ApprovalInput(null), ct)).As<object>(), "Du har godkendt referatet.", ct);

    public Task<IActionResult> OnPostCommentAsync(Guid id, string? comment, CancellationToken ct) =>
        RunAsync(id, null, "", async () => (await minutes.AnswerAsync(id, false, new ApprovalInput(comment), ct)).As<object>(), "Din kommentar er sendt; referatet er tilbage som kladde.", ct);

    public async Task<IActionResult> OnPostDistributeAsync(Guid id, CancellationToken ct)
    {
        var report = "";
        return await RunAsync(id, null, "", async () =>
        {
            var result = await minutes.MarkDistributedAsync(id, ct);
            if (result.Outcome == MeetingOutcome.Ok)
            {
                var meeting = (await queries.MeetingAsync(id, ct))!;
                var sent = await circulation.SendMinutesAsync(new Meeting { Id = id, BodyId = meeting.BodyId, Title = meeting.Title, StartsAt = meeting.StartsAt, EndsAt = meeting.EndsAt },
                    (await documents.MinutesAsync(result.Value!, ct))!, ct);
                report = "Referatet er udsendt." + (sent.Sent ? $" E-mail sendt til {sent.Recipients} modtagere." : " " + sent.Problem);
            }

            return result.As<object>();
        }, () => report, ct);
    }

    public Task<IActionResult> OnPostFileAsync(Guid id, string? reference, CancellationToken ct) =>
        RunAsync(id, null, "", async () => (await minutes.FileAsync(id, new FileInput(reference), ct)).As<object>(), "Referatet er journaliseret.", ct);

    public Task<IActionResult> OnPostCorrectAsync(Guid id, string? reason, CancellationToken ct) =>
        RunAsync(id, null, "", async () => (await minutes.CorrectAsync(id, new CorrectionInput(reason), ct)).As<object>(), "En rettelse er oprettet som ny version af referatet.", ct);

    private Task<IActionResult> RunAsync(Guid id, Guid? itemId, string prefix, Func<Task<MeetingResult<object>>> change, string done, CancellationToken ct) =>
        RunAsync(id, itemId, prefix, change, () => done, ct);

    private async Task<IActionResult> RunAsync(Guid id, Guid? itemId, string prefix, Func<Task<MeetingResult<object>>> change, Func<string> done, CancellationToken ct)
    {
        if (!CanEdit)
        {
            return Forbid();
        }

        var result = await change();
        if (result.Outcome == MeetingOutcome.Ok)
        {
            Message = done();
            return Redirect($"/moeder/{id}" + (itemId is { } item ? $"#punkt-{item}" : ""));
        }

        if (result.Outcome == MeetingOutcome.NotFound)
        {
            return NotFound();
        }

        FailedItemId = itemId;
        result.Errors.CopyTo(ModelState, prefix);
        Error = result.Message ?? "Ændringen blev ikke gemt. Ret fejlene nedenfor.";
        return await LoadAsync(id, ct) ? Page() : NotFound();
    }

    private async Task<bool> LoadAsync(Guid id, CancellationToken ct)
    {
        if (await queries.MeetingAsync(id, ct) is not { } meeting)
        {
            return false;
        }

        Meeting = meeting;
        Body = (await queries.BodyAsync(meeting.BodyId, ct))!;
        MyEmail = await bodies.CurrentEmailAsync(ct);
        MayManage = CanEdit && await bodies.MayManageAgendaAsync(meeting.BodyId, ct);
        return true;
    }

    private static List<StatusRoundLine> ParseStatus(string? text) =>
        (text ?? "").Split('\n').Select(l => l.Trim()).Where(l => l.Length > 0)
            .Select(l => l.Split(':', 2) is [var unit, var status] ? new StatusRoundLine(unit.Trim(), status.Trim()) : new StatusRoundLine(l, null)).ToList();

    public string? ErrorFor(string key) =>
        ModelState.TryGetValue(key, out var entry) && entry.Errors.Count > 0 ? string.Join(" ", entry.Errors.Select(e => e.ErrorMessage)) : null;

    public MinutesDto? LatestMinutes => Meeting.Minutes.Count == 0 ? null : Meeting.Minutes[^1];
}

public static class ItemFields
{
    /// <summary>The item's text sections in seed 004's order (Bilag rendered separately as links, after these).</summary>
    public static IEnumerable<(string Heading, string Text)> Of(ItemDto i) =>
        new ItemDocument(i.Id, i.Number ?? 0, i.Title, i.Type, i.Kind, i.ProposedBy, i.JournalNumber, i.Resume, i.Indstilling, i.Decision,
            i.Sagsfremstilling, i.OekonomiskeKonsekvenser, [], i.DecisionDeadline, i.Notes, [], i.PublishedInVersion).Sections(i.Decision is not null);
}
