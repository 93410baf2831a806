using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using Stabsrum.Features.AnnualWheel;
using Stabsrum.Features.Plans;
using Stabsrum.Infrastructure.Tenancy;
using Stabsrum.Tests.Infrastructure;

namespace Stabsrum.Tests.AnnualWheel;

public sealed partial class CalendarFeedTests(StabsrumFactory app) : IClassFixture<StabsrumFactory>
{
    private static string Iso(DateOnly d) => d.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);

    [Fact]
    public void Text_values_are_escaped()
    {
        Assert.Equal(@"Møde\, dagsorden\; pkt. 1\\2\nnæste linje", ICalendar.Escape("Møde, dagsorden; pkt. 1\\2\r\nnæste linje"));
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)] // æøå: two octets each
    [InlineData(3)]
    [InlineData(4)] // an emoji: four octets, a surrogate pair in .NET
    public void Long_lines_fold_at_75_octets_without_splitting_a_character(int octetsPerChar)
    {
        var unit = octetsPerChar switch { 1 => "a", 2 => "æ", 3 => "€", _ => "🚒" };
        var value = "SUMMARY:" + string.Concat(Enumerable.Repeat(unit, 120)) + "ø";

        var folded = ICalendar.Fold(value);

        Assert.EndsWith("\r\n", folded, StringComparison.Ordinal);
        var lines = folded[..^2].Split("\r\n");
        Assert.True(lines.Length > 1);
        foreach (var (line, index) in lines.Select((l, i) => (l, i)))
        {
            Assert.True(Encoding.UTF8.GetByteCount(line) <= 75, $"line {index} is {Encoding.UTF8.GetByteCount(line)} octets");
            Assert.False(char.IsHighSurrogate(line[^1]), "a surrogate pair was split");
            Assert.DoesNotContain('\n', line);
            if (index > 0)
            {
                Assert.StartsWith(" ", line, StringComparison.Ordinal);
                Assert.False(char.IsLowSurrogate(line[1]));
            }
        }

        // Unfolding (RFC 5545 §3.1: remove CRLF followed by one space) gives the original line back.
        Assert.Equal(value, folded[..^2].Replace("\r\n ", "", StringComparison.Ordinal));
    }

    [Fact]
    public async Task The_feed_is_valid_RFC_5545_line_by_line_and_revocable()
    {
        var org = await app.CreateOrganisationAsync();
        var api = await app.CreateApiClientAsync(await app.CreateUserAsync(org, OrganisationRole.Planlaegger), org);
        var today = app.Clock.Today();
        var longTitle = "Halvårlig status, beredskab; risiko\\sårbarhed – en meget lang titel der skal foldes over flere linjer i kalenderen";
        await PostAsync(api, "/api/v1/annual-wheel/obligations", new { title = longTitle, kind = "HalfYearlyStatus", owner = "Direktionen", dueOn = Iso(today.AddDays(30)), recurrence = "HalfYearly", notes = "Første linje\nAnden linje" });
        await PostAsync(api, "/api/v1/plans", new { title = "Hovedberedskabsplan", type = "Hovedberedskabsplan", approvedBy = "KB", approvedOn = Iso(today.AddDays(-10)) });
        var feed = await PostAsync(api, "/api/v1/annual-wheel/calendar-feed", new { regenerate = true });
        var url = new Uri(feed.GetProperty("url").GetString()!);
        var anonymous = app.CreateClient();

        using var response = await anonymous.GetAsync(url.PathAndQuery);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/calendar", response.Content.Headers.ContentType?.MediaType);
        var body = await response.Content.ReadAsStringAsync();
        Assert.EndsWith("\r\n", body, StringComparison.Ordinal);
        Assert.DoesNotMatch("(?<!\r)\n", body); // every line ends in CRLF
        var physical = body[..^2].Split("\r\n");
        Assert.All(physical, line => Assert.True(Encoding.UTF8.GetByteCount(line) <= 75, $"'{line}' is longer than 75 octets"));
        var lines = body[..^2].Replace("\r\n ", "", StringComparison.Ordinal).Split("\r\n"); // unfolded content lines
        Assert.Equal("BEGIN:VCALENDAR", lines[0]);
        Assert.Equal("END:VCALENDAR", lines[^1]);
        Assert.Contains("VERSION:2.0", lines);
        Assert.Contains(lines, l => l.StartsWith("PRODID:", StringComparison.Ordinal));

        var events = Events(lines);
        // Half-yearly status: the dates within the window; the plan: a revision and an exercise.
        Assert.True(events.Count >= 5, $"{events.Count} events");
        foreach (var e in events)
        {
            Assert.Single(e, l => l.StartsWith("UID:", StringComparison.Ordinal));
            Assert.Matches(DtStamp(), Assert.Single(e, l => l.StartsWith("DTSTAMP:", StringComparison.Ordinal)));
            Assert.Matches(DtStart(), Assert.Single(e, l => l.StartsWith("DTSTART", StringComparison.Ordinal)));
            Assert.Single(e, l => l.StartsWith("SUMMARY:", StringComparison.Ordinal));
        }

        Assert.Equal(events.Count, events.Select(e => e.Single(l => l.StartsWith("UID:", StringComparison.Ordinal))).Distinct().Count());
        var status = events.First(e => e.Any(l => l.StartsWith("SUMMARY:Halvårlig", StringComparison.Ordinal)));
        Assert.Contains(@"SUMMARY:Halvårlig status\, beredskab\; risiko\\sårbarhed – en meget lang titel der skal foldes over flere linjer i kalenderen", status);
        Assert.True(status.Any(l => l.StartsWith("DESCRIPTION:", StringComparison.Ordinal) && l.Contains(@"Første linje\nAnden linje", StringComparison.Ordinal)), string.Join("\n", status));
        Assert.Contains($"DTSTART;VALUE=DATE:{today.AddDays(30):yyyyMMdd}", status);
        Assert.Contains(events, e => e.Contains("SUMMARY:Øvelse: Hovedberedskabsplan")); // the revision (2033) lies beyond the two-year window

        // Regenerating revokes the old address; revoking leaves none.
        var second = await PostAsync(api, "/api/v1/annual-wheel/calendar-feed", new { regenerate = true });
        Assert.Equal(HttpStatusCode.NotFound, (await anonymous.GetAsync(url.PathAndQuery)).StatusCode);
        var secondUrl = new Uri(second.GetProperty("url").GetString()!).PathAndQuery;
        Assert.Equal(HttpStatusCode.OK, (await anonymous.GetAsync(secondUrl)).StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, (await api.DeleteAsync("/api/v1/annual-wheel/calendar-feed")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await anonymous.GetAsync(secondUrl)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await anonymous.GetAsync("/kalender/" + new string('A', 43) + ".ics")).StatusCode);
    }

    [Fact]
    public async Task A_feed_shows_only_its_own_organisation_and_the_page_shows_the_address_once()
    {
        var ours = await app.CreateOrganisationAsync();
        var planner = await app.CreateUserAsync(ours, OrganisationRole.Planlaegger);
        var api = await app.CreateApiClientAsync(planner, ours);
        await PostAsync(api, "/api/v1/annual-wheel/obligations", new { title = "Vores hemmelige frist", kind = "Other", dueOn = Iso(app.Clock.Today().AddDays(3)) });
        var theirs = await app.CreateOrganisationAsync();
        var theirApi = await app.CreateApiClientAsync(await app.CreateUserAsync(theirs, OrganisationRole.Planlaegger), theirs);
        await PostAsync(theirApi, "/api/v1/annual-wheel/obligations", new { title = "Deres frist", kind = "Other", dueOn = Iso(app.Clock.Today().AddDays(3)) });

        var browser = await app.LoginAsync(planner, ours);
        using var page = await StabsrumFactory.PostFormAsync(browser, "/beredskab/aarshjul/kalender?handler=Regenerate", new Dictionary<string, string>(), formPage: "/beredskab/aarshjul/kalender");
        var html = await page.Content.ReadAsStringAsync();
        var url = FeedUrl().Match(html);
        Assert.True(url.Success, "The new address is shown.");
        Assert.DoesNotMatch(FeedUrl(), await browser.GetStringAsync("/beredskab/aarshjul/kalender"));

        var calendar = await app.CreateClient().GetStringAsync(new Uri(url.Value).PathAndQuery);
        Assert.Contains("Vores hemmelige frist", calendar, StringComparison.Ordinal);
        Assert.DoesNotContain("Deres frist", calendar, StringComparison.Ordinal);

        // Their planner cannot revoke or see our feed.
        var status = JsonDocument.Parse(await theirApi.GetStringAsync("/api/v1/annual-wheel/calendar-feed")).RootElement;
        Assert.False(status.GetProperty("active").GetBoolean());
        Assert.Equal(HttpStatusCode.NotFound, (await theirApi.DeleteAsync("/api/v1/annual-wheel/calendar-feed")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await app.CreateClient().GetAsync(new Uri(url.Value).PathAndQuery)).StatusCode);
    }

    private static List<List<string>> Events(string[] lines)
    {
        var events = new List<List<string>>();
        List<string>? current = null;
        foreach (var line in lines)
        {
            if (line == "BEGIN:VEVENT")
            {
                Assert.Null(current);
                current = [];
            }
            else if (line == "END:VEVENT")
            {
                events.Add(current!);
                current = null;
            }
            else
            {
                current?.Add(line);
            }
        }

        Assert.Null(current);
        return events;
    }

    private static async Task<JsonElement> PostAsync(HttpClient api, string path, object body)
    {
        using var response = await api.PostAsJsonAsync(path, body);
        Assert.True(response.IsSuccessStatusCode, $"{path}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        return JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.Clone();
    }

    [GeneratedRegex(@"^DTSTAMP:\d{8}T\d{6}Z$")]
    private static partial Regex DtStamp();

    [GeneratedRegex(@"^DTSTART;VALUE=DATE:\d{8}$")]
    private static partial Regex DtStart();

    [GeneratedRegex(@"http://[^""<\s]+/kalender/[A-Za-z0-9_-]{43}\.ics")]
    private static partial Regex FeedUrl();
}
