using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Stabsrum.Features.Registry;
using Stabsrum.Features.ResourceRequests;
using Stabsrum.Tests.Infrastructure;
using static Stabsrum.Tests.CrisisLog.CrisisLogSteps;

namespace Stabsrum.Tests.ResourceRequests;

/// <summary>Requests for assistance: the flow, log entries per step, own resources committed and released, bad input.</summary>
public sealed class ResourceRequestTests(StabsrumFactory app) : IClassFixture<StabsrumFactory>
{
    [Theory]
    [InlineData(RequestStatus.Modtaget, RequestStatus.Vurderet, true)]
    [InlineData(RequestStatus.Modtaget, RequestStatus.Imoedekommet, false)]
    [InlineData(RequestStatus.Vurderet, RequestStatus.Videresendt, true)]
    [InlineData(RequestStatus.Videresendt, RequestStatus.Afsluttet, true)]
    [InlineData(RequestStatus.Afsluttet, RequestStatus.Vurderet, false)]
    [InlineData(RequestStatus.Afvist, RequestStatus.Afsluttet, false)]
    public void The_flow_allows_only_its_steps(RequestStatus from, RequestStatus to, bool allowed) =>
        Assert.Equal(allowed, RequestFlow.Refusal(from, to) is null);

    [Fact]
    public async Task A_request_met_with_own_resources_updates_their_availability_and_closing_releases_them()
    {
        var s = await SetUpAsync(app);
        var incident = await CreateIncidentAsync(s.StaffApi);
        var pumps = await ResourceAsync(s.Org.Id, "Dykpumpe", 4);
        var requestId = Guid.CreateVersion7();

        var created = await PostOkAsync(s.StaffApi, $"/api/v1/incidents/{incident}/resource-requests", new
        {
            id = requestId,
            requesterKind = "Kommune",
            requesterName = "Ishøj Kommune",
            what = "dykpumper",
            quantity = 3,
            unit = "stk.",
            location = "Ishøj Strand",
            neededBy = app.Clock.GetUtcNow().AddHours(2),
            contact = "Vagthavende 43 57 70 00",
        }, HttpStatusCode.Created);
        Assert.Equal("Modtaget", created.GetProperty("status").GetString());

        await PostOkAsync(s.StaffApi, $"/api/v1/resource-requests/{requestId}/steps", new { id = Guid.CreateVersion7(), status = "Vurderet", note = "Vi kan undvære 3" });
        using (var tooMany = await s.StaffApi.PostAsync($"/api/v1/resource-requests/{requestId}/steps", Json(new { id = Guid.CreateVersion7(), status = "Imoedekommet", resources = new[] { new { resourceId = pumps, quantity = 5 } } })))
        {
            Assert.Contains("kun 4", (await ProblemAsync(tooMany, HttpStatusCode.BadRequest)).GetProperty("errors").GetProperty("resources")[0].GetString(), StringComparison.Ordinal);
        }

        var met = await PostOkAsync(s.StaffApi, $"/api/v1/resource-requests/{requestId}/steps", new { id = Guid.CreateVersion7(), status = "Imoedekommet", resources = new[] { new { resourceId = pumps, quantity = 3 } } });
        Assert.Equal("Imoedekommet", met.GetProperty("status").GetString());
        Assert.Equal(ResourceAvailability.Begraenset, await AvailabilityAsync(s.Org.Id, pumps));

        var overview = await s.StaffApi.GetFromJsonAsync<JsonElement>($"/api/v1/incidents/{incident}/resource-overview");
        Assert.Equal(3, overview.GetProperty("committed")[0].GetProperty("quantity").GetInt32());
        Assert.Equal(1, overview.GetProperty("available").EnumerateArray().Single(r => r.GetProperty("id").GetGuid() == pumps).GetProperty("free").GetInt32());

        await PostOkAsync(s.StaffApi, $"/api/v1/resource-requests/{requestId}/steps", new { id = Guid.CreateVersion7(), status = "Afsluttet" });
        Assert.Equal(ResourceAvailability.Tilgaengelig, await AvailabilityAsync(s.Org.Id, pumps));
        overview = await s.StaffApi.GetFromJsonAsync<JsonElement>($"/api/v1/incidents/{incident}/resource-overview");
        Assert.Equal(0, overview.GetProperty("committed").GetArrayLength());

        var log = await LogAsync(s.StaffApi, incident);
        Assert.Equal(5, log.Count); // created + received + 3 steps (the refused step left nothing)
        Assert.Contains(log, e => e.GetProperty("kind").GetString() == "MeldingInd" && e.GetProperty("text").GetString()!.Contains("Ishøj Kommune", StringComparison.Ordinal));
        Assert.Contains(log, e => e.GetProperty("text").GetString()!.Contains("3 × Dykpumpe", StringComparison.Ordinal));
        Assert.True((await VerifyAsync(s.StaffApi, incident)).GetProperty("intact").GetBoolean());
    }

