using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Stabsrum.Features.Meetings;

/// <summary>Section landing page. Says plainly that the module is not in use yet, rather than show an empty list.</summary>
public sealed class IndexModel : PageModel
{
    public void OnGet()
    {
    }
}
