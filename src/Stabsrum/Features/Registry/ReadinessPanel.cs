using Microsoft.AspNetCore.Mvc;

namespace Stabsrum.Features.Registry;

/// <summary>The readiness panel on the overview page (Overblik): what in the registry needs a planner's attention.</summary>
public sealed class ReadinessPanel(ReadinessQueries queries) : ViewComponent
{
    public async Task<IViewComponentResult> InvokeAsync() =>
        View("/Features/Registry/_ReadinessPanel.cshtml", await queries.LoadAsync(HttpContext.RequestAborted));
}