    [Fact]
    public async Task Forwarding_needs_a_recipient_refusing_needs_a_reason_and_a_skipped_step_is_409()
    {
        var s = await SetUpAsync(app);
        var incident = await CreateIncidentAsync(s.StaffApi);
        var requestId = Guid.CreateVersion7();
        await PostOkAsync(s.StaffApi, $"/api/v1/incidents/{incident}/resource-requests", new
        {
            id = requestId,
            requesterKind = "Enhed",
            requesterName = "Hjemmeplejen",
            what = "biler med firehjulstræk",
            quantity = 2,
            location = "Vallensbæk Nord",
            contact = "Leder 1234",
        }, HttpStatusCode.Created);

        using (var skipped = await s.StaffApi.PostAsync($"/api/v1/resource-requests/{requestId}/steps", Json(new { id = Guid.CreateVersion7(), status = "Videresendt", forwardedTo = "Hjemmeværnet" })))
        {
            await ProblemAsync(skipped, HttpStatusCode.Conflict);
        }

        await PostOkAsync(s.StaffApi, $"/api/v1/resource-requests/{requestId}/steps", new { id = Guid.CreateVersion7(), status = "Vurderet" });
        using (var nowhere = await s.StaffApi.PostAsync($"/api/v1/resource-requests/{requestId}/steps", Json(new { id = Guid.CreateVersion7(), status = "Videresendt" })))
        {
            Assert.True((await ProblemAsync(nowhere, HttpStatusCode.BadRequest)).GetProperty("errors").TryGetProperty("forwardedTo", out _));
        }

        using (var noReason = await s.StaffApi.PostAsync($"/api/v1/resource-requests/{requestId}/steps", Json(new { id = Guid.CreateVersion7(), status = "Afvist" })))
        {
            Assert.True((await ProblemAsync(noReason, HttpStatusCode.BadRequest)).GetProperty("errors").TryGetProperty("note", out _));
        }

        var stepId = Guid.CreateVersion7();
        var forwarded = await PostOkAsync(s.StaffApi, $"/api/v1/resource-requests/{requestId}/steps", new { id = stepId, status = "Videresendt", forwardedTo = "Hjemmeværnet" });
        Assert.Equal("Hjemmeværnet", forwarded.GetProperty("forwardedTo").GetString());
        await PostOkAsync(s.StaffApi, $"/api/v1/resource-requests/{requestId}/steps", new { id = stepId, status = "Videresendt", forwardedTo = "Hjemmeværnet" }); // retry
        Assert.Equal(3, forwarded.GetProperty("steps").GetArrayLength());
        Assert.Equal(4, (await LogAsync(s.StaffApi, incident)).Count);
    }

