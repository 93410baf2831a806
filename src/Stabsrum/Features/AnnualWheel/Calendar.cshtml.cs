using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Stabsrum.Infrastructure.Security;

namespace Stabsrum.Features.AnnualWheel;

[Authorize(Policy = Policies.MaintainRegistry)]
public sealed class CalendarModel(CalendarFeedService feeds) : PageModel
{
    public CalendarFeedStatus Status { get; private set; } = new(false, null, null);

    /// <summary>Shown once, right after it was made; never stored in clear text.</summary>
    public string? NewUrl { get; private set; }

    [TempData]
    public string? Message { get; set; }

    public async Task OnGetAsync(CancellationToken ct) => Status = await feeds.StatusAsync(ct);

    public async Task<IActionResult> OnPostRegenerateAsync(CancellationToken ct)
    {
        var token = await feeds.RegenerateAsync(ct);
        NewUrl = CalendarFeedEndpoint.FeedUrl(Request, token);
        Status = await feeds.StatusAsync(ct);
        return Page();
    }

    public async Task<IActionResult> OnPostRevokeAsync(CancellationToken ct)
    {
        Message = await feeds.RevokeAsync(ct) ? "Kalenderadressen er tilbagekaldt." : "Der var ingen aktiv kalenderadresse.";
        return RedirectToPage();
    }
}
