using System.Security.Claims;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Stabsrum.Features.Account;
using Stabsrum.Infrastructure.Database;

namespace Stabsrum.Infrastructure.Security;

/// <summary>Authenticates <c>Authorization: Bearer stb_…</c> personal access tokens for the API.</summary>
public sealed class BearerTokenHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> options,
    ILoggerFactory logger,
    UrlEncoder encoder,
    PersonalAccessTokenService tokens,
    StabsrumDbContext db,
    TimeProvider time,
    IProblemDetailsService problems) : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    public const string SchemeName = "Bearer";
    public const string OrganisationClaim = "stabsrum:organisation";
    private const string FailureKey = "stabsrum:bearer-failure";

    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        string? header = Request.Headers.Authorization;
        if (string.IsNullOrEmpty(header) || !header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase))
        {
            return AuthenticateResult.NoResult();
        }

        var presented = header["Bearer ".Length..].Trim();
        var token = presented.StartsWith(PersonalAccessTokenService.TokenPrefix, StringComparison.Ordinal) && presented.Length < 200
            ? await tokens.FindAsync(presented, Context.RequestAborted)
            : null;
        var now = time.GetUtcNow();
        string? failure = token switch
        {
            null => "Adgangsnøglen er ugyldig.",
            { RevokedAt: not null } => "Adgangsnøglen er tilbagekaldt.",
            _ when token.ExpiresAt <= now => "Adgangsnøglen er udløbet.",
            _ => null,
        };

        var user = token is null ? null : await db.Users.AsNoTracking().SingleOrDefaultAsync(u => u.Id == token.UserId, Context.RequestAborted);
        if (failure is null && (user is null || (user.LockoutEnd is { } end && end > now)))
        {
            failure = "Brugeren er spærret.";
        }

        if (failure is not null)
        {
            Context.Items[FailureKey] = failure;
            return AuthenticateResult.Fail(failure);
        }

        if (token!.LastUsedAt is null || now - token.LastUsedAt > TimeSpan.FromMinutes(1))
        {
            // Not audited on purpose: usage stamps are not changes anyone made.
            await db.PersonalAccessTokens.IgnoreQueryFilters().Where(t => t.Id == token.Id)
                .ExecuteUpdateAsync(s => s.SetProperty(t => t.LastUsedAt, now), Context.RequestAborted);
        }

        var identity = new ClaimsIdentity(
            [
                new Claim(ClaimTypes.NameIdentifier, user!.Id.ToString()),
                new Claim(ClaimTypes.Name, user.UserName ?? user.Email ?? user.Id.ToString()),
                new Claim(OrganisationClaim, token.OrganisationId.ToString()),
            ],
            SchemeName);
        return AuthenticateResult.Success(new AuthenticationTicket(new ClaimsPrincipal(identity), SchemeName));
    }

    protected override Task HandleChallengeAsync(AuthenticationProperties properties)
    {
        Response.StatusCode = StatusCodes.Status401Unauthorized;
        Response.Headers.WWWAuthenticate = "Bearer";
        var detail = Context.Items[FailureKey] as string ?? "Angiv en personlig adgangsnøgle i Authorization-headeren (Bearer).";
        return WriteProblem(StatusCodes.Status401Unauthorized, detail);
    }

    protected override Task HandleForbiddenAsync(AuthenticationProperties properties)
    {
        Response.StatusCode = StatusCodes.Status403Forbidden;
        return WriteProblem(StatusCodes.Status403Forbidden, "Din rolle i organisationen giver ikke adgang til dette.");
    }

    private Task WriteProblem(int status, string detail) =>
        problems.WriteAsync(new ProblemDetailsContext
        {
            HttpContext = Context,
            ProblemDetails = new ProblemDetails { Status = status, Detail = detail },
        }).AsTask();
}

public static class IdentityClaims
{
    public static Guid? UserId(this ClaimsPrincipal user) =>
        Guid.TryParse(user.FindFirstValue(ClaimTypes.NameIdentifier), out var id) ? id : null;
}

public sealed class DanishIdentityErrorDescriber : IdentityErrorDescriber
{
    public override IdentityError PasswordTooShort(int length) => new() { Code = nameof(PasswordTooShort), Description = $"Adgangskoden skal være mindst {length} tegn." };

    public override IdentityError PasswordRequiresUniqueChars(int uniqueChars) => new() { Code = nameof(PasswordRequiresUniqueChars), Description = $"Adgangskoden skal indeholde mindst {uniqueChars} forskellige tegn." };

    public override IdentityError DuplicateEmail(string email) => new() { Code = nameof(DuplicateEmail), Description = $"E-mailadressen {email} er allerede i brug." };

    public override IdentityError DuplicateUserName(string userName) => new() { Code = nameof(DuplicateUserName), Description = $"Brugernavnet {userName} er allerede i brug." };

    public override IdentityError InvalidEmail(string? email) => new() { Code = nameof(InvalidEmail), Description = $"E-mailadressen '{email}' er ugyldig." };

    public override IdentityError PasswordMismatch() => new() { Code = nameof(PasswordMismatch), Description = "Forkert adgangskode." };

    public override IdentityError InvalidToken() => new() { Code = nameof(InvalidToken), Description = "Ugyldig kode." };

    public override IdentityError DefaultError() => new() { Code = nameof(DefaultError), Description = "Der opstod en fejl." };
}
