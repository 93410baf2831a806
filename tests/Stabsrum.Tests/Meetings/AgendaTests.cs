using System.Net;
using System.Net.Http.Headers;
using Microsoft.EntityFrameworkCore;
using Stabsrum.Features.Meetings;
using Stabsrum.Infrastructure.Tenancy;
using static Stabsrum.Tests.Meetings.MeetingSteps;

namespace Stabsrum.Tests.Meetings;

/// <summary>Proposals, acceptance, publishing (version 1 and tillæg), cancelling, and bad input that saves nothing.</summary>
public sealed class AgendaTests(MeetingsFactory app) : IClassFixture<MeetingsFactory>
{
    [Fact]
    public async Task A_member_proposes_the_owner_accepts_and_publishes_and_a_later_item_goes_out_as_a_tillaeg_with_its_changes()
    {
        var s = await SetUpAsync(app);
        var meeting = await CreateMeetingAsync(s.Owner, s.BodyId);
        var first = await ProposeAsync(s.Member, meeting, DecisionItem("Evakuering"));
        var second = await ProposeAsync(s.Member, meeting, new { title = "Status på pumper", type = "Orientering", kind = "Administrativt" });

        var proposed = await GetMeetingAsync(s.Owner, meeting);
        Assert.All(proposed.GetProperty("items").EnumerateArray(), i => Assert.Equal("Foreslaaet", i.GetProperty("status").GetString()));

        await ReadAsync(await s.Member.PostAsync($"/api/v1/meetings/{meeting}/items/{first}/accept", null), HttpStatusCode.Forbidden);
        await AcceptAsync(s.Owner, meeting, first);
        await AcceptAsync(s.Owner, meeting, second);
        await ReadAsync(await s.Owner.PostAsync($"/api/v1/meetings/{meeting}/items/order", Json(new { itemIds = new[] { second, first } })), HttpStatusCode.OK);

        var v1 = await PublishAsync(s.Owner, meeting);
        Assert.Equal(1, v1.GetProperty("version").GetInt32());
        Assert.False(v1.GetProperty("isSupplement").GetBoolean());

        var late = await ProposeAsync(s.Member, meeting, new { title = "Presseberedskab", type = "Droeftelse", kind = "Politisk", resume = "Pressen ringer." });
        await AcceptAsync(s.Owner, meeting, late);
        await ReadAsync(await s.Owner.PutAsync($"/api/v1/meetings/{meeting}/items/{first}", Json(new
        {
            title = "Evakuering",
            type = "Beslutning",
            kind = "Administrativt",
            indstilling = "Tovholderen indstiller nu evakuering af to plejecentre.",
        })), HttpStatusCode.OK);
        var v2 = await PublishAsync(s.Owner, meeting);

        Assert.Equal(2, v2.GetProperty("version").GetInt32());
        Assert.True(v2.GetProperty("isSupplement").GetBoolean());
        var changes = v2.GetProperty("changes").GetString()!;
        Assert.Contains("Nyt punkt 3: Presseberedskab", changes, StringComparison.Ordinal);
        Assert.Contains("Ændret punkt 2: Evakuering (indstilling)", changes, StringComparison.Ordinal);
        Assert.DoesNotContain("Status på pumper", changes, StringComparison.Ordinal);

        var view = await GetMeetingAsync(s.Owner, meeting);
        Assert.Equal(2, view.GetProperty("versions").GetArrayLength());
        Assert.Equal(1, view.GetProperty("invitationSequence").GetInt32());
        var items = view.GetProperty("items").EnumerateArray().ToList();
        Assert.Equal(["Status på pumper", "Evakuering", "Presseberedskab"], items.Select(i => i.GetProperty("title").GetString()));
        Assert.Equal([1, 1, 2], items.Select(i => i.GetProperty("publishedInVersion").GetInt32()));

        // Version 1 as it went out is kept: its DOCX still carries the old indstilling.
        using var docx = await s.Owner.GetAsync($"/api/v1/meetings/{meeting}/agenda.docx?version=1");
        var text = DocxText.Paragraphs(await docx.Content.ReadAsByteArrayAsync());
        Assert.Contains("Tovholderen indstiller, at plejecentret evakueres.", text);
        Assert.DoesNotContain(text, t => t.Contains("Presseberedskab", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Cancelling_notifies_the_members_with_a_cancel_invitation_and_closes_the_agenda()
    {
        var s = await SetUpAsync(app);
        var meeting = await CreateMeetingAsync(s.Owner, s.BodyId, title: "Aflyses");
        var before = app.Smtp.Messages.Count;
        await ReadAsync(await s.Owner.PostAsync($"/api/v1/meetings/{meeting}/cancel", Json(new { reason = "For få punkter til dagsordenen." })), HttpStatusCode.OK);

        await app.Smtp.WaitForMessageAsync(before + 1);
        var cancel = app.Smtp.Messages.Single(m => m.Data.Contains("aflysning.ics", StringComparison.Ordinal) && m.To.Contains(s.MemberEmail));
        Assert.Contains(s.OwnerEmail, cancel.To);
        Assert.Contains("method=CANCEL", cancel.Data, StringComparison.OrdinalIgnoreCase);
        var problem = await ReadAsync(await s.Member.PostAsync($"/api/v1/meetings/{meeting}/items", Json(DecisionItem())), HttpStatusCode.Conflict);
        Assert.Contains("aflyst", problem.GetProperty("detail").GetString()!, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_decision_item_without_indstilling_is_refused_with_a_field_message_and_nothing_is_saved()
    {
        var s = await SetUpAsync(app);
        var meeting = await CreateMeetingAsync(s.Owner, s.BodyId);
        var problem = await ReadAsync(await s.Member.PostAsync($"/api/v1/meetings/{meeting}/items", Json(new { title = "Beslut noget", type = "Beslutning", kind = "Administrativt" })), HttpStatusCode.BadRequest);

        Assert.Equal("Et beslutningspunkt skal have en indstilling.", problem.GetProperty("errors").GetProperty("indstilling")[0].GetString());
        Assert.Equal(0, await app.WithDbAsync(s.Org.Id, (db, _) => db.AgendaItems.CountAsync(i => i.MeetingId == meeting)));
    }

    [Fact]
    public async Task A_meeting_for_another_organisations_body_is_refused_and_nothing_is_saved()
    {
        var mine = await SetUpAsync(app);
        var other = await SetUpAsync(app);
        var starts = new DateTimeOffset(2026, 12, 10, 8, 0, 0, TimeSpan.Zero);
        var problem = await ReadAsync(await mine.Owner.PostAsync("/api/v1/meetings", Json(new { bodyId = other.BodyId, title = "Snyd", startsAt = starts, endsAt = starts.AddHours(1), mode = "Fysisk", place = "X" })), HttpStatusCode.BadRequest);

        Assert.Equal("Organet findes ikke i din organisation.", problem.GetProperty("errors").GetProperty("bodyId")[0].GetString());
        Assert.Equal(0, await app.WithDbAsync(null, (db, _) => db.Meetings.IgnoreQueryFilters().CountAsync(m => m.Title == "Snyd")));
        await ReadAsync(await mine.Owner.GetAsync($"/api/v1/meeting-bodies/{other.BodyId}"), HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task An_oversized_attachment_is_refused_with_a_clear_message_and_a_normal_one_is_kept_with_its_hash()
    {
        var s = await SetUpAsync(app);
        var meeting = await CreateMeetingAsync(s.Owner, s.BodyId);
        var item = await ProposeAsync(s.Member, meeting, DecisionItem());

        using var big = new MultipartFormDataContent { { new ByteArrayContent(new byte[AgendaAttachment.MaxBytes + 1]) { Headers = { ContentType = new MediaTypeHeaderValue("application/pdf") } }, "file", "stor.pdf" } };
        var problem = await ReadAsync(await s.Member.PostAsync($"/api/v1/meetings/{meeting}/items/{item}/attachments", big), HttpStatusCode.BadRequest);
        Assert.Equal("Bilaget er for stort; højst 10 MB.", problem.GetProperty("errors").GetProperty("file")[0].GetString());

        using var huge = new ByteArrayContent([]);
        huge.Headers.ContentType = new MediaTypeHeaderValue("multipart/form-data");
        huge.Headers.ContentLength = 200L * 1024 * 1024;
        using var request = new HttpRequestMessage(HttpMethod.Post, $"/api/v1/meetings/{meeting}/items/{item}/attachments") { Content = huge };
        using var refused = await s.Member.SendAsync(request);
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, refused.StatusCode);
        Assert.Equal(0, await app.WithDbAsync(s.Org.Id, (db, _) => db.AgendaAttachments.CountAsync(a => a.ItemId == item)));

        using var small = new MultipartFormDataContent { { new ByteArrayContent("%PDF-1.4 bilag"u8.ToArray()) { Headers = { ContentType = new MediaTypeHeaderValue("application/pdf") } }, "file", "Plan for fortsat drift.pdf" } };
        var saved = await ReadAsync(await s.Member.PostAsync($"/api/v1/meetings/{meeting}/items/{item}/attachments", small), HttpStatusCode.Created);
        Assert.Equal(64, saved.GetProperty("sha256").GetString()!.Length);
        using var download = await s.Owner.GetAsync($"/api/v1/meetings/{meeting}/items/{item}/attachments/{saved.GetProperty("id").GetGuid()}");
        Assert.Equal("%PDF-1.4 bilag", await download.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task A_reader_may_see_but_not_propose()
    {
        var s = await SetUpAsync(app);
        var meeting = await CreateMeetingAsync(s.Owner, s.BodyId);
        var reader = await app.CreateApiClientAsync(await app.CreateUserAsync(s.Org, OrganisationRole.Laeser), s.Org);
        await ReadAsync(await reader.GetAsync($"/api/v1/meetings/{meeting}"), HttpStatusCode.OK);
        await ReadAsync(await reader.PostAsync($"/api/v1/meetings/{meeting}/items", Json(DecisionItem())), HttpStatusCode.Forbidden);
    }
}
