using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Stabsrum.Features.CrisisLog;
using Stabsrum.Infrastructure.Database;
using Stabsrum.Infrastructure.Security;
using Stabsrum.Infrastructure.Tenancy;

namespace Stabsrum.Features.CallOut.Pages;

/// <summary>
/// One call-out: while a draft, the confirmation (how many, which channels, exercise or real; a second confirmation
/// for a large real call-out); once confirmed, the staffing board, live over the incident's event stream.
/// Routes: /haendelser/{id}/alarmering/{callOutId} and /beredskab/proevealarm/{callOutId}.
/// </summary>
[Authorize(Policy = Policies.Read)]
public sealed class DetailsModel(StabsrumDbContext db, CallOutBoard board, CallOutEngine engine, CallOutSignal signal, CurrentOrganisation current, TimeProvider time) : PageModel
{
    [BindProperty]
    public bool SecondConfirmation { get; set; }

    [TempData]
    public string? Message { get; set; }

    public CallOutDto CallOut { get; private set; } = null!;

    /// <summary>The incident log's length when the page was made: the live stream resumes after it, so nothing written in between is missed.</summary>
    public long IncidentLogCount { get; private set; }

    public string? IncidentTitle { get; private set; }

    public bool CanOperate => current.Can(Permission.OperateIncidents);

    public DateTimeOffset Now => time.GetUtcNow();

    public string SelfPath => CallOut.IncidentId is { } incident ? $"/haendelser/{incident}/alarmering/{CallOut.Id}" : $"/beredskab/proevealarm/{CallOut.Id}";

    public async Task<IActionResult> OnGetAsync(Guid? id, Guid callOutId, CancellationToken ct) =>
        await LoadAsync(id, callOutId, ct) ? Page() : NotFound();

    /// <summary>The board alone, for the live refresh.</summary>
    public async Task<IActionResult> OnGetBoardAsync(Guid? id, Guid callOutId, CancellationToken ct) =>
        await LoadAsync(id, callOutId, ct) ? Partial("/Features/CallOut/Pages/_Board.cshtml", this) : NotFound();

    /// <summary>A post without a handler (no button pressed) shows the page again.</summary>
    public IActionResult OnPost() => Redirect(Request.Path);

    public async Task<IActionResult> OnPostConfirmAsync(Guid? id, Guid callOutId, CancellationToken ct)
    {
        if (!CanOperate)
        {
            return Forbid();
        }

        if (!await LoadAsync(id, callOutId, ct))
        {
            return NotFound();
        }

        var result = await engine.ConfirmAsync(callOutId, SecondConfirmation, ct);
        if (result.Errors.Any)
        {
            result.Errors.CopyTo(ModelState);
            return Page();
        }

        signal.NudgeNow();
        Message = $"{CallOutNames.Kind(CallOut.Kind)} er sendt til {CallOut.RecipientCount} personer.";
        return Redirect(SelfPath);
    }

    public async Task<IActionResult> OnPostCheckInAsync(Guid? id, Guid callOutId, Guid recipientId, CancellationToken ct)
    {
        if (!CanOperate)
        {
            return Forbid();
        }

        if (!await LoadAsync(id, callOutId, ct))
        {
            return NotFound();
        }

        var recipient = await db.CallOutRecipients.SingleOrDefaultAsync(r => r.Id == recipientId && r.CallOutId == callOutId, ct);
        if (recipient is null)
        {
            return NotFound();
        }

        if (recipient.CheckedInAt is null)
        {
            await using var transaction = await db.Database.BeginTransactionAsync(ct);
            recipient.CheckedInAt = time.GetUtcNow();
            await db.SaveChangesAsync(ct);
            if (CallOut.IncidentId is { } incident)
            {
                await HttpContext.RequestServices.GetRequiredService<CrisisLog.CrisisLog>()
                    .AppendAsync(incident, new CrisisLog.NewLogEntry(Guid.CreateVersion7(), CrisisLog.LogEntryKind.Information, $"Alarmering: {recipient.Name} er mødt."), ct);
            }

            await transaction.CommitAsync(ct);
        }

        Message = $"{recipient.Name} er registreret som mødt.";
        return Redirect(SelfPath + "#tavle");
    }

    private async Task<bool> LoadAsync(Guid? incidentId, Guid callOutId, CancellationToken ct)
    {
        var dto = await board.GetAsync(callOutId, ct);
        if (dto is null || dto.IncidentId != incidentId)
        {
            return false;
        }

        CallOut = dto;
        if (dto.IncidentId is { } incident)
        {
            (IncidentTitle, IncidentLogCount) = await db.Incidents.AsNoTracking().Where(i => i.Id == incident)
                .Select(i => new ValueTuple<string, long>(i.Title, i.LogCount)).SingleAsync(ct);
        }

        return true;
    }
}
