using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Stabsrum.Infrastructure.Database;
using Stabsrum.Infrastructure.Security;
using Stabsrum.Infrastructure.Tenancy;

namespace Stabsrum.Features.Warnings;

/// <summary>
/// Feeds make the server fetch addresses on the internet, so only administrators configure them;
/// the duty e-mail is planning data (MaintainRegistry). Everyone with Read sees the feeds' state.
/// </summary>
[Authorize(Policy = Policies.Read)]
public sealed class FeedsModel(StabsrumDbContext db, CurrentOrganisation current, WarningConfigurationChanges changes) : PageModel
{
    public sealed class FeedForm
    {
        public string? Name { get; set; }

        public string? Url { get; set; }

        public int IntervalMinutes { get; set; } = 10;

        public bool Enabled { get; set; }
    }

    [BindProperty]
    public FeedForm Input { get; set; } = new();

    public IReadOnlyList<WarningFeed> Feeds { get; private set; } = [];

    public string? DutyEmail { get; private set; }

    public int UnsentNotifications { get; private set; }

    public bool CanEditFeeds => current.Can(Permission.Administer);

    public bool CanEditDuty => current.Can(Permission.MaintainRegistry);

    [TempData]
    public string? Message { get; set; }

    public async Task OnGetAsync(CancellationToken ct) => await LoadAsync(ct);

    public async Task<IActionResult> OnPostAddAsync(CancellationToken ct)
    {
        if (!CanEditFeeds)
        {
            return Forbid();
        }

        var (feed, errors) = await changes.SaveFeedAsync(null, new FeedInput(Input.Name, Input.Url, Input.IntervalMinutes, Input.Enabled), ct);
        if (feed is null)
        {
            errors.CopyTo(ModelState, nameof(Input));
            await LoadAsync(ct);
            return Page();
        }

        Message = $"Feedet {feed.Name} er tilføjet.";
        return RedirectToPage();
    }

    public async Task<IActionResult> OnPostToggleAsync(Guid id, CancellationToken ct)
    {
        if (!CanEditFeeds)
        {
            return Forbid();
        }

        var feed = await db.WarningFeeds.AsNoTracking().FirstOrDefaultAsync(f => f.Id == id, ct);
        if (feed is null)
        {
            return NotFound();
        }

        await changes.SaveFeedAsync(id, new FeedInput(feed.Name, feed.Url, feed.IntervalMinutes, !feed.Enabled), ct);
        Message = feed.Enabled ? $"{feed.Name} er slået fra." : $"{feed.Name} er slået til og hentes nu.";
        return RedirectToPage();
    }

    public async Task<IActionResult> OnPostRemoveAsync(Guid id, CancellationToken ct)
    {
        if (!CanEditFeeds)
        {
            return Forbid();
        }

        if (!await changes.RemoveFeedAsync(id, ct))
        {
            return NotFound();
        }

        Message = "Feedet er fjernet.";
        return RedirectToPage();
    }

    public async Task<IActionResult> OnPostDutyAsync(string? dutyEmail, CancellationToken ct)
    {
        if (!CanEditDuty)
        {
            return Forbid();
        }

        var errors = await changes.SaveSettingsAsync(new WarningSettingsInput(dutyEmail ?? ""), ct);
        if (errors.Any)
        {
            errors.CopyTo(ModelState);
            await LoadAsync(ct);
            return Page();
        }

        Message = "Vagthavende er gemt.";
        return RedirectToPage();
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        Feeds = await db.WarningFeeds.AsNoTracking().OrderBy(f => f.Name).ToListAsync(ct);
        DutyEmail = await db.WarningSettings.AsNoTracking().Select(s => s.DutyEmail).FirstOrDefaultAsync(ct);
        UnsentNotifications = await db.WarningNotifications.CountAsync(n => n.SentAt == null, ct);
    }
}
