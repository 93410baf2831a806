using System.Net;
using Microsoft.EntityFrameworkCore;
using Stabsrum.Features.Meetings;
using static Stabsrum.Tests.Meetings.MeetingSteps;

namespace Stabsrum.Tests.Meetings;

/// <summary>The minutes' approval path: every named approver, nobody else; approved minutes are immutable; corrections are versions.</summary>
public sealed class MinutesTests(MeetingsFactory app) : IClassFixture<MeetingsFactory>
{
    [Fact]
    public async Task Minutes_are_approved_only_when_every_named_approver_has_approved_and_then_distributed_and_filed()
    {
        var s = await SetUpAsync(app);
        var (meeting, item) = await PublishedMeetingAsync(s);
        await DecideAsync(s.Owner, meeting, item);
        var sent = await ReadAsync(await s.Owner.PostAsync($"/api/v1/meetings/{meeting}/minutes/send-for-approval", null), HttpStatusCode.OK);
        Assert.Equal("TilGodkendelse", sent.GetProperty("status").GetString());
        Assert.Equal(2, sent.GetProperty("approvals").GetArrayLength());

        var refused = await ReadAsync(await s.Member.PostAsync($"/api/v1/meetings/{meeting}/minutes/approve", Json(new { })), HttpStatusCode.Forbidden);
        Assert.Equal("Du er ikke godkender af dette referat.", refused.GetProperty("detail").GetString());

        var one = await ReadAsync(await s.Owner.PostAsync($"/api/v1/meetings/{meeting}/minutes/approve", Json(new { })), HttpStatusCode.OK);
        Assert.Equal("TilGodkendelse", one.GetProperty("status").GetString());
        await ReadAsync(await s.Owner.PostAsync($"/api/v1/meetings/{meeting}/minutes/distribute", null), HttpStatusCode.Conflict);

        var both = await ReadAsync(await s.Approver.PostAsync($"/api/v1/meetings/{meeting}/minutes/approve", Json(new { comment = "Fint." })), HttpStatusCode.OK);
        Assert.Equal("Godkendt", both.GetProperty("status").GetString());
        Assert.All(both.GetProperty("approvals").EnumerateArray(), a =>
        {
            Assert.Equal("Godkendt", a.GetProperty("status").GetString());
            Assert.NotEqual(System.Text.Json.JsonValueKind.Null, a.GetProperty("respondedAt").ValueKind);
        });

        var before = app.Smtp.Messages.Count;
        var distributed = await ReadAsync(await s.Owner.PostAsync($"/api/v1/meetings/{meeting}/minutes/distribute", null), HttpStatusCode.OK);
        Assert.Equal("Udsendt", distributed.GetProperty("minutes").GetProperty("status").GetString());
        Assert.True(distributed.GetProperty("circulation").GetProperty("sent").GetBoolean());
        await app.Smtp.WaitForMessageAsync(before + 1);
        var mail = app.Smtp.Messages.Last(m => m.Data.Contains("referat-2026-12-10.docx", StringComparison.Ordinal));
        Assert.Contains(mail.To, t => t.StartsWith("kb-", StringComparison.Ordinal));

        await ReadAsync(await s.Owner.PostAsync($"/api/v1/meetings/{meeting}/minutes/file", Json(new { reference = "" })), HttpStatusCode.BadRequest);
        var filed = await ReadAsync(await s.Owner.PostAsync($"/api/v1/meetings/{meeting}/minutes/file", Json(new { reference = "14.00.08P15-1-24" })), HttpStatusCode.OK);
        Assert.Equal("Journaliseret", filed.GetProperty("status").GetString());
    }

    [Fact]
    public async Task Approved_minutes_cannot_be_edited_and_a_correction_is_a_new_version_with_a_reason()
    {
        var s = await SetUpAsync(app);
        var (meeting, item) = await PublishedMeetingAsync(s);
        await DecideAsync(s.Owner, meeting, item);
        await ReadAsync(await s.Owner.PostAsync($"/api/v1/meetings/{meeting}/minutes/send-for-approval", null), HttpStatusCode.OK);
        await ReadAsync(await s.Owner.PostAsync($"/api/v1/meetings/{meeting}/minutes/approve", Json(new { })), HttpStatusCode.OK);
        await ReadAsync(await s.Approver.PostAsync($"/api/v1/meetings/{meeting}/minutes/approve", Json(new { })), HttpStatusCode.OK);

        var locked = await ReadAsync(await s.Owner.PutAsync($"/api/v1/meetings/{meeting}/items/{item}/notes", Json(new { notes = "Eftertanke" })), HttpStatusCode.Conflict);
        Assert.Equal(MeetingModeChanges.LockedMessage, locked.GetProperty("detail").GetString());
        await ReadAsync(await s.Owner.PutAsync($"/api/v1/meetings/{meeting}/attendance", Json(new { people = Array.Empty<object>() })), HttpStatusCode.Conflict);
        Assert.Equal("Drøftet kort.", await app.WithDbAsync(s.Org.Id, (db, _) => db.AgendaItems.Where(i => i.Id == item).Select(i => i.Notes).SingleAsync()));
        await ReadAsync(await s.Approver.PostAsync($"/api/v1/meetings/{meeting}/minutes/approve", Json(new { })), HttpStatusCode.Conflict);

        await ReadAsync(await s.Owner.PostAsync($"/api/v1/meetings/{meeting}/minutes/corrections", Json(new { reason = "" })), HttpStatusCode.BadRequest);
        var correction = await ReadAsync(await s.Owner.PostAsync($"/api/v1/meetings/{meeting}/minutes/corrections", Json(new { reason = "Tovholder var til stede." })), HttpStatusCode.OK);
        Assert.Equal(2, correction.GetProperty("version").GetInt32());
        Assert.Equal("Kladde", correction.GetProperty("status").GetString());
        await ReadAsync(await s.Owner.PutAsync($"/api/v1/meetings/{meeting}/items/{item}/notes", Json(new { notes = "Rettet note" })), HttpStatusCode.NoContent);

        var v1 = DocxText.Paragraphs(await (await s.Owner.GetAsync($"/api/v1/meetings/{meeting}/minutes.docx?version=1")).Content.ReadAsByteArrayAsync());
        Assert.Contains("Drøftet kort.", v1);
        Assert.DoesNotContain("Rettet note", v1);
    }

    [Fact]
    public async Task A_comment_sends_the_minutes_back_to_draft_and_a_comment_needs_text()
    {
        var s = await SetUpAsync(app);
        var (meeting, item) = await PublishedMeetingAsync(s);
        await DecideAsync(s.Owner, meeting, item);
        await ReadAsync(await s.Owner.PostAsync($"/api/v1/meetings/{meeting}/minutes/send-for-approval", null), HttpStatusCode.OK);
        await ReadAsync(await s.Approver.PostAsync($"/api/v1/meetings/{meeting}/minutes/comment", Json(new { comment = "" })), HttpStatusCode.BadRequest);
        var commented = await ReadAsync(await s.Approver.PostAsync($"/api/v1/meetings/{meeting}/minutes/comment", Json(new { comment = "Tilføj fristen." })), HttpStatusCode.OK);

        Assert.Equal("Kladde", commented.GetProperty("status").GetString());
        Assert.Contains(commented.GetProperty("approvals").EnumerateArray(), a => a.GetProperty("comment").GetString() == "Tilføj fristen.");
        Assert.Equal(MinutesStatus.Kladde, await app.WithDbAsync(s.Org.Id, (db, _) => db.Minutes.Where(m => m.MeetingId == meeting).Select(m => m.Status).SingleAsync()));
    }
}