    public static TheoryData<string, string, string> BadRequests => new()
    {
        { "negative quantity", """{"id":"$ID","requesterKind":"Kommune","requesterName":"Brøndby","what":"pumper","quantity":-2,"location":"Havnen","contact":"Vagt"}""", "quantity" },
        { "nothing asked for", """{"id":"$ID","requesterKind":"Kommune","requesterName":"Brøndby","what":" ","quantity":2,"location":"Havnen","contact":"Vagt"}""", "what" },
        { "no contact", """{"id":"$ID","requesterKind":"Partner","requesterName":"Politiet","what":"afspærring","quantity":1,"location":"Torvet"}""", "contact" },
        { "needed before now", """{"id":"$ID","requesterKind":"Enhed","requesterName":"Skole","what":"tæpper","quantity":20,"location":"Hallen","contact":"Pedel","neededBy":"2001-01-01T00:00:00Z"}""", "neededBy" },
    };

    [Theory]
    [MemberData(nameof(BadRequests))]
    public async Task Bad_requests_are_refused_with_the_field_named_and_nothing_is_saved_or_logged(string label, string template, string field)
    {
        var s = await SetUpAsync(app);
        var incident = await CreateIncidentAsync(s.StaffApi);

        using var response = await s.StaffApi.PostAsync($"/api/v1/incidents/{incident}/resource-requests", RawJson(template.Replace("$ID", Guid.NewGuid().ToString(), StringComparison.Ordinal)));

        Assert.True((await ProblemAsync(response, HttpStatusCode.BadRequest)).GetProperty("errors").TryGetProperty(field, out _), label);
        Assert.Equal(0, await app.WithDbAsync(s.Org.Id, (db, _) => db.ResourceRequests.CountAsync()));
        Assert.Single(await LogAsync(s.StaffApi, incident));
    }

    [Fact]
    public async Task Another_organisations_resource_cannot_be_committed_and_its_requests_are_404()
    {
        var s = await SetUpAsync(app);
        var other = await SetUpAsync(app);
        var incident = await CreateIncidentAsync(s.StaffApi);
        var theirPump = await ResourceAsync(other.Org.Id, "Deres pumpe", 2);
        var requestId = Guid.CreateVersion7();
        await PostOkAsync(s.StaffApi, $"/api/v1/incidents/{incident}/resource-requests", new
        {
            id = requestId,
            requesterKind = "Enhed",
            requesterName = "Vej og Park",
            what = "pumper",
            quantity = 1,
            location = "Tunnel",
            contact = "Driftsleder",
        }, HttpStatusCode.Created);
        await PostOkAsync(s.StaffApi, $"/api/v1/resource-requests/{requestId}/steps", new { id = Guid.CreateVersion7(), status = "Vurderet" });

        using (var foreign = await s.StaffApi.PostAsync($"/api/v1/resource-requests/{requestId}/steps", Json(new { id = Guid.CreateVersion7(), status = "Imoedekommet", resources = new[] { new { resourceId = theirPump, quantity = 1 } } })))
        {
            await ProblemAsync(foreign, HttpStatusCode.BadRequest);
        }

        Assert.Equal(ResourceAvailability.Tilgaengelig, await AvailabilityAsync(other.Org.Id, theirPump));
        Assert.Equal(HttpStatusCode.NotFound, (await other.StaffApi.GetAsync($"/api/v1/resource-requests/{requestId}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await other.StaffApi.PostAsync($"/api/v1/resource-requests/{requestId}/steps", Json(new { id = Guid.CreateVersion7(), status = "Afvist", note = "Nej" }))).StatusCode);
    }

    private static async Task<JsonElement> PostOkAsync(HttpClient api, string url, object body, HttpStatusCode expected = HttpStatusCode.OK)
    {
        using var response = await api.PostAsync(url, Json(body));
        Assert.True(response.StatusCode == expected, $"{(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    private Task<Guid> ResourceAsync(Guid org, string name, int quantity) =>
        app.WithDbAsync(org, async (db, _) =>
        {
            var resource = new TacticalResource { Name = name, Category = "Pumper", Quantity = quantity };
            db.TacticalResources.Add(resource);
            await db.SaveChangesAsync();
            return resource.Id;
        });

    private Task<ResourceAvailability> AvailabilityAsync(Guid org, Guid resource) =>
        app.WithDbAsync(org, (db, _) => db.TacticalResources.AsNoTracking().Where(r => r.Id == resource).Select(r => r.Availability).SingleAsync());
}
