using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Stabsrum.Features.CaseFile;
using Stabsrum.Features.Meetings;
using Stabsrum.Infrastructure.Tenancy;
using Stabsrum.Tests.CrisisLog;
using Stabsrum.Tests.Infrastructure;
using static Stabsrum.Tests.Meetings.MeetingSteps;

namespace Stabsrum.Tests.Meetings;

/// <summary>Approved minutes of an incident's meetings are a case-file chapter; the meeting page shows the item fields in order.</summary>
public sealed class CaseFileAndPageTests(MeetingsFactory app) : IClassFixture<MeetingsFactory>
{
    private static readonly string[] Headings = ["<h4>Resumé</h4>", "<h4>Indstilling</h4>", "<h4>Beslutning</h4>", "<h4>Sagsfremstilling</h4>", "<h4>Økonomiske konsekvenser</h4>"];

    [Fact]
    public async Task Only_approved_minutes_of_the_incidents_meetings_are_in_the_case_file_chapter()
    {
        var s = await SetUpAsync(app);
        var incident = await CrisisLogSteps.CreateIncidentAsync(s.Owner, "Storm");
        var (meeting, item) = await PublishedMeetingAsync(s, incident);
        await DecideAsync(s.Owner, meeting, item);
        var section = app.Services.GetServices<ICaseFileSection>().OfType<MinutesCaseFileSection>().Single();

        async Task<List<MeetingDocumentModel>> ChapterAsync() =>
            (List<MeetingDocumentModel>)(await app.WithDbAsync(s.Org.Id, (db, _) => section.LoadAsync(db, new CaseFileRequest(incident, false), CancellationToken.None))).Data;

        await ReadAsync(await s.Owner.PostAsync($"/api/v1/meetings/{meeting}/minutes/send-for-approval", null), HttpStatusCode.OK);
        Assert.Empty(await ChapterAsync());
        await ReadAsync(await s.Owner.PostAsync($"/api/v1/meetings/{meeting}/minutes/approve", Json(new { })), HttpStatusCode.OK);
        await ReadAsync(await s.Approver.PostAsync($"/api/v1/meetings/{meeting}/minutes/approve", Json(new { })), HttpStatusCode.OK);

        var minutes = Assert.Single(await ChapterAsync());
        Assert.True(minutes.IsMinutes);
        Assert.Equal("Indstillingen godkendt.", minutes.Items.Single().Decision);
        Assert.Equal(2, minutes.Items.Single().Actions.Count);
    }

    [Fact]
    public async Task The_meeting_page_shows_the_item_fields_in_seed_004s_order_and_other_organisations_get_404()
    {
        var s = await SetUpAsync(app);
        var (meeting, item) = await PublishedMeetingAsync(s);
        await DecideAsync(s.Owner, meeting, item);
        var user = await app.CreateUserAsync(s.Org, OrganisationRole.Laeser);
        var browser = await app.LoginAsync(user, s.Org);
        var html = WebUtility.HtmlDecode(await browser.GetStringAsync($"/moeder/{meeting}"));

        var positions = Headings.Select(h => html.IndexOf(h, StringComparison.Ordinal)).ToList();
        Assert.DoesNotContain(-1, positions);
        Assert.Equal(positions.Order().ToList(), positions);
        Assert.DoesNotContain("Før beslutning", html, StringComparison.Ordinal);
        using (var docx = await browser.GetAsync($"/moeder/{meeting}/referat.docx"))
        {
            Assert.Equal(HttpStatusCode.OK, docx.StatusCode);
            Assert.Contains("Indstillingen godkendt.", DocxText.Paragraphs(await docx.Content.ReadAsByteArrayAsync()));
        }

        using (var ics = await browser.GetAsync($"/moeder/{meeting}/invitation.ics"))
        {
            Assert.StartsWith("BEGIN:VCALENDAR\r\n", await ics.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }

        var other = await SetUpAsync(app);
        var stranger = await app.LoginAsync(await app.CreateUserAsync(other.Org, OrganisationRole.Administrator), other.Org);
        using var response = await stranger.GetAsync($"/moeder/{meeting}");
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }
}
