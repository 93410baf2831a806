using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Stabsrum.Infrastructure.Security;

namespace Stabsrum.Features.CallOut.Pages;

/// <summary>
/// /beredskab/alarmering/indstillinger: the target for a fully established staff and the SMS gateway's webhook key.
/// A new key is shown once, right after it is made (only its hash is stored), so it is never in TempData or a URL.
/// </summary>
[Authorize(Policy = Policies.Administer)]
public sealed class SettingsModel(CallOutSettingsChanges changes) : PageModel
{
    [BindProperty]
    public int? FullyEstablishedMinutes { get; set; }

    [TempData]
    public string? Message { get; set; }

    public bool HasWebhookSecret { get; private set; }

    public string? NewWebhookSecret { get; private set; }

    public string InboundUrl => $"{Request.Scheme}://{Request.Host}/api/v1/sms/inbound";

    public string StatusUrl => $"{Request.Scheme}://{Request.Host}/api/v1/sms/status";

    public async Task OnGetAsync(CancellationToken ct)
    {
        var current = await changes.GetAsync(ct);
        FullyEstablishedMinutes = current.FullyEstablishedMinutes;
        HasWebhookSecret = current.HasWebhookSecret;
    }

    public async Task<IActionResult> OnPostTargetAsync(CancellationToken ct)
    {
        var (result, errors) = await changes.UpdateAsync(FullyEstablishedMinutes, false, ct);
        if (result is null)
        {
            errors.CopyTo(ModelState);
            HasWebhookSecret = (await changes.GetAsync(ct)).HasWebhookSecret;
            return Page();
        }

        Message = $"Målet for fuldt etableret stab er nu {result.FullyEstablishedMinutes} minutter.";
        return RedirectToPage();
    }

    public async Task<IActionResult> OnPostSecretAsync(CancellationToken ct)
    {
        var (result, _) = await changes.UpdateAsync(null, true, ct);
        FullyEstablishedMinutes = result!.FullyEstablishedMinutes;
        HasWebhookSecret = true;
        NewWebhookSecret = result.WebhookSecret;
        return Page();
    }
}
