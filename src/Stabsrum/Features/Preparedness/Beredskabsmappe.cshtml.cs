using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Stabsrum.Infrastructure.Database;
using Stabsrum.Infrastructure.Pdf;
using Stabsrum.Infrastructure.Security;
using Stabsrum.Infrastructure.Tenancy;

namespace Stabsrum.Features.Preparedness;

/// <summary>
/// The beredskabsmappe: a cover and every registered <see cref="IBeredskabsmappeSection"/> in order, as one print
/// view. <c>?format=pdf</c> renders it through the PDF service (page numbers and generation time in the footer).
/// </summary>
[Authorize(Policy = Policies.Read)]
[PrintView("beredskabsmappe")]
public sealed class BeredskabsmappeModel(StabsrumDbContext db, CurrentOrganisation current, IEnumerable<IBeredskabsmappeSection> sections, TimeProvider time) : PageModel
{
    public sealed record Chapter(IBeredskabsmappeSection Section, object Model);

    public string OrganisationName { get; private set; } = "";

    public DateTimeOffset GeneratedAt { get; private set; }

    public string GeneratedBy { get; private set; } = "";

    public bool IncludesPrivatePhones => current.Can(Permission.MaintainRegistry);

    public IReadOnlyList<Chapter> Chapters { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct)
    {
        GeneratedAt = time.GetUtcNow();
        OrganisationName = await db.Organisations.AsNoTracking().Where(o => o.Id == current.OrganisationId).Select(o => o.Name).SingleAsync(ct);
        var user = await db.Users.AsNoTracking().Where(u => u.Id == current.UserId).Select(u => new { u.DisplayName, u.Email }).SingleOrDefaultAsync(ct);
        GeneratedBy = user is null ? current.UserName ?? "" : $"{user.DisplayName} ({user.Email})";
        var chapters = new List<Chapter>();
        foreach (var section in sections.OrderBy(s => s.Order).ThenBy(s => s.Title, StringComparer.Ordinal))
        {
            chapters.Add(new Chapter(section, await section.LoadAsync(db, ct)));
        }

        Chapters = chapters;
    }
}
