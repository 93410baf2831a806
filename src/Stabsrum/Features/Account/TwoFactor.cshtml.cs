using System.Text;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Stabsrum.Infrastructure.Database;
using Stabsrum.Infrastructure.Security;

namespace Stabsrum.Features.Account;

/// <summary>
/// Two-step verification with an authenticator app (TOTP): enrol, new recovery codes, switch off.
/// Recovery codes are shown once, in the response to the request that made them, and never again.
/// </summary>
[Authorize(Policy = Policies.SignedIn)]
public sealed class TwoFactorModel(
    UserManager<StabsrumUser> users,
    SignInManager<StabsrumUser> signIn,
    StabsrumDbContext db,
    UrlEncoder urlEncoder) : PageModel
{
    public const int RecoveryCodeCount = 10;
    private const string Issuer = "Stabsrum";

    /// <summary><c>?kraevet=1</c>: the organisation middleware sent the user here because 2FA is required.</summary>
    [BindProperty(SupportsGet = true, Name = "kraevet")]
    public string? RequiredFlag { get; set; }

    public bool Required => RequiredFlag is "1";

    [BindProperty]
    public string? Code { get; set; }

    [BindProperty]
    public string? DisablePassword { get; set; }

    [BindProperty]
    public string? RecoveryPassword { get; set; }

    /// <summary>Shown in this response only (never via TempData: it sits next to codes shown once).</summary>
    public string? Message { get; private set; }

    public bool Enabled { get; private set; }

    public string FormattedKey { get; private set; } = "";

    public string AuthenticatorUri { get; private set; } = "";

    public IReadOnlyList<string> RecoveryCodes { get; private set; } = [];

    public int RecoveryCodesLeft { get; private set; }

    public async Task<IActionResult> OnGetAsync() =>
        await users.GetUserAsync(User) is { } user ? await ShowAsync(user) : Challenge();

    public async Task<IActionResult> OnPostEnableAsync()
    {
        if (await users.GetUserAsync(User) is not { } user)
        {
            return Challenge();
        }

        if (user.TwoFactorEnabled)
        {
            return RedirectToPage();
        }

        var code = Normalise(Code);
        if (code.Length != 6 || !code.All(char.IsAsciiDigit))
        {
            ModelState.AddModelError(nameof(Code), "Skriv den 6-cifrede kode fra godkendelsesappen.");
            return await ShowAsync(user);
        }

        if (!await users.VerifyTwoFactorTokenAsync(user, users.Options.Tokens.AuthenticatorTokenProvider, code))
        {
            ModelState.AddModelError(nameof(Code), "Koden er forkert. Tjek at telefonens ur går rigtigt, og prøv med den nyeste kode.");
            return await ShowAsync(user);
        }

        await users.SetTwoFactorEnabledAsync(user, true);
        var codes = await users.GenerateNewTwoFactorRecoveryCodesAsync(user, RecoveryCodeCount);
        await signIn.RefreshSignInAsync(user);
        Message = "Totrinsbekræftelse er slået til.";
        return await ShowAsync(user, codes);
    }

    public async Task<IActionResult> OnPostRecoveryCodesAsync()
    {
        if (await users.GetUserAsync(User) is not { } user)
        {
            return Challenge();
        }

        if (!user.TwoFactorEnabled)
        {
            return RedirectToPage();
        }

        if (await PasswordRefusal(user, RecoveryPassword) is { } refusal)
        {
            ModelState.AddModelError(nameof(RecoveryPassword), refusal);
            return await ShowAsync(user);
        }

        var codes = await users.GenerateNewTwoFactorRecoveryCodesAsync(user, RecoveryCodeCount);
        Message = "Der er lavet nye gendannelseskoder. De gamle virker ikke længere.";
        return await ShowAsync(user, codes);
    }

    public async Task<IActionResult> OnPostDisableAsync()
    {
        if (await users.GetUserAsync(User) is not { } user)
        {
            return Challenge();
        }

        if (!user.TwoFactorEnabled)
        {
            return RedirectToPage();
        }

        var requiredBy = await db.Memberships.IgnoreQueryFilters().AsNoTracking()
            .Where(m => m.UserId == user.Id && m.Organisation!.RequireTwoFactor)
            .Select(m => m.Organisation!.Name)
            .FirstOrDefaultAsync(HttpContext.RequestAborted);
        var refusal = requiredBy is not null
            ? $"{requiredBy} kræver totrinsbekræftelse, så den kan ikke slås fra."
            : await PasswordRefusal(user, DisablePassword);
        if (refusal is not null)
        {
            ModelState.AddModelError(nameof(DisablePassword), refusal);
            return await ShowAsync(user);
        }

        await users.SetTwoFactorEnabledAsync(user, false);
        // A new key, so the app on the old phone can never sign in again if 2FA is switched back on.
        await users.ResetAuthenticatorKeyAsync(user);
        await signIn.ForgetTwoFactorClientAsync();
        await signIn.RefreshSignInAsync(user);
        TempData[nameof(IndexModel.StatusMessage)] = "Totrinsbekræftelse er slået fra.";
        return RedirectToPage("/Account/Index");
    }

    private async Task<string?> PasswordRefusal(StabsrumUser user, string? password)
    {
        if (string.IsNullOrEmpty(password))
        {
            return "Skriv din adgangskode.";
        }

        var check = await signIn.CheckPasswordSignInAsync(user, password, lockoutOnFailure: true);
        return check.Succeeded ? null : check.IsLockedOut ? LoginModel.LockedOutMessage : "Forkert adgangskode.";
    }

    private async Task<IActionResult> ShowAsync(StabsrumUser user, IEnumerable<string>? newCodes = null)
    {
        // Keys and recovery codes must not be kept by a browser or proxy cache.
        Response.Headers.CacheControl = "no-store";
        Enabled = user.TwoFactorEnabled;
        RecoveryCodes = newCodes?.ToList() ?? [];
        if (Enabled)
        {
            RecoveryCodesLeft = await users.CountRecoveryCodesAsync(user);
            return Page();
        }

        var key = await users.GetAuthenticatorKeyAsync(user);
        if (string.IsNullOrEmpty(key))
        {
            await users.ResetAuthenticatorKeyAsync(user);
            // Resetting the key changes the security stamp; renew the cookie so the session survives validation.
            await signIn.RefreshSignInAsync(user);
            key = await users.GetAuthenticatorKeyAsync(user) ?? "";
        }

        FormattedKey = FormatKey(key);
        AuthenticatorUri = $"otpauth://totp/{urlEncoder.Encode(Issuer)}:{urlEncoder.Encode(user.Email ?? user.UserName ?? "")}?secret={key}&issuer={urlEncoder.Encode(Issuer)}&digits=6";
        return Page();
    }

    /// <summary>Groups of four, lower case: easier to read aloud and type into an app.</summary>
    public static string FormatKey(string key)
    {
        var result = new StringBuilder();
        for (var i = 0; i < key.Length; i += 4)
        {
            if (i > 0)
            {
                result.Append(' ');
            }

            result.Append(key.AsSpan(i, Math.Min(4, key.Length - i)));
        }

        return result.ToString().ToLowerInvariant();
    }

    public static string Normalise(string? code) =>
        (code ?? "").Replace(" ", "", StringComparison.Ordinal).Replace("-", "", StringComparison.Ordinal).Trim();
}
