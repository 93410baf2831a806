using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Stabsrum.Infrastructure.Database;
using Stabsrum.Infrastructure.Security;
using Stabsrum.Infrastructure.Tenancy;

namespace Stabsrum.Features.Account;

/// <summary>
/// The user's personal access tokens in the current organisation. A new token is shown once, in the
/// response to the request that created it; afterwards only its prefix is known.
/// </summary>
[Authorize(Policy = Policies.Read)]
public sealed class TokensModel(StabsrumDbContext db, CurrentOrganisation current, PersonalAccessTokenService tokens, TimeProvider time) : PageModel
{
    public const int DefaultLifetimeDays = 90;
    public const int MaxLifetimeDays = 366;
    private const string LifetimeMessage = "Levetiden skal være et helt antal dage mellem 1 og 366.";

    [BindProperty]
    public TokenInput Input { get; set; } = new();

    [TempData]
    public string? StatusMessage { get; set; }

    public IReadOnlyList<TokenRow> Tokens { get; private set; } = [];

    /// <summary>The plain token just created; null on every other response.</summary>
    public string? CreatedToken { get; private set; }

    public string? CreatedName { get; private set; }

    public sealed class TokenInput
    {
        [Required(ErrorMessage = "Giv nøglen et navn, så du kan kende den igen.")]
        [StringLength(100, ErrorMessage = "Navnet må højst være 100 tegn.")]
        public string Name { get; set; } = "";

        [Range(1, MaxLifetimeDays, ErrorMessage = LifetimeMessage)]
        public int LifetimeDays { get; set; } = DefaultLifetimeDays;
    }

    public sealed record TokenRow(Guid Id, string Name, string Prefix, DateTimeOffset CreatedAt, DateTimeOffset ExpiresAt, DateTimeOffset? LastUsedAt, DateTimeOffset? RevokedAt)
    {
        public bool Active(DateTimeOffset now) => RevokedAt is null && ExpiresAt > now;

        public string Status(DateTimeOffset now) => RevokedAt is not null ? "Tilbagekaldt" : ExpiresAt <= now ? "Udløbet" : "Aktiv";
    }

    public DateTimeOffset Now { get; } = time.GetUtcNow();

    public async Task OnGetAsync(CancellationToken ct) => await LoadAsync(ct);

    public async Task<IActionResult> OnPostCreateAsync(CancellationToken ct)
    {
        if (ModelState.TryGetValue($"{nameof(Input)}.{nameof(TokenInput.LifetimeDays)}", out var lifetime) && lifetime.Errors.Count > 0)
        {
            // Text that is not a number fails in model binding, whose message is English: say it in Danish.
            lifetime.Errors.Clear();
            lifetime.Errors.Add(LifetimeMessage);
        }

        if (!ModelState.IsValid)
        {
            await LoadAsync(ct);
            return Page();
        }

        var issued = await tokens.IssueAsync(current.UserId!.Value, current.RequireOrganisationId(), Input.Name, TimeSpan.FromDays(Input.LifetimeDays), ct);
        // The secret is in this response only: no caching, no redirect that would need to carry it.
        Response.Headers.CacheControl = "no-store";
        CreatedToken = issued.Token;
        CreatedName = issued.Record.Name;
        ModelState.Clear();
        Input = new TokenInput();
        await LoadAsync(ct);
        return Page();
    }

    public async Task<IActionResult> OnPostRevokeAsync(Guid id, CancellationToken ct)
    {
        var name = await MyTokens().Where(t => t.Id == id).Select(t => t.Name).SingleOrDefaultAsync(ct);
        if (name is null || !await tokens.RevokeAsync(id, current.UserId!.Value, ct))
        {
            return NotFound();
        }

        StatusMessage = $"Adgangsnøglen \"{name}\" er tilbagekaldt og virker ikke længere.";
        return RedirectToPage();
    }

    private IQueryable<PersonalAccessToken> MyTokens() =>
        // The query filter keeps this to the current organisation; the user check keeps it to the caller's own tokens.
        db.PersonalAccessTokens.AsNoTracking().Where(t => t.UserId == current.UserId);

    private async Task LoadAsync(CancellationToken ct) =>
        Tokens = await MyTokens()
            .OrderByDescending(t => t.CreatedAt)
            .Select(t => new TokenRow(t.Id, t.Name, t.Prefix, t.CreatedAt, t.ExpiresAt, t.LastUsedAt, t.RevokedAt))
            .ToListAsync(ct);
}
