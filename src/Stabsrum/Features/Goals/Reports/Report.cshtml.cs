using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Stabsrum.Infrastructure.Database;
using Stabsrum.Infrastructure.Pdf;
using Stabsrum.Infrastructure.Security;
using Stabsrum.Infrastructure.Tenancy;

namespace Stabsrum.Features.Goals.Reports;

/// <summary>
/// A status report on a plan for one audience: a web page and, with ?format=pdf, the same page as PDF.
/// Employees and managers see the initiatives; the board and the owner municipalities see fulfilment,
/// key figures and benefit overviews. Every report shows what changed since the last one issued to that audience.
/// </summary>
[Authorize(Policy = Policies.Read)]
[PrintView("maalrapport")]
public sealed class ReportModel(StabsrumDbContext db, GoalQueries queries, CurrentOrganisation current) : PageModel
{
    public sealed record Change(DateTimeOffset At, string What);

    [BindProperty(SupportsGet = true, Name = "modtager")]
    public string? AudienceText { get; set; }

    public ReportAudience Audience { get; private set; }

    public PlanView? View { get; private set; }

    public string OrganisationName { get; private set; } = "";

    public DateTimeOffset? Since { get; private set; }

    public IReadOnlyList<Change> Changes { get; private set; } = [];

    public IReadOnlyList<GoalDetailsApi.BenefitOverviewDto> Benefits { get; private set; } = [];

    public bool ShowsInitiatives => Audience is ReportAudience.Medarbejdere or ReportAudience.Ledere;

    public bool ShowsKeyFigures => Audience is not ReportAudience.Medarbejdere;

    public bool ShowsBenefits => Audience is ReportAudience.Bestyrelse or ReportAudience.Ejerkommuner or ReportAudience.Ledere;

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct)
    {
        if (!Enum.TryParse<ReportAudience>(AudienceText ?? nameof(ReportAudience.Bestyrelse), ignoreCase: true, out var audience) || !Enum.IsDefined(audience))
        {
            return NotFound();
        }

        Audience = audience;
        View = await queries.PlanAsync(id, ct);
        if (View is null)
        {
            return NotFound();
        }

        OrganisationName = await db.Organisations.Where(o => o.Id == current.OrganisationId).Select(o => o.Name).SingleAsync(ct);
        Since = await db.GoalReportIssues.Where(r => r.PlanId == id && r.Audience == audience).OrderByDescending(r => r.IssuedAt).Select(r => (DateTimeOffset?)r.IssuedAt).FirstOrDefaultAsync(ct);
        Changes = await ChangesAsync(Since, ct);
        var goalsWithBenefits = View.Goals.Where(g => g.Goal.ExpectedBenefits is not null).Select(g => g.Goal.Id).ToList();
        var benefits = new List<GoalDetailsApi.BenefitOverviewDto>();
        foreach (var goalId in goalsWithBenefits)
        {
            benefits.Add((await GoalDetailsApi.LoadOverviewAsync(goalId, db, View!.Today, ct))!);
        }

        Benefits = benefits;
        return Page();
    }

    private async Task<List<Change>> ChangesAsync(DateTimeOffset? since, CancellationToken ct)
    {
        var initiatives = View!.Goals.SelectMany(g => g.Initiatives).ToDictionary(i => i.Initiative.Id);
        var ids = initiatives.Keys.ToList();
        var statusChanges = await db.InitiativeStatusChanges.AsNoTracking()
            .Where(c => ids.Contains(c.InitiativeId) && (since == null || c.ChangedAt > since) && c.FromStatus != null)
            .OrderBy(c => c.ChangedAt).ToListAsync(ct);
        var figures = View.Goals.SelectMany(g => g.KeyFigures).ToDictionary(k => k.Figure.Id);
        var figureIds = figures.Keys.ToList();
        var measurements = await db.Measurements.AsNoTracking().Where(m => figureIds.Contains(m.KeyFigureId) && (since == null || m.EnteredAt > since)).ToListAsync(ct);

        return statusChanges.Select(c => new Change(c.ChangedAt, $"Initiativ {initiatives[c.InitiativeId].Number}: {c.FromStatus!.Value.Label()} → {c.ToStatus.Label()}{(c.Comment is null ? "" : $" ({c.Comment})")}"))
            .Concat(measurements.Select(m => new Change(m.EnteredAt, $"Nøgletal »{figures[m.KeyFigureId].Figure.Name}«: {m.Period} = {KeyFigures.KeyFigureTexts.Format(m.Value, figures[m.KeyFigureId].Figure.Unit)}")))
            .OrderBy(c => c.At)
            .ToList();
    }
}
