using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Stabsrum.Infrastructure.Security;

namespace Stabsrum.Features.Meetings;

/// <summary>Section landing page: the links the meetings feature registers (meetings, bodies).</summary>
[Authorize(Policy = Policies.Read)]
public sealed class IndexModel : PageModel
{
    public void OnGet()
    {
    }
}
