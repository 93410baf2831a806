using Microsoft.EntityFrameworkCore;
using Stabsrum.Features.Registry;
using Stabsrum.Features.Templates;
using Stabsrum.Infrastructure.Database;

namespace Stabsrum.Features.CallOut.Pages;

/// <summary>The compose form's fields (bound as <c>Input</c>).</summary>
public sealed class ComposeInput
{
    public Guid Id { get; set; }

    public string? Title { get; set; }

    public string? Message { get; set; }

    public Guid? TemplateId { get; set; }

    public List<Guid> AlarmListIds { get; set; } = [];

    public List<Guid> RoleIds { get; set; } = [];

    public List<Guid> PersonIds { get; set; } = [];

    public bool Sms { get; set; } = true;

    public bool Email { get; set; } = true;

    public bool App { get; set; } = true;

    public int ChannelDelayMinutes { get; set; } = 3;

    public int AnswerTimeoutMinutes { get; set; } = 10;

    public CallOutRequest ToRequest(Guid? incidentId) => new(
        Id, incidentId, Title, Message, AlarmListIds, RoleIds, PersonIds,
        new[] { Sms ? CallOutChannel.Sms : (CallOutChannel?)null, Email ? CallOutChannel.Email : null, App ? CallOutChannel.App : null }.OfType<CallOutChannel>().ToList(),
        ChannelDelayMinutes, AnswerTimeoutMinutes);
}

public sealed record Choice(Guid Id, string Name, string? Detail);

/// <summary>What the compose form offers: the organisation's alarm lists, roles, key persons and templates.</summary>
public sealed record ComposeChoices(IReadOnlyList<Choice> Lists, IReadOnlyList<Choice> Roles, IReadOnlyList<Choice> Persons, IReadOnlyList<Choice> Templates, bool Exercise)
{
    public static async Task<ComposeChoices> LoadAsync(StabsrumDbContext db, bool exercise, CancellationToken ct)
    {
        var lists = await db.AlarmLists.AsNoTracking().OrderBy(l => l.SortOrder).ThenBy(l => l.Name)
            .Select(l => new Choice(l.Id, l.Name, l.Mode == AlarmMode.StopAtFirstContact ? "stop ved første kontakt" : "alle, med kvorum pr. rolle")).ToListAsync(ct);
        var roles = await db.StaffRoles.AsNoTracking().OrderBy(r => r.SortOrder).ThenBy(r => r.Name).Select(r => new Choice(r.Id, r.Name, null)).ToListAsync(ct);
        var optedIn = (await db.ExerciseOptIns.AsNoTracking().Select(o => o.PersonId).ToListAsync(ct)).ToHashSet();
        var persons = (await db.KeyPersons.AsNoTracking().Where(p => p.ErasedAt == null).OrderBy(p => p.Name).Select(p => new { p.Id, p.Name, p.Title }).ToListAsync(ct))
            .Select(p => new Choice(p.Id, p.Name, (p.Title ?? "") + (optedIn.Contains(p.Id) ? " · tilmeldt øvelser" : ""))).ToList();
        var templates = await db.DocumentTemplates.AsNoTracking().OrderBy(t => t.Name).Select(t => new Choice(t.Id, t.Name, null)).ToListAsync(ct);
        return new ComposeChoices(lists, roles, persons, templates, exercise);
    }

    /// <summary>The template filled with what is known now; its Markdown is the message text.</summary>
    public static async Task<string?> FillTemplateAsync(StabsrumDbContext db, Guid templateId, IReadOnlyDictionary<string, string> values, CancellationToken ct)
    {
        var body = await db.DocumentTemplates.AsNoTracking().Where(t => t.Id == templateId).Select(t => t.Body).SingleOrDefaultAsync(ct);
        if (body is null)
        {
            return null;
        }

        var text = TemplateRenderer.Render(body, values).Markdown;
        return text.Length > Alarmering.MaxMessageLength ? text[..Alarmering.MaxMessageLength] : text;
    }
}
