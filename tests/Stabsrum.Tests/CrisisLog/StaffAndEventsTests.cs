using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Stabsrum.Tests.Infrastructure;
using static Stabsrum.Tests.CrisisLog.CrisisLogSteps;

namespace Stabsrum.Tests.CrisisLog;

/// <summary>The crisis staff over time, shift handovers, and the live stream with resume.</summary>
public sealed class StaffAndEventsTests(StabsrumFactory app) : IClassFixture<StabsrumFactory>
{
    [Fact]
    public async Task Roles_are_held_over_time_so_who_was_logfoerer_at_a_moment_has_an_answer()
    {
        var s = await SetUpAsync(app);
        var incident = await CreateIncidentAsync(s.StaffApi);
        var t0 = app.Clock.GetUtcNow();

        using var joined = await s.StaffApi.PostAsync($"/api/v1/incidents/{incident}/staff", Json(new { userId = s.Staff.Id, roleName = "Logfører" }));
        Assert.Equal(HttpStatusCode.OK, joined.StatusCode);
        var memberA = Guid.Parse((await joined.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("detail").GetString()!);
        using var joinedB = await s.StaffApi.PostAsync($"/api/v1/incidents/{incident}/staff", Json(new { name = "Lene Skov (ekstern)" }));
        var memberB = Guid.Parse((await joinedB.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("detail").GetString()!);

        app.Clock.Advance(TimeSpan.FromHours(2));
        var staff = await s.StaffApi.GetFromJsonAsync<List<JsonElement>>($"/api/v1/incidents/{incident}/staff");
        var assignment = staff!.Single(m => m.GetProperty("id").GetGuid() == memberA).GetProperty("roles")[0].GetProperty("id").GetGuid();
        using (var renounced = await s.StaffApi.DeleteAsync($"/api/v1/incidents/{incident}/staff/roles/{assignment}"))
        {
            Assert.Equal(HttpStatusCode.OK, renounced.StatusCode);
        }

        using (var assumed = await s.StaffApi.PostAsync($"/api/v1/incidents/{incident}/staff/{memberB}/roles", Json(new { roleName = "Logfører" })))
        {
            Assert.Equal(HttpStatusCode.OK, assumed.StatusCode);
        }

        var at1 = Uri.EscapeDataString(t0.AddHours(1).ToString("O"));
        var at3 = Uri.EscapeDataString(t0.AddHours(3).ToString("O"));
        var then = await s.StaffApi.GetFromJsonAsync<List<JsonElement>>($"/api/v1/incidents/{incident}/staff/roles?at={at1}&role=logfører");
        var later = await s.StaffApi.GetFromJsonAsync<List<JsonElement>>($"/api/v1/incidents/{incident}/staff/roles?at={at3}&role=Logfører");
        Assert.Equal("Test Stabsmedlem", Assert.Single(then!).GetProperty("name").GetString());
        Assert.Equal("Lene Skov (ekstern)", Assert.Single(later!).GetProperty("name").GetString());

        using (var left = await s.StaffApi.DeleteAsync($"/api/v1/incidents/{incident}/staff/{memberB}"))
        {
            Assert.Equal(HttpStatusCode.OK, left.StatusCode);
        }

        var staffEntries = (await LogAsync(s.StaffApi, incident)).Count(e => e.GetProperty("subject").GetString() == "Staff");
        Assert.Equal(5, staffEntries);
    }

    [Fact]
    public async Task A_shift_handover_is_acknowledged_by_the_next_person_not_by_its_author()
    {
        var s = await SetUpAsync(app);
        var incident = await CreateIncidentAsync(s.StaffApi);
        var handover = await AppendOkAsync(s.StaffApi, incident, new { id = Guid.NewGuid(), kind = "Vagtskifte", text = "Jeg overdrager", handoverOpen = "Nødovernatning klargøres", handoverWatch = "Vandstand ved søen" });
        Assert.Equal("Handover", handover.GetProperty("subject").GetString());
        var handoverId = handover.GetProperty("id").GetGuid();

        using (var self = await s.StaffApi.PostAsync($"/api/v1/incidents/{incident}/log/{handoverId}/acknowledge", Json(new { })))
        {
            await ProblemAsync(self, HttpStatusCode.BadRequest);
        }

        var ackId = Guid.NewGuid();
        using (var ack = await s.AdminApi.PostAsync($"/api/v1/incidents/{incident}/log/{handoverId}/acknowledge", Json(new { entryId = ackId })))
        {
            Assert.Equal(HttpStatusCode.Created, ack.StatusCode);
        }

        using (var again = await s.AdminApi.PostAsync($"/api/v1/incidents/{incident}/log/{handoverId}/acknowledge", Json(new { entryId = ackId })))
        {
            Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        }

        var log = await LogAsync(s.StaffApi, incident);
        var acknowledgement = log.Single(e => e.GetProperty("id").GetGuid() == ackId);
        Assert.Equal(handoverId, acknowledgement.GetProperty("acknowledgesEntryId").GetGuid());
        Assert.Equal("Vandstand ved søen", log.Single(e => e.GetProperty("id").GetGuid() == handoverId).GetProperty("handoverWatch").GetString());
    }

    [Fact]
    public async Task The_event_stream_delivers_new_entries_live_and_resumes_from_Last_Event_ID()
    {
        var s = await SetUpAsync(app);
        var incident = await CreateIncidentAsync(s.StaffApi);
        var listener = await app.CreateApiClientAsync(s.Staff, s.Org);

        using (var stream = await SseReader.OpenAsync(listener, $"/api/v1/incidents/{incident}/events"))
        {
            await AppendOkAsync(s.AdminApi, incident, new { id = Guid.NewGuid(), kind = "MeldingInd", text = "Live: vand ved skolen" });
            var received = await stream.NextAsync(TimeSpan.FromSeconds(5));
            Assert.Equal("2", received.Id);
            Assert.Contains("Live: vand ved skolen", received.Data, StringComparison.Ordinal);
        }

        // Missed while disconnected: entries 3 and 4; resuming after 2 replays them in order.
        await AppendOkAsync(s.AdminApi, incident, new { id = Guid.NewGuid(), kind = "Information", text = "Mens du var væk 1" });
        await AppendOkAsync(s.AdminApi, incident, new { id = Guid.NewGuid(), kind = "Information", text = "Mens du var væk 2" });
        using (var resumed = await SseReader.OpenAsync(listener, $"/api/v1/incidents/{incident}/events", lastEventId: "2"))
        {
            var first = await resumed.NextAsync(TimeSpan.FromSeconds(5));
            var second = await resumed.NextAsync(TimeSpan.FromSeconds(5));
            Assert.Equal(("3", "4"), (first.Id, second.Id));
            Assert.Contains("Mens du var væk 1", first.Data, StringComparison.Ordinal);
            await AppendOkAsync(s.AdminApi, incident, new { id = Guid.NewGuid(), kind = "Information", text = "Og nu live igen" });
            var third = await resumed.NextAsync(TimeSpan.FromSeconds(5));
            Assert.Equal("5", third.Id);
        }
    }

    [Theory]
    [InlineData("abc")]
    [InlineData("-1")]
    [InlineData("999999")]
    public async Task A_bogus_Last_Event_ID_is_a_400_problem(string lastEventId)
    {
        var s = await SetUpAsync(app);
        var incident = await CreateIncidentAsync(s.StaffApi);
        using var request = new HttpRequestMessage(HttpMethod.Get, $"/api/v1/incidents/{incident}/events");
        request.Headers.Add("Last-Event-ID", lastEventId);
        using var response = await s.StaffApi.SendAsync(request, HttpCompletionOption.ResponseHeadersRead);
        var problem = await ProblemAsync(response, HttpStatusCode.BadRequest);
        Assert.Contains("Last-Event-ID", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }
}

/// <summary>A minimal Server-Sent Events reader for tests.</summary>
public sealed class SseReader : IDisposable
{
    private readonly HttpResponseMessage _response;
    private readonly StreamReader _reader;

    private SseReader(HttpResponseMessage response, StreamReader reader)
    {
        _response = response;
        _reader = reader;
    }

    public sealed record Event(string? Id, string? Name, string Data);

    public static async Task<SseReader> OpenAsync(HttpClient client, string url, string? lastEventId = null)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, url);
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("text/event-stream"));
        if (lastEventId is not null)
        {
            request.Headers.Add("Last-Event-ID", lastEventId);
        }

        var response = await client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/event-stream", response.Content.Headers.ContentType?.MediaType);
        return new SseReader(response, new StreamReader(await response.Content.ReadAsStreamAsync()));
    }

    public async Task<Event> NextAsync(TimeSpan timeout)
    {
        using var cts = new CancellationTokenSource(timeout);
        string? id = null, name = null, data = null;
        while (true)
        {
            var line = await _reader.ReadLineAsync(cts.Token) ?? throw new InvalidOperationException("The stream ended.");
            if (line.Length == 0)
            {
                if (data is not null)
                {
                    return new Event(id, name, data);
                }

                continue;
            }

            if (line.StartsWith("id: ", StringComparison.Ordinal))
            {
                id = line[4..];
            }
            else if (line.StartsWith("event: ", StringComparison.Ordinal))
            {
                name = line[7..];
            }
            else if (line.StartsWith("data: ", StringComparison.Ordinal))
            {
                data = line[6..];
            }
        }
    }

    public void Dispose()
    {
        _reader.Dispose();
        _response.Dispose();
    }
}
