using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Stabsrum.Features.Account;

[AllowAnonymous]
public sealed class LoginModel(SignInManager<StabsrumUser> signIn) : PageModel
{
    public const string LockedOutMessage = "Kontoen er midlertidigt spærret efter for mange forkerte forsøg. Prøv igen om 15 minutter.";

    [BindProperty]
    public LoginInput Input { get; set; } = new();

    [BindProperty(SupportsGet = true)]
    public string? ReturnUrl { get; set; }

    public string? Message { get; private set; }

    public sealed class LoginInput
    {
        [Required(ErrorMessage = "Skriv din e-mail.")]
        [EmailAddress(ErrorMessage = "Skriv en gyldig e-mailadresse.")]
        public string Email { get; set; } = "";

        [Required(ErrorMessage = "Skriv din adgangskode.")]
        public string Password { get; set; } = "";

        public bool RememberMe { get; set; }
    }

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync()
    {
        if (!ModelState.IsValid)
        {
            return Page();
        }

        var result = await signIn.PasswordSignInAsync(Input.Email.Trim(), Input.Password, Input.RememberMe, lockoutOnFailure: true);
        if (result.Succeeded)
        {
            return LocalRedirect(SafeReturnUrl(ReturnUrl));
        }

        if (result.RequiresTwoFactor)
        {
            return RedirectToPage("/Account/LoginWith2fa", new { returnUrl = SafeReturnUrl(ReturnUrl), rememberMe = Input.RememberMe });
        }

        Message = result.IsLockedOut ? LockedOutMessage : "Forkert e-mail eller adgangskode.";
        return Page();
    }

    public string SafeReturnUrl(string? url) => !string.IsNullOrEmpty(url) && Url.IsLocalUrl(url) ? url : "/";
}
