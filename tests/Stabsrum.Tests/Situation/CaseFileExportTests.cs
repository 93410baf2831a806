using System.IO.Compression;
using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Stabsrum.Features.CaseFile;
using Stabsrum.Features.CrisisLog;
using Stabsrum.Features.Situation;
using Stabsrum.Tests.CrisisLog;
using Stabsrum.Tests.Infrastructure;
using Stabsrum.Tests.Pdf;
using static Stabsrum.Tests.CrisisLog.CrisisLogSteps;
using static Stabsrum.Tests.Situation.SituationPictureTests;

namespace Stabsrum.Tests.Situation;

/// <summary>The case export (sagsakt): PDF text and ZIP JSON checked against the database, redaction, determinism, broken chains.</summary>
public sealed partial class CaseFileExportTests(StabsrumFactory app) : IClassFixture<StabsrumFactory>
{
    private const string Secret = "Kilden hos politiet hedder Jensen";

    private static readonly byte[] Png = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 1, 2, 3, 4, 5];

    [Fact]
    public async Task The_export_holds_every_chapter_and_its_JSON_matches_the_database()
    {
        var (s, incident) = await IncidentWithHistoryAsync();

        var zip = await ExportAsync(s.AdminApi, incident, "zip");
        using var archive = new ZipArchive(new MemoryStream(zip));
        var names = archive.Entries.Select(e => e.FullName).ToList();
        Assert.Contains("sagsakt.pdf", names);
        Assert.Contains("sagsakt.json", names);
        Assert.Contains("verifikation.json", names);

        var log = Read<CaseFileLog>(archive, "-kriselog.json");
        var stored = await app.WithDbAsync(s.Org.Id, (db, _) => db.CrisisLogEntries.Where(e => e.IncidentId == incident).OrderBy(e => e.Sequence).ToListAsync());
        Assert.Equal(stored.Count, log.Total);
        Assert.Equal(stored.Select(e => (e.Sequence, e.Hash, e.Text)), log.Entries.Select(e => (e.Sequence, e.Hash, e.Text!)));
        Assert.Equal(stored.Select(e => e.OccurredAt), log.Entries.Select(e => e.OccurredAt));
        Assert.Equal(1, log.Confidential);
        Assert.Equal(0, log.Redacted);
        var corrected = log.Entries.Single(e => e.CorrectsSequence is not null);
        Assert.Contains(corrected.Sequence, log.Entries.Single(e => e.Sequence == corrected.CorrectsSequence).CorrectedBySequences);

        Assert.Equal(2, log.AttachmentCount);
        var attachment = log.Entries.SelectMany(e => e.Attachments).Single(a => a.FileName == "pumpe.png");
        var file = archive.GetEntry(attachment.ZipPath)!;
        using (var content = new MemoryStream())
        {
            await file.Open().CopyToAsync(content);
            Assert.Equal(Png, content.ToArray());
            Assert.Equal(attachment.Sha256, LogChain.ContentHash(content.ToArray()));
        }

        var pictures = Read<List<CaseFileSituationPicture>>(archive, "-situationsbilleder.json");
        var storedPictures = await app.WithDbAsync(s.Org.Id, (db, _) => db.SituationPictures.Where(p => p.IncidentId == incident).OrderBy(p => p.Version).ToListAsync());
        Assert.Equal(storedPictures.Select(p => (p.Version, p.Overall)), pictures.Select(p => (p.Version, p.Sections.Single(x => x.Title == "Samlet situation").Text)));
        var reports = Read<CaseFileUnitReports>(archive, "-meldinger.json");
        Assert.Equal(["Hjemmeplejen", "Skoler"], reports.Reports.Select(r => r.Unit));
        var facts = Read<CaseFileFacts>(archive, "-haendelse.json");
        Assert.Equal(["Status", "Niveau"], facts.History.Select(h => h.Subject));
        var staff = Read<List<CaseFileStaffMember>>(archive, "-krisestab.json");
        Assert.Equal("Logfører", Assert.Single(Assert.Single(staff).Roles).RoleName);
        var verification = JsonSerializer.Deserialize<ChainVerification>(archive.GetEntry("verifikation.json")!.Open(), CaseFileExporter.Json)!;
        Assert.True(verification.Intact);
        Assert.Equal(stored.Count, verification.EntriesChecked);

        var pdf = new MemoryStream();
        await archive.GetEntry("sagsakt.pdf")!.Open().CopyToAsync(pdf);
        var text = await PdfText.ExtractAsync(pdf.ToArray());
        foreach (var heading in new[] { "Sagsakt: Skybrud over byen", "1. Hændelsen, niveau og fase", "2. Krisestab og roller", "3. Kriselog", "4. Situationsbilleder", "5. Meldinger fra enheder", "Verifikation af loggens hashkæde" })
        {
            Assert.Contains(heading, text, StringComparison.Ordinal);
        }

        Assert.Contains($"Resultat: INTAKT. {stored.Count} poster kontrolleret", text, StringComparison.Ordinal);
        Assert.Contains("Fortrolige poster er medtaget", text, StringComparison.Ordinal);
        Assert.Contains(Secret, text, StringComparison.Ordinal);
        Assert.Contains($"{stored.Count} poster, heraf 1 rettelser og 1 fortrolige (0 udeladt", text, StringComparison.Ordinal);
        Assert.Contains("Retter post nr.", text, StringComparison.Ordinal);
        Assert.Contains("2 meldinger.", text, StringComparison.Ordinal);
        Assert.Matches(DanishStamp(), text);

        var record = await app.WithDbAsync(s.Org.Id, (db, _) => db.CaseFileExports.SingleAsync(e => e.IncidentId == incident));
        Assert.True(record.IncludedConfidential);
        Assert.True(record.ChainIntact);
        Assert.Equal(LogChain.ContentHash(zip), record.ZipSha256);
        Assert.True(await app.WithDbAsync(null, (db, _) => db.AuditTrail.AnyAsync(a => a.OrganisationId == s.Org.Id && a.EntityType.Contains("CaseFileExport"))));
    }

    [Fact]
    public async Task A_member_without_clearance_gets_fortrolig_entries_redacted_and_the_PDF_says_so()
    {
        var (s, incident) = await IncidentWithHistoryAsync();

        var zip = await ExportAsync(s.StaffApi, incident, "zip");
        using var archive = new ZipArchive(new MemoryStream(zip));
        var log = Read<CaseFileLog>(archive, "-kriselog.json");
        var secret = log.Entries.Single(e => e.Classification == "Fortrolig");
        Assert.True(secret.Redacted);
        Assert.Null(secret.Text);
        Assert.Empty(secret.Attachments);
        Assert.Equal(1, log.Redacted);
        Assert.Single(archive.Entries, e => e.FullName.StartsWith("bilag/", StringComparison.Ordinal) && e.FullName.EndsWith("pumpe.png", StringComparison.Ordinal));
        Assert.DoesNotContain(archive.Entries, e => e.FullName.Contains("kilde", StringComparison.Ordinal));
        foreach (var entry in archive.Entries.Where(e => e.FullName.EndsWith(".json", StringComparison.Ordinal)))
        {
            using var reader = new StreamReader(entry.Open());
            Assert.DoesNotContain(Secret, await reader.ReadToEndAsync(), StringComparison.Ordinal);
        }

        var pdf = new MemoryStream();
        await archive.GetEntry("sagsakt.pdf")!.Open().CopyToAsync(pdf);
        var text = await PdfText.ExtractAsync(pdf.ToArray());
        Assert.DoesNotContain(Secret, text, StringComparison.Ordinal);
        Assert.Contains("Fortrolige poster er IKKE medtaget", text, StringComparison.Ordinal);
        Assert.Contains("Fortroligt indhold udeladt", text, StringComparison.Ordinal);
        Assert.False((await app.WithDbAsync(s.Org.Id, (db, _) => db.CaseFileExports.SingleAsync(e => e.IncidentId == incident))).IncludedConfidential);
    }

    [Fact]
    public async Task The_same_data_gives_the_same_PDF_text_and_the_generation_time_only_on_the_cover()
    {
        var (s, incident) = await IncidentWithHistoryAsync();

        var first = await PdfText.ExtractAsync(await ExportAsync(s.AdminApi, incident, "pdf"));
        app.Clock.Advance(TimeSpan.FromMinutes(7));
        var second = await PdfText.ExtractAsync(await ExportAsync(s.AdminApi, incident, "pdf"));

        Assert.Single(Regex.Matches(first, "Dannet "));
        Assert.NotEqual(first, second);
        Assert.Equal(WithoutCover(first), WithoutCover(second));
    }

    [Fact]
    public async Task A_broken_chain_is_still_exported_and_stated_prominently()
    {
        var (s, incident) = await IncidentWithHistoryAsync();
        var second = await app.WithDbAsync(s.Org.Id, (db, _) => db.CrisisLogEntries.Where(e => e.IncidentId == incident && e.Sequence == 2).Select(e => e.Id).SingleAsync());
        await app.WithDbAsync(s.Org.Id, (db, _) => db.CrisisLogEntries.Where(e => e.Id == second).ExecuteUpdateAsync(u => u.SetProperty(e => e.Text, "Omskrevet bagefter")));

        var text = await PdfText.ExtractAsync(await ExportAsync(s.AdminApi, incident, "pdf"));

        Assert.Contains("ADVARSEL: Loggens hashkæde er BRUDT ved post nr. 2.", text, StringComparison.Ordinal);
        Assert.Contains("Resultat: BRUDT ved post nr. 2.", text, StringComparison.Ordinal);
        Assert.False((await app.WithDbAsync(s.Org.Id, (db, _) => db.CaseFileExports.SingleAsync(e => e.IncidentId == incident))).ChainIntact);
    }

    [Fact]
    public async Task Another_organisation_cannot_export_and_a_bad_format_is_refused_without_a_record()
    {
        var (s, incident) = await IncidentWithHistoryAsync();
        var other = await SetUpAsync(app);
        using (var foreign = await other.AdminApi.PostAsync($"/api/v1/incidents/{incident}/case-file", null))
        {
            Assert.Equal(HttpStatusCode.NotFound, foreign.StatusCode);
        }

        using (var bad = await s.AdminApi.PostAsync($"/api/v1/incidents/{incident}/case-file?format=docx", null))
        {
            await ProblemAsync(bad, HttpStatusCode.BadRequest);
        }

        var browser = await app.LoginAsync(other.Admin, other.Org);
        using (var page = await browser.GetAsync($"/haendelser/{incident}/sagsakt"))
        {
            Assert.Equal(HttpStatusCode.NotFound, page.StatusCode);
        }

        Assert.Equal(0, await app.WithDbAsync(null, (db, _) => db.CaseFileExports.IgnoreQueryFilters().CountAsync(e => e.IncidentId == incident)));
    }

    [Fact]
    public async Task The_status_report_summarises_level_situation_and_key_figures()
    {
        var (s, incident) = await IncidentWithHistoryAsync();
        var browser = await app.LoginAsync(s.Admin, s.Org);
        using (var task = await s.AdminApi.PostAsync($"/api/v1/incidents/{incident}/tasks", Json(new { id = Guid.NewGuid(), title = "Tøm kælderen", deadline = app.Clock.GetUtcNow().AddMinutes(30) })))
        {
            Assert.True(task.IsSuccessStatusCode, await task.Content.ReadAsStringAsync());
        }

        app.Clock.Advance(TimeSpan.FromHours(1));

        var html = await browser.GetStringAsync($"/haendelser/{incident}/statusrapport");
        using var pdf = await browser.GetAsync($"/haendelser/{incident}/statusrapport?format=pdf");
        var text = await PdfText.ExtractAsync(await pdf.Content.ReadAsByteArrayAsync());

        Assert.Contains("Statusrapport: Skybrud over byen", text, StringComparison.Ordinal);
        Assert.Contains("Fra situationsbillede version 2", text, StringComparison.Ordinal);
        Assert.Contains("Vandet falder", text, StringComparison.Ordinal);
        Assert.Matches(@"Bekræftet fremmødte i krisestaben\s+1", text);
        Assert.Matches(@"Meldinger modtaget fra enheder\s+2", text);
        Assert.Matches(@"Åbne opgaver\s+1", text);
        Assert.Matches(@"Opgaver over frist\s+1", text);
        Assert.Contains("Beredskabsniveau", html, StringComparison.Ordinal);
    }

    private async Task<(CrisisSetup Setup, Guid Incident)> IncidentWithHistoryAsync(StabsrumFactory? on = null)
    {
        var factory = on ?? app;
        var s = await SetUpAsync(factory);
        var incident = await CreateIncidentAsync(s.AdminApi);
        using (var join = await s.AdminApi.PostAsync($"/api/v1/incidents/{incident}/staff", Json(new { userId = s.Admin.Id, roleName = "Logfører" })))
        {
            Assert.True(join.IsSuccessStatusCode, await join.Content.ReadAsStringAsync());
        }

        var info = await AppendOkAsync(s.AdminApi, incident, new { id = Guid.NewGuid(), kind = "Information", text = "Vand i kælderen på rådhuset" });
        await AppendOkAsync(s.AdminApi, incident, new { id = Guid.NewGuid(), kind = "Information", text = "Rettelse: vand i kælderen på biblioteket", correctsEntryId = info.GetProperty("id").GetGuid() });
        var secret = await AppendOkAsync(s.AdminApi, incident, new { id = Guid.NewGuid(), kind = "Information", text = Secret, classification = "Fortrolig" });
        var photo = await AppendOkAsync(s.AdminApi, incident, new { id = Guid.NewGuid(), kind = "Handling", text = "Foto af pumpen" });
        await AttachAsync(s.AdminApi, incident, photo.GetProperty("id").GetGuid(), "pumpe.png");
        await AttachAsync(s.AdminApi, incident, secret.GetProperty("id").GetGuid(), "kilde.png", expectFailure: false);
        using (var level = await s.AdminApi.PutAsync($"/api/v1/incidents/{incident}/level", Json(new { level = 1, reason = "Flere kældre" })))
        {
            Assert.Equal(HttpStatusCode.OK, level.StatusCode);
        }

        var v1 = await StartDraftAsync(s.AdminApi, incident);
        await UpdateAsync(s.AdminApi, incident, v1, new { overall = "Skybrud. Kældre oversvømmet." });
        await PublishAsync(s.AdminApi, incident, v1);
        await UnitReportTests.ReportAsync(s.AdminApi, incident, "Hjemmeplejen", "Alle borgere besøgt");
        factory.Clock.Advance(TimeSpan.FromSeconds(1));
        await UnitReportTests.ReportAsync(s.AdminApi, incident, "Skoler", "Skolerne lukket");
        var v2 = await StartDraftAsync(s.AdminApi, incident);
        await UpdateAsync(s.AdminApi, incident, v2, new { overall = "Vandet falder." });
        await PublishAsync(s.AdminApi, incident, v2);
        return (s, incident);
    }

    private static async Task AttachAsync(HttpClient api, Guid incident, Guid entry, string name, bool expectFailure = false)
    {
        using var form = new MultipartFormDataContent();
        var file = new ByteArrayContent(Png);
        file.Headers.ContentType = new MediaTypeHeaderValue("image/png");
        form.Add(file, "file", name);
        using var response = await api.PostAsync($"/api/v1/incidents/{incident}/log/{entry}/attachments", form);
        Assert.True(response.IsSuccessStatusCode != expectFailure, await response.Content.ReadAsStringAsync());
    }

    internal static async Task<byte[]> ExportAsync(HttpClient api, Guid incident, string format)
    {
        using var response = await api.PostAsync($"/api/v1/incidents/{incident}/case-file?format={format}", null);
        Assert.True(response.StatusCode == HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        Assert.Equal(format == "pdf" ? "application/pdf" : "application/zip", response.Content.Headers.ContentType?.MediaType);
        return await response.Content.ReadAsByteArrayAsync();
    }

    private static T Read<T>(ZipArchive archive, string suffix)
    {
        var entry = archive.Entries.Single(e => e.FullName.StartsWith("kapitler/", StringComparison.Ordinal) && e.FullName.EndsWith(suffix, StringComparison.Ordinal));
        using var stream = entry.Open();
        return JsonSerializer.Deserialize<T>(stream, CaseFileExporter.Json)!;
    }

    private static string WithoutCover(string text) => string.Join("\n", text.Split('\n').Where(l => !l.StartsWith("Dannet ", StringComparison.Ordinal)));

    [GeneratedRegex(@"\d\d\.\d\d\.\d{4} \d\d:\d\d(:\d\d)? \+0[12]:00")]
    private static partial Regex DanishStamp();
}
