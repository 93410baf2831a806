using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Stabsrum.Features.Account;

/// <summary>Second login step: the password was right, now the code from the authenticator app.</summary>
[AllowAnonymous]
public sealed class LoginWith2faModel(SignInManager<StabsrumUser> signIn) : PageModel
{
    [BindProperty]
    public string? Code { get; set; }

    [BindProperty]
    public bool RememberMachine { get; set; }

    [BindProperty(SupportsGet = true)]
    public bool RememberMe { get; set; }

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

        var code = TwoFactorModel.Normalise(Code);
        if (code.Length == 0)
        {
            ModelState.AddModelError(nameof(Code), "Skriv koden fra godkendelsesappen.");
            return Page();
        }

        var result = await signIn.TwoFactorAuthenticatorSignInAsync(code, RememberMe, RememberMachine);
        if (result.Succeeded)
        {
            return LocalRedirect(SafeReturnUrl);
        }

        if (result.IsLockedOut)
        {
            Message = LoginModel.LockedOutMessage;
            return Page();
        }

        ModelState.AddModelError(nameof(Code), "Koden er forkert. Prøv med den nyeste kode fra appen.");
        return Page();
    }

    public string SafeReturnUrl => !string.IsNullOrEmpty(ReturnUrl) && Url.IsLocalUrl(ReturnUrl) ? ReturnUrl : "/";

    /// <summary>The short-lived cookie from the password step is gone (expired or never there): start over.</summary>
    private RedirectToPageResult RestartLogin() => RedirectToPage("/Account/Login", new { returnUrl = SafeReturnUrl });
}
