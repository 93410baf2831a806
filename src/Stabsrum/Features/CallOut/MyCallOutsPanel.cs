using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Stabsrum.Infrastructure.Database;
using Stabsrum.Infrastructure.Tenancy;

namespace Stabsrum.Features.CallOut;

public sealed record MyCallOut(string Title, CallOutKind Kind, string Message, DateTimeOffset CalledAt, string AnswerHref);

/// <summary>In-app channel: open call-outs for the signed-in user (a key person linked to the user), with their answer link.</summary>
public sealed class MyCallOutsPanel(StabsrumDbContext db, CurrentOrganisation current, AnswerLinks links) : ViewComponent
{
    public async Task<IViewComponentResult> InvokeAsync()
    {
        if (current.UserId is not { } userId)
        {
            return Content("");
        }

        var open = await (from r in db.CallOutRecipients.AsNoTracking()
                          join c in db.CallOuts.AsNoTracking() on r.CallOutId equals c.Id
                          where r.UserId == userId && c.Status == CallOutStatus.Active && r.CalledAt != null && r.Response == null
                          orderby r.CalledAt descending
                          select new { r.Id, c.Title, c.Kind, c.Message, CalledAt = r.CalledAt!.Value }).Take(5).ToListAsync(HttpContext.RequestAborted);
        if (open.Count == 0)
        {
            return Content("");
        }

        return View("/Features/CallOut/_MyCallOutsPanel.cshtml", open.Select(o => new MyCallOut(o.Title, o.Kind, o.Message, o.CalledAt, "/svar/" + links.Create(o.Id))).ToList());
    }
}
