using System.Net;
using System.Text;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Validation;
using DocumentFormat.OpenXml.Wordprocessing;
using Stabsrum.Tests.Pdf;
using static Stabsrum.Tests.Meetings.MeetingSteps;

namespace Stabsrum.Tests.Meetings;

internal static class DocxText
{
    public static List<string> Paragraphs(byte[] docx)
    {
        using var stream = new MemoryStream(docx);
        using var doc = WordprocessingDocument.Open(stream, false);
        return doc.MainDocumentPart!.Document.Body!.Descendants<Paragraph>().Select(p => p.InnerText).ToList();
    }
}

/// <summary>The agenda and minutes as DOCX (valid Open XML, real headings, fields in seed 004's order), PDF and iCalendar.</summary>
public sealed class DocumentTests(MeetingsFactory app) : IClassFixture<MeetingsFactory>
{
    private static readonly string[] FieldOrder = ["Resumé", "Indstilling", "Beslutning", "Sagsfremstilling", "Økonomiske konsekvenser", "Bilag"];

    private async Task<(MeetingSetup Setup, Guid Meeting)> DecidedMeetingWithAttachmentAsync()
    {
        var s = await SetUpAsync(app);
        var meeting = await CreateMeetingAsync(s.Owner, s.BodyId);
        var item = await ProposeAsync(s.Member, meeting, DecisionItem());
        using var file = new MultipartFormDataContent { { new ByteArrayContent("%PDF-1.4"u8.ToArray()), "file", "Plan for fortsat drift.pdf" } };
        await ReadAsync(await s.Member.PostAsync($"/api/v1/meetings/{meeting}/items/{item}/attachments", file), HttpStatusCode.Created);
        await AcceptAsync(s.Owner, meeting, item);
        await PublishAsync(s.Owner, meeting);
        await DecideAsync(s.Owner, meeting, item);
        return (s, meeting);
    }

    [Fact]
    public async Task The_minutes_DOCX_validates_without_errors_has_heading_styles_page_numbers_a_table_and_the_fields_in_order()
    {
        var (s, meeting) = await DecidedMeetingWithAttachmentAsync();
        using var response = await s.Owner.GetAsync($"/api/v1/meetings/{meeting}/minutes.docx");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var bytes = await response.Content.ReadAsByteArrayAsync();

        using (var doc = WordprocessingDocument.Open(new MemoryStream(bytes), false))
        {
            var errors = new OpenXmlValidator().Validate(doc).Select(e => $"{e.Path?.XPath}: {e.Description}").ToList();
            Assert.True(errors.Count == 0, string.Join("\n", errors));
            var body = doc.MainDocumentPart!.Document.Body!;
            Assert.Contains(body.Descendants<ParagraphStyleId>(), st => st.Val == "Heading2");
            Assert.NotEmpty(body.Descendants<Table>());
            var footer = doc.MainDocumentPart.FooterParts.Single().Footer!;
            Assert.Contains(footer.Descendants<FieldCode>(), f => f.Text.Contains("PAGE", StringComparison.Ordinal));
        }

        var text = DocxText.Paragraphs(bytes);
        var positions = FieldOrder.Select(f => text.IndexOf(f)).ToList();
        Assert.DoesNotContain(-1, positions);
        Assert.Equal(positions.Order().ToList(), positions);
        Assert.Contains("Indstillingen godkendt.", text);
        Assert.Contains("Bestil busser", text);
    }

    [Fact]
    public async Task The_agenda_DOCX_has_no_decision_section_and_keeps_the_order_of_the_rest()
    {
        var (s, meeting) = await DecidedMeetingWithAttachmentAsync();
        var text = DocxText.Paragraphs(await (await s.Owner.GetAsync($"/api/v1/meetings/{meeting}/agenda.docx")).Content.ReadAsByteArrayAsync());
        Assert.DoesNotContain("Beslutning", text);
        var positions = FieldOrder.Where(f => f != "Beslutning").Select(f => text.IndexOf(f)).ToList();
        Assert.DoesNotContain(-1, positions);
        Assert.Equal(positions.Order().ToList(), positions);
        Assert.Contains("14.00.08P15-1-24 · Beslutning · Administrativt dagsordenspunkt · Stillet af Tovholder", text);
    }

