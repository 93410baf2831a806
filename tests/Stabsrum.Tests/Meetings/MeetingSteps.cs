using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Stabsrum.Infrastructure.Tenancy;
using Stabsrum.Tests.Infrastructure;

namespace Stabsrum.Tests.Meetings;

/// <summary>
/// An organisation with an agenda owner (who is also chair and first approver), a second approver, a plain member
/// and a body naming them, each with an API client.
/// </summary>
public sealed record MeetingSetup(TestOrganisation Org, HttpClient Owner, HttpClient Approver, HttpClient Member, Guid BodyId, string OwnerEmail, string ApproverEmail, string MemberEmail);

public static class MeetingSteps
{
    public static async Task<MeetingSetup> SetUpAsync(StabsrumFactory app)
    {
        var org = await app.CreateOrganisationAsync();
        var tag = Guid.NewGuid().ToString("N")[..8];
        var ownerEmail = $"ejer-{tag}@kommune.dk";
        var approverEmail = $"godkender-{tag}@kommune.dk";
        var memberEmail = $"medlem-{tag}@kommune.dk";
        var owner = await app.CreateUserAsync(org, OrganisationRole.Stabsmedlem, ownerEmail);
        var approver = await app.CreateUserAsync(org, OrganisationRole.Stabsmedlem, approverEmail);
        var member = await app.CreateUserAsync(org, OrganisationRole.Stabsmedlem, memberEmail);
        var ownerApi = await app.CreateApiClientAsync(owner, org);
        var body = await ReadAsync(await ownerApi.PostAsync("/api/v1/meeting-bodies", Json(new
        {
            name = "Krisestyringsstab",
            people = new object[]
            {
                new { name = "Krisestabschef", email = ownerEmail, isMember = true, isChair = true, isAgendaOwner = true, isApprover = true },
                new { name = "Kommunaldirektør", email = approverEmail, isMember = true, isApprover = true },
                new { name = "Tovholder", email = memberEmail, isMember = true },
                new { name = "Kommunalbestyrelsen", email = $"kb-{tag}@kommune.dk", isOnDistribution = true },
            },
        })), HttpStatusCode.Created);
        return new MeetingSetup(org, ownerApi, await app.CreateApiClientAsync(approver, org), await app.CreateApiClientAsync(member, org),
            body.GetProperty("id").GetGuid(), ownerEmail, approverEmail, memberEmail);
    }

    /// <summary>The base64 MIME parts of a received mail, decoded as UTF-8 (text body, .ics), concatenated.</summary>
    public static string DecodedParts(string data)
    {
        var text = new StringBuilder();
        foreach (System.Text.RegularExpressions.Match m in System.Text.RegularExpressions.Regex.Matches(data, "Content-Transfer-Encoding: base64\r\n(?:[^\r\n]+\r\n)*\r\n(?<b>(?:[A-Za-z0-9+/=]+\r\n)+)", System.Text.RegularExpressions.RegexOptions.IgnoreCase))
        {
            try
            {
                text.Append(Encoding.UTF8.GetString(Convert.FromBase64String(m.Groups["b"].Value.Replace("\r\n", "", StringComparison.Ordinal)))).Append('\n');
            }
            catch (FormatException)
            {
            }
        }

        return text.ToString();
    }

    public static StringContent Json(object value) => new(JsonSerializer.Serialize(value), Encoding.UTF8, "application/json");

    public static async Task<JsonElement> ReadAsync(HttpResponseMessage response, HttpStatusCode expected)
    {
        using (response)
        {
            var body = await response.Content.ReadAsStringAsync();
            Assert.True(expected == response.StatusCode, $"{(int)response.StatusCode}: {body}");
            return body.Length == 0 ? default : JsonDocument.Parse(body).RootElement.Clone();
        }
    }

    public static async Task<Guid> CreateMeetingAsync(HttpClient api, Guid bodyId, Guid? incidentId = null, string title = "Stabsmøde")
    {
        var starts = new DateTimeOffset(2026, 12, 10, 8, 0, 0, TimeSpan.Zero);
        var meeting = await ReadAsync(await api.PostAsync("/api/v1/meetings", Json(new
        {
            bodyId,
            title,
            startsAt = starts,
            endsAt = starts.AddHours(1),
            mode = "Fysisk",
            place = "Rådhuset, mødelokale 2",
            incidentId,
        })), HttpStatusCode.Created);
        return meeting.GetProperty("id").GetGuid();
    }

    public static object DecisionItem(string title = "Evakuering af plejecenter") => new
    {
        title,
        type = "Beslutning",
        kind = "Administrativt",
        proposedBy = "Tovholder",
        journalNumber = "14.00.08P15-1-24",
        resume = "Plejecentret ligger lavt.",
        indstilling = "Tovholderen indstiller, at plejecentret evakueres.",
        sagsfremstilling = "Vandstanden stiger fortsat.",
        oekonomiskeKonsekvenser = "Busleje ca. 20.000 kr.",
    };

    public static async Task<Guid> ProposeAsync(HttpClient api, Guid meetingId, object item)
    {
        var created = await ReadAsync(await api.PostAsync($"/api/v1/meetings/{meetingId}/items", Json(item)), HttpStatusCode.Created);
        return created.GetProperty("id").GetGuid();
    }

    public static async Task AcceptAsync(HttpClient owner, Guid meetingId, Guid itemId) =>
        await ReadAsync(await owner.PostAsync($"/api/v1/meetings/{meetingId}/items/{itemId}/accept", null), HttpStatusCode.OK);

    public static async Task<JsonElement> PublishAsync(HttpClient owner, Guid meetingId) =>
        await ReadAsync(await owner.PostAsync($"/api/v1/meetings/{meetingId}/publish", null), HttpStatusCode.OK);

    /// <summary>A meeting with one accepted decision item, published.</summary>
    public static async Task<(Guid Meeting, Guid Item)> PublishedMeetingAsync(MeetingSetup s, Guid? incidentId = null)
    {
        var meeting = await CreateMeetingAsync(s.Owner, s.BodyId, incidentId);
        var item = await ProposeAsync(s.Member, meeting, DecisionItem());
        await AcceptAsync(s.Owner, meeting, item);
        await PublishAsync(s.Owner, meeting);
        return (meeting, item);
    }

    public static async Task<JsonElement> DecideAsync(HttpClient api, Guid meetingId, Guid itemId, string decision = "Indstillingen godkendt.") =>
        await ReadAsync(await api.PostAsync($"/api/v1/meetings/{meetingId}/items/{itemId}/decision", Json(new
        {
            decision,
            notes = "Drøftet kort.",
            actions = new object[]
            {
                new { id = Guid.CreateVersion7(), text = "Bestil busser", ownerName = "Tovholder", deadline = "2026-12-11" },
                new { id = Guid.CreateVersion7(), text = "Orientér pårørende", ownerName = "Social og Sundhed", deadline = "2026-12-12" },
            },
        })), HttpStatusCode.OK);

    public static async Task<JsonElement> GetMeetingAsync(HttpClient api, Guid meetingId) =>
        await ReadAsync(await api.GetAsync($"/api/v1/meetings/{meetingId}"), HttpStatusCode.OK);

    public static async Task<JsonElement> JsonAsync(this HttpClient api, string url) => await ReadAsync(await api.GetAsync(url), HttpStatusCode.OK);

    public static async Task<HttpResponseMessage> PostJsonAsync(this HttpClient api, string url, object body) => await api.PostAsJsonAsync(url, body);
}
