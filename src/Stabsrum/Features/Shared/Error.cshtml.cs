using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Stabsrum.Infrastructure.Problems;

namespace Stabsrum.Features.Shared;

/// <summary>Human-readable status pages for the UI; the API answers with ProblemDetails instead.</summary>
[AllowAnonymous]
[Microsoft.AspNetCore.Mvc.IgnoreAntiforgeryToken]
public sealed class ErrorModel : PageModel
{
    public string Title { get; private set; } = "";

    public string Explanation { get; private set; } = "";

    public void OnGet(int code) => Describe(code);

    public void OnPost(int code) => Describe(code);

    private void Describe(int code)
    {
        Title = ProblemSetup.DanishTitle(code);
        Explanation = code switch
        {
            404 => "Siden findes ikke, eller du har ikke adgang til den i den valgte organisation.",
            >= 500 => "Der opstod en fejl. Fejlen er logget. Prøv igen, og kontakt support, hvis den fortsætter.",
            _ => "Forespørgslen kunne ikke gennemføres.",
        };
    }
}