    [Fact]
    public async Task The_minutes_PDF_carries_the_fields_in_order()
    {
        var (s, meeting) = await DecidedMeetingWithAttachmentAsync();
        using var response = await s.Owner.GetAsync($"/api/v1/meetings/{meeting}/minutes.pdf");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var text = await PdfText.ExtractAsync(await response.Content.ReadAsByteArrayAsync());
        var item = text.IndexOf("Punkt 1: Evakuering af plejecenter", StringComparison.Ordinal);
        Assert.True(item >= 0, text);
        var positions = FieldOrder.Select(f => text.IndexOf("\n" + f + "\n", item, StringComparison.Ordinal)).ToList();
        Assert.DoesNotContain(-1, positions);
        Assert.Equal(positions.Order().ToList(), positions);
        Assert.Contains("REFERAT Krisestyringsstab", text, StringComparison.Ordinal);
        Assert.Contains("Indstillingen godkendt.", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_invitation_is_RFC_5545_with_CRLF_folding_escaping_a_stable_UID_and_a_rising_SEQUENCE()
    {
        var s = await SetUpAsync(app);
        var meeting = await CreateMeetingAsync(s.Owner, s.BodyId, title: "Stabsmøde, skybrud; runde 1 – status på pumper, evakuering og kommunikation til borgerne");
        var item = await ProposeAsync(s.Member, meeting, DecisionItem());
        await AcceptAsync(s.Owner, meeting, item);
        await PublishAsync(s.Owner, meeting);
        var first = await (await s.Owner.GetAsync($"/api/v1/meetings/{meeting}/invitation.ics")).Content.ReadAsStringAsync();
        var extra = await ProposeAsync(s.Member, meeting, new { title = "Tillægspunkt", type = "Orientering", kind = "Administrativt" });
        await AcceptAsync(s.Owner, meeting, extra);
        await PublishAsync(s.Owner, meeting);
        var second = await (await s.Owner.GetAsync($"/api/v1/meetings/{meeting}/invitation.ics")).Content.ReadAsStringAsync();

        foreach (var ics in new[] { first, second })
        {
            Assert.EndsWith("\r\n", ics, StringComparison.Ordinal);
            Assert.DoesNotContain("\n", ics.Replace("\r\n", "", StringComparison.Ordinal), StringComparison.Ordinal);
            var lines = ics.Split("\r\n")[..^1];
            Assert.All(lines, l => Assert.True(Encoding.UTF8.GetByteCount(l) <= 75, l));
            Assert.Equal("BEGIN:VCALENDAR", lines[0]);
            Assert.Contains("METHOD:REQUEST", lines);
            Assert.Contains(lines, l => l.StartsWith(' '));
            var unfolded = ics.Replace("\r\n ", "", StringComparison.Ordinal).Split("\r\n");
            Assert.Contains(unfolded, l => l.StartsWith("SUMMARY:Krisestyringsstab: Stabsmøde\\, skybrud\\; runde 1", StringComparison.Ordinal));
            Assert.Contains(unfolded, l => System.Text.RegularExpressions.Regex.IsMatch(l, "^DTSTAMP:\\d{8}T\\d{6}Z$"));
            Assert.Contains("DTSTART:20261210T080000Z", unfolded);
            Assert.Contains($"UID:{meeting}@stabsrum", unfolded);
        }

        Assert.Contains("SEQUENCE:0", first.Split("\r\n"));
        Assert.Contains("SEQUENCE:1", second.Split("\r\n"));
    }

    [Fact]
    public async Task Publishing_e_mails_every_member_the_agenda_as_DOCX_and_PDF_with_an_invitation_and_a_link()
    {
        var s = await SetUpAsync(app);
        var meeting = await CreateMeetingAsync(s.Owner, s.BodyId);
        var item = await ProposeAsync(s.Member, meeting, DecisionItem());
        await AcceptAsync(s.Owner, meeting, item);
        var before = app.Smtp.Messages.Count;
        var published = await PublishAsync(s.Owner, meeting);
        Assert.True(published.GetProperty("circulation").GetProperty("sent").GetBoolean(), published.ToString());
        await app.Smtp.WaitForMessageAsync(before + 1);

        var mail = app.Smtp.Messages.Single(m => m.To.Contains(s.MemberEmail) && m.Data.Contains("dagsorden-2026-12-10.docx", StringComparison.Ordinal));
        Assert.Equal(3, mail.To.Count);
        Assert.Contains(s.OwnerEmail, mail.To);
        Assert.DoesNotContain(mail.To, t => t.StartsWith("kb-", StringComparison.Ordinal));
        Assert.Contains("dagsorden-2026-12-10.pdf", mail.Data, StringComparison.Ordinal);
        Assert.Contains("invitation.ics", mail.Data, StringComparison.Ordinal);
        Assert.Contains("text/calendar", mail.Data, StringComparison.Ordinal);
        var decoded = DecodedParts(mail.Data);
        Assert.Contains($"https://stabsrum.example/moeder/{meeting}", decoded, StringComparison.Ordinal);
        Assert.Contains("METHOD:REQUEST", decoded, StringComparison.Ordinal);
        Assert.Contains("Punkt 1: Evakuering af plejecenter (Beslutning)", decoded, StringComparison.Ordinal);
    }
}
