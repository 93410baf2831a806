using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Stabsrum.Infrastructure.Security;
using Stabsrum.Infrastructure.Tenancy;

namespace Stabsrum.Features.Account;

/// <summary>The user's own account: who they are, their two-step verification and a new password.</summary>
[Authorize(Policy = Policies.SignedIn)]
public sealed class IndexModel(UserManager<StabsrumUser> users, SignInManager<StabsrumUser> signIn, CurrentOrganisation current) : PageModel
{
    [BindProperty]
    public PasswordInput Input { get; set; } = new();

    [TempData]
    public string? StatusMessage { get; set; }

    public string DisplayName { get; private set; } = "";

    public string Email { get; private set; } = "";

    public bool TwoFactorEnabled { get; private set; }

    public int RecoveryCodesLeft { get; private set; }

    public bool HasOrganisation => current.HasOrganisation;

    public sealed class PasswordInput
    {
        [Required(ErrorMessage = "Skriv din nuværende adgangskode.")]
        public string CurrentPassword { get; set; } = "";

        [Required(ErrorMessage = "Skriv en ny adgangskode.")]
        public string NewPassword { get; set; } = "";

        [Required(ErrorMessage = "Gentag den nye adgangskode.")]
        [Compare(nameof(NewPassword), ErrorMessage = "De to nye adgangskoder er ikke ens.")]
        public string ConfirmPassword { get; set; } = "";
    }

    public async Task<IActionResult> OnGetAsync()
    {
        var user = await users.GetUserAsync(User);
        if (user is null)
        {
            return Challenge();
        }

        await LoadAsync(user);
        return Page();
    }

    public async Task<IActionResult> OnPostChangePasswordAsync()
    {
        var user = await users.GetUserAsync(User);
        if (user is null)
        {
            return Challenge();
        }

        if (ModelState.IsValid)
        {
            var result = await users.ChangePasswordAsync(user, Input.CurrentPassword, Input.NewPassword);
            if (result.Succeeded)
            {
                // The security stamp changed: renew our own cookie so this session stays signed in.
                await signIn.RefreshSignInAsync(user);
                StatusMessage = "Din adgangskode er skiftet.";
                return RedirectToPage();
            }

            foreach (var error in result.Errors)
            {
                var field = error.Code == nameof(IdentityErrorDescriber.PasswordMismatch) ? nameof(PasswordInput.CurrentPassword) : nameof(PasswordInput.NewPassword);
                ModelState.AddModelError($"{nameof(Input)}.{field}", error.Description);
            }
        }

        await LoadAsync(user);
        return Page();
    }

    private async Task LoadAsync(StabsrumUser user)
    {
        DisplayName = user.DisplayName;
        Email = user.Email ?? "";
        TwoFactorEnabled = user.TwoFactorEnabled;
        RecoveryCodesLeft = TwoFactorEnabled ? await users.CountRecoveryCodesAsync(user) : 0;
    }
}
