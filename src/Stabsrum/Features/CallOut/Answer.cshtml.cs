using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Stabsrum.Infrastructure.Database;

namespace Stabsrum.Features.CallOut;

/// <summary>
/// /svar/{token}: the recipient's personal answer page, no login. The token names exactly one recipient (see
/// <see cref="AnswerLinks"/>); a forged, altered or expired token shows a Danish message and changes nothing, and a
/// link answers once.
/// </summary>
[AllowAnonymous]
public sealed class AnswerModel(StabsrumDbContext db, AnswerLinks links, CallOutAnswerRecorder recorder) : PageModel
{
    [BindProperty]
    public string? Choice { get; set; }

    [BindProperty]
    public int? EtaMinutes { get; set; }

    public string? Problem { get; private set; }

    public string? Done { get; private set; }

    public string Name { get; private set; } = "";

    public string Title { get; private set; } = "";

    public string Message { get; private set; } = "";

    public CallOutKind Kind { get; private set; }

    public bool CanAnswer { get; private set; }

    public async Task<IActionResult> OnGetAsync(string token, CancellationToken ct)
    {
        await LoadAsync(token, ct);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(string token, CancellationToken ct)
    {
        if (await LoadAsync(token, ct) is not { } recipientId)
        {
            return Page();
        }

        if (!CanAnswer)
        {
            // A replayed link (already answered) or a call-out that is over: nothing changes.
            Response.StatusCode = StatusCodes.Status409Conflict;
            return Page();
        }

        var response = Choice switch { "kommer" => AnswerResponse.Kommer, "kan-ikke" => AnswerResponse.KanIkke, _ => (AnswerResponse?)null };
        if (response is null)
        {
            ModelState.AddModelError(nameof(Choice), "Vælg Kommer eller Kan ikke.");
            return Page();
        }

        if (EtaMinutes is < 0 or > SmsReplyParser.MaxEtaMinutes)
        {
            ModelState.AddModelError(nameof(EtaMinutes), "Ankomsttiden skal være mellem 0 og 1440 minutter.");
            return Page();
        }

        var (outcome, _) = await recorder.RecordAsync(recipientId, response.Value, response == AnswerResponse.Kommer ? EtaMinutes : null, AnswerSource.Link, ct: ct);
        switch (outcome)
        {
            case AnswerOutcome.Recorded:
                CanAnswer = false;
                Done = response == AnswerResponse.Kommer
                    ? $"Tak, {Name}. Dit svar er modtaget: du kommer{(EtaMinutes is { } eta ? $" om ca. {eta} minutter" : "")}."
                    : $"Tak, {Name}. Dit svar er modtaget: du kan ikke komme.";
                break;
            case AnswerOutcome.AlreadyAnswered:
                Response.StatusCode = StatusCodes.Status409Conflict;
                Problem = "Du har allerede svaret via dette link. Ring til krisestaben, hvis dit svar er ændret.";
                CanAnswer = false;
                break;
            default:
                Response.StatusCode = StatusCodes.Status409Conflict;
                Problem = "Alarmeringen er ikke længere i gang.";
                CanAnswer = false;
                break;
        }

        return Page();
    }

    private async Task<Guid?> LoadAsync(string token, CancellationToken ct)
    {
        var check = links.Read(token);
        if (check.RecipientId is not { } recipientId)
        {
            Response.StatusCode = check.Expired ? StatusCodes.Status410Gone : StatusCodes.Status404NotFound;
            Problem = check.Expired ? "Linket er udløbet. Ring til krisestaben for at melde dig." : "Linket er ugyldigt. Kontrollér, at hele linket fra beskeden er med.";
            return null;
        }

        var found = await (from r in db.CallOutRecipients.IgnoreQueryFilters().AsNoTracking()
                           join c in db.CallOuts.IgnoreQueryFilters().AsNoTracking() on r.CallOutId equals c.Id
                           where r.Id == recipientId
                           select new { r.Name, r.AnswerSource, r.Response, c.Title, c.Message, c.Kind, c.Status }).SingleOrDefaultAsync(ct);
        if (found is null)
        {
            Response.StatusCode = StatusCodes.Status404NotFound;
            Problem = "Linket er ugyldigt.";
            return null;
        }

        (Name, Title, Message, Kind) = (found.Name, found.Title, found.Message, found.Kind);
        if (found.Status is not (CallOutStatus.Active or CallOutStatus.Completed))
        {
            Problem = "Alarmeringen er ikke længere i gang.";
        }
        else if (found.AnswerSource == AnswerSource.Link)
        {
            Done = $"Du har allerede svaret: {(found.Response == AnswerResponse.Kommer ? "Kommer" : "Kan ikke")}.";
        }
        else
        {
            CanAnswer = true;
        }

        return recipientId;
    }
}
