using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Stabsrum.Infrastructure.Security;
using Stabsrum.Infrastructure.Tenancy;

namespace Stabsrum.Features.Meetings;

/// <summary>
/// Bodies and their people. People are typed one per line as "Navn; e-mail; roller" where the roles are words:
/// medlem, mødeleder, dagsordenansvarlig, stedfortræder, godkender, fordeling.
/// </summary>
[Authorize(Policy = Policies.Read)]
public sealed class BodiesModel(MeetingQueries queries, BodyChanges changes, CurrentOrganisation current) : PageModel
{
    public List<BodyDto> Bodies { get; private set; } = [];

    [BindProperty]
    public string? Name { get; set; }

    [BindProperty]
    public string? People { get; set; }

    [BindProperty]
    public Guid ClientId { get; set; }

    [TempData]
    public string? Message { get; set; }

    public bool CanEdit => current.Can(Permission.OperateIncidents);

    public async Task OnGetAsync(CancellationToken ct)
    {
        ClientId = Guid.CreateVersion7();
        Bodies = await queries.BodiesAsync(ct);
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (!CanEdit)
        {
            return Forbid();
        }

        var result = await changes.CreateAsync(new BodyInput(ClientId == Guid.Empty ? null : ClientId, Name, null, ParsePeople(People)), ct);
        if (result.Outcome == MeetingOutcome.Ok)
        {
            Message = $"Organet \"{result.Value!.Name}\" er oprettet.";
            return Redirect("/moeder/organer");
        }

        foreach (var (field, messages) in result.Errors.ToDictionary())
        {
            foreach (var message in messages)
            {
                ModelState.AddModelError(field.StartsWith("people", StringComparison.Ordinal) ? nameof(People) : nameof(Name), (field.StartsWith("people[", StringComparison.Ordinal) ? $"Linje {LineNumber(field)}: " : "") + message);
            }
        }

        if (result.Message is { } clash)
        {
            ModelState.AddModelError("", clash);
        }

        Bodies = await queries.BodiesAsync(ct);
        return Page();
    }

    private static int LineNumber(string field) => int.TryParse(field.AsSpan(7, field.IndexOf(']', StringComparison.Ordinal) - 7), out var i) ? i + 1 : 0;

    internal static List<BodyPersonInput> ParsePeople(string? text)
    {
        var result = new List<BodyPersonInput>();
        foreach (var line in (text ?? "").Split('\n').Select(l => l.Trim()).Where(l => l.Length > 0))
        {
            var parts = line.Split(';').Select(p => p.Trim()).ToArray();
            var roles = parts.Length > 2 ? parts[2].ToLowerInvariant() : "medlem";
            result.Add(new BodyPersonInput(parts[0], parts.Length > 1 ? parts[1] : null, null,
                roles.Contains("medlem", StringComparison.Ordinal), roles.Contains("mødeleder", StringComparison.Ordinal),
                roles.Contains("dagsordenansvarlig", StringComparison.Ordinal), roles.Contains("stedfortræder", StringComparison.Ordinal),
                roles.Contains("godkender", StringComparison.Ordinal), roles.Contains("fordeling", StringComparison.Ordinal)));
        }

        return result;
    }

    public static string Roles(BodyPersonDto p) => string.Join(", ", new[]
    {
        p.IsMember ? "medlem" : null, p.IsChair ? "mødeleder" : null, p.IsAgendaOwner ? "dagsordenansvarlig" : null,
        p.IsSubstituteOwner ? "stedfortræder" : null, p.IsApprover ? "godkender af referat" : null, p.IsOnDistribution ? "fordelingsliste" : null,
    }.OfType<string>());
}
