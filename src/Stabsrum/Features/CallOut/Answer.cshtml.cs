using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Stabsrum.Infrastructure.Database;

namespace Stabsrum.Features.CallOut;

/// <summary>
/// /svar/{token}: the recipient's personal answer page, no login. The token names exactly one recipient (see
/// <see cref="AnswerLinks"/>); a forged, altered or expired token shows a Danish message and changes nothing, and a
/// link answers once. A valid answer is stored (committed) and answered with 303 to the same page, which then shows
/// the stored answer — no page rendering on the POST, and a reload never posts twice.
/// No antiforgery token: CSRF abuses a credential the browser adds by itself (a cookie). This form has none — the
/// only credential is the single-purpose token in the URL, which a cross-site attacker cannot know and with which
/// anyone could post directly anyway; so a token would protect nothing and would make a phone that blocks cookies
/// unable to answer (docs/adr/0012-call-out.md).
/// </summary>
[AllowAnonymous]
[IgnoreAntiforgeryToken]
public sealed class AnswerModel(StabsrumDbContext db, AnswerLinks links, AnswerQueue answers) : PageModel
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
        var response = Choice switch { "kommer" => AnswerResponse.Kommer, "kan-ikke" => AnswerResponse.KanIkke, _ => (AnswerResponse?)null };
        var check = links.Read(token);
        if (check.RecipientId is { } recipientId && response is not null && EtaMinutes is null or (>= 0 and <= SmsReplyParser.MaxEtaMinutes))
        {
            // The common case, kept lean: no page is rendered; the answer is committed together with the other answers
            // arriving at the same moment (group commit) before the redirect says it is stored.
            var outcome = await answers.RecordAsync(new AnswerSubmission(recipientId, response.Value, response == AnswerResponse.Kommer ? EtaMinutes : null, AnswerSource.Link));
            if (outcome == AnswerOutcome.Recorded)
            {
                Response.Headers.Location = (Request.PathBase + Request.Path).Value; // this page, which now shows the stored answer
                return StatusCode(StatusCodes.Status303SeeOther);
            }
        }

        if (await LoadAsync(token, ct) is null)
        {
            return Page();
        }

        if (!CanAnswer)
        {
            // A replayed link (already answered) or a call-out that is over: nothing changes.
            Response.StatusCode = StatusCodes.Status409Conflict;
            Problem ??= "Du har allerede svaret via dette link. Ring til krisestaben, hvis dit svar er ændret.";
            return Page();
        }

        if (response is null)
        {
            ModelState.AddModelError(nameof(Choice), "Vælg Kommer eller Kan ikke.");
        }
        else if (EtaMinutes is < 0 or > SmsReplyParser.MaxEtaMinutes)
        {
            ModelState.AddModelError(nameof(EtaMinutes), "Ankomsttiden skal være mellem 0 og 1440 minutter.");
        }
        else
        {
            // Refused by the recorder although the page allowed it a moment ago (a race with another answer or a cancel).
            Response.StatusCode = StatusCodes.Status409Conflict;
            Problem = "Dit svar kunne ikke registreres, fordi alarmeringen er ændret imens. Ring til krisestaben.";
            CanAnswer = false;
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
                           select new { r.Name, r.AnswerSource, r.Response, r.EtaMinutes, c.Title, c.Message, c.Kind, c.Status }).SingleOrDefaultAsync(ct);
        if (found is null)
        {
            Response.StatusCode = StatusCodes.Status404NotFound;
            Problem = "Linket er ugyldigt.";
            return null;
        }

        (Name, Title, Message, Kind) = (found.Name, found.Title, found.Message, found.Kind);
        if (found.AnswerSource == AnswerSource.Link)
        {
            Done = found.Response == AnswerResponse.Kommer
                ? $"Tak, {Name}. Dit svar er registreret: du kommer{(found.EtaMinutes is { } eta ? $" om ca. {eta} minutter" : "")}."
                : $"Tak, {Name}. Dit svar er registreret: du kan ikke komme.";
        }
        else if (found.Status is not (CallOutStatus.Active or CallOutStatus.Completed))
        {
            Problem = "Alarmeringen er ikke længere i gang.";
        }
        else
        {
            CanAnswer = true;
        }

        return recipientId;
    }
}
