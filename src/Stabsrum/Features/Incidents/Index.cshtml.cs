using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Stabsrum.Infrastructure.Security;

namespace Stabsrum.Features.Incidents;

/// <summary>Section landing page. Says plainly that the module is not in use yet, rather than show an empty list.</summary>
[Authorize(Policy = Policies.Read)]
public sealed class IndexModel : PageModel
{
    public void OnGet()
    {
    }
}
