using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Stabsrum.Features.Account;

/// <summary>Second login step without the phone: one of the recovery codes, each good for one login.</summary>
[AllowAnonymous]
public sealed class LoginWithRecoveryCodeModel(SignInManager<StabsrumUser> signIn) : PageModel
{
    [BindProperty]
    public string? RecoveryCode { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? ReturnUrl { get; set; }

    public string? Message { get; private set; }

    public async Task<IActionResult> OnGetAsync() =>
        await signIn.GetTwoFactorAuthenticationUserAsync() is null ? RestartLogin() : Page();

    public async Task<IActionResult> OnPostAsync()
    {
        if (await signIn.GetTwoFactorAuthenticationUserAsync() is null)
        {
            return RestartLogin();
        }

        var code = Normalise(RecoveryCode);
        if (code.Length == 0)
        {
            ModelState.AddModelError(nameof(RecoveryCode), "Skriv en af dine gendannelseskoder.");
            return Page();
        }

        var result = await signIn.TwoFactorRecoveryCodeSignInAsync(code);
        if (result.Succeeded)
        {
            return LocalRedirect(SafeReturnUrl);
        }

        if (result.IsLockedOut)
        {
            Message = LoginModel.LockedOutMessage;
            return Page();
        }

        ModelState.AddModelError(nameof(RecoveryCode), "Koden er forkert eller allerede brugt.");
        return Page();
    }

    public string SafeReturnUrl => !string.IsNullOrEmpty(ReturnUrl) && Url.IsLocalUrl(ReturnUrl) ? ReturnUrl : "/";

    /// <summary>Codes are stored as XXXXX-XXXXX in upper case; accept them typed in lower case or without the dash.</summary>
    public static string Normalise(string? code)
    {
        var compact = (code ?? "").Replace(" ", "", StringComparison.Ordinal).Trim().ToUpperInvariant();
        return compact.Length == 10 && !compact.Contains('-', StringComparison.Ordinal) ? $"{compact[..5]}-{compact[5..]}" : compact;
    }

    private RedirectToPageResult RestartLogin() => RedirectToPage("/Account/Login", new { returnUrl = SafeReturnUrl });
}
