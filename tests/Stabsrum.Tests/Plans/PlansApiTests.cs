using System.IO.Compression;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Stabsrum.Features.AnnualWheel;
using Stabsrum.Features.Plans;
using Stabsrum.Infrastructure.Tenancy;
using Stabsrum.Tests.Infrastructure;

namespace Stabsrum.Tests.Plans;

public sealed class PlansApiTests(StabsrumFactory app) : IClassFixture<StabsrumFactory>
{
    private DateOnly Today => app.Clock.Today();

    private static string Iso(DateOnly d) => d.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);

    private async Task<(TestOrganisation Org, HttpClient Api)> PlannerAsync()
    {
        var org = await app.CreateOrganisationAsync();
        var planner = await app.CreateUserAsync(org, OrganisationRole.Planlaegger);
        return (org, await app.CreateApiClientAsync(planner, org));
    }

    private static StringContent Json(string json) => new(json, Encoding.UTF8, "application/json");

    private static async Task<JsonElement> ReadAsync(HttpResponseMessage response) =>
        JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.Clone();

    private static async Task<JsonElement> CreatePlanAsync(HttpClient api, string title, DateOnly? approvedOn, DateOnly? exercisedOn = null, Guid? id = null)
    {
        var body = new Dictionary<string, object?>
        {
            ["id"] = id,
            ["title"] = title,
            ["type"] = "Hovedberedskabsplan",
            ["ownerUnit"] = "Center for Teknik og Miljø",
            ["responsiblePerson"] = "Beredskabskoordinator",
            ["approvedBy"] = approvedOn is null ? null : "Kommunalbestyrelsen",
            ["approvedOn"] = approvedOn is { } a ? Iso(a) : null,
            ["lastExercisedOn"] = exercisedOn is { } e ? Iso(e) : null,
        };
        using var response = await api.PostAsJsonAsync("/api/v1/plans", body);
        Assert.True(response.IsSuccessStatusCode, await response.Content.ReadAsStringAsync());
        return await ReadAsync(response);
    }

    [Fact]
    public async Task A_registered_plan_shows_its_revision_and_exercise_due_dates_and_appears_in_the_annual_wheel()
    {
        var (org, api) = await PlannerAsync();
        var approved = Today.AddDays(-40);

        var plan = await CreatePlanAsync(api, "Hovedberedskabsplan 2026", approved);

        var expectedRevision = ElectionPeriod.Containing(approved).Next.End;
        Assert.Equal(Iso(expectedRevision), plan.GetProperty("revision").GetProperty("dueOn").GetString());
        Assert.Equal(Iso(approved.AddYears(2)), plan.GetProperty("exercise").GetProperty("dueOn").GetString());
        Assert.Equal("Ok", plan.GetProperty("revision").GetProperty("state").GetString());

        var wheel = await ReadAsync(await api.GetAsync("/api/v1/annual-wheel/obligations"));
        var generated = wheel.EnumerateArray().Where(o => o.GetProperty("sourcePlanId").GetString() == plan.GetProperty("id").GetString()).ToList();
        Assert.Equal(2, generated.Count);
        Assert.Contains(generated, o => o.GetProperty("kind").GetString() == "Revision" && o.GetProperty("dueOn").GetString() == Iso(expectedRevision));
        Assert.Contains(generated, o => o.GetProperty("kind").GetString() == "Exercise" && o.GetProperty("dueOn").GetString() == Iso(approved.AddYears(2)));
    }

    [Fact]
    public async Task Changing_a_plan_moves_its_obligations_and_archiving_removes_them()
    {
        var (org, api) = await PlannerAsync();
        var plan = await CreatePlanAsync(api, "Delberedskabsplan Børn og Unge", Today.AddYears(-5), Today.AddYears(-3));
        var id = plan.GetProperty("id").GetString();
        Assert.Equal("Overdue", plan.GetProperty("exercise").GetProperty("state").GetString());
        Assert.Equal("Overdue", plan.GetProperty("revision").GetProperty("state").GetString());

        var exercised = Today.AddDays(-1);
        using (var put = await api.PutAsJsonAsync($"/api/v1/plans/{id}", new
        {
            title = "Delberedskabsplan Børn og Unge",
            type = "Delberedskabsplan",
            approvedBy = "Direktionen",
            approvedOn = Iso(Today.AddYears(-5)),
            lastExercisedOn = Iso(exercised),
        }))
        {
            Assert.Equal(HttpStatusCode.OK, put.StatusCode);
            var updated = await ReadAsync(put);
            Assert.Equal("Ok", updated.GetProperty("exercise").GetProperty("state").GetString());
        }

        var exercise = await app.WithDbAsync(org.Id, (db, _) => db.Obligations.SingleAsync(o => o.SourcePlanId == Guid.Parse(id!) && o.Kind == ObligationKind.Exercise));
        Assert.Equal(exercised.AddYears(2), exercise.DueOn);

        using (var archive = await api.PostAsync($"/api/v1/plans/{id}/archive", Json("""{"archived":true}""")))
        {
            Assert.Equal(HttpStatusCode.OK, archive.StatusCode);
        }

        Assert.Equal(0, await app.WithDbAsync(org.Id, (db, _) => db.Obligations.CountAsync(o => o.SourcePlanId == Guid.Parse(id!))));
        var list = await ReadAsync(await api.GetAsync("/api/v1/plans"));
        Assert.Equal(0, list.GetArrayLength());
        Assert.Equal(1, (await ReadAsync(await api.GetAsync("/api/v1/plans?includeArchived=true"))).GetArrayLength());
    }

    [Fact]
    public async Task An_approval_date_in_the_future_is_refused_with_a_Danish_message_and_nothing_is_saved()
    {
        var (org, api) = await PlannerAsync();

        using var response = await api.PostAsJsonAsync("/api/v1/plans", new
        {
            title = "Plan fra fremtiden",
            type = "Hovedberedskabsplan",
            approvedBy = "Kommunalbestyrelsen",
            approvedOn = Iso(Today.AddDays(1)),
        });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var errors = (await ReadAsync(response)).GetProperty("errors");
        Assert.Contains("fremtiden", errors.GetProperty("approvedOn")[0].GetString(), StringComparison.Ordinal);
        Assert.Equal(0, await app.WithDbAsync(org.Id, (db, _) => db.Plans.CountAsync()));
        Assert.Equal(0, await app.WithDbAsync(org.Id, (db, _) => db.Obligations.CountAsync()));
    }

    [Fact]
    public async Task Missing_title_type_and_approver_are_named_field_by_field()
    {
        var (_, api) = await PlannerAsync();

        using var response = await api.PostAsync("/api/v1/plans", Json($$"""{"approvedOn":"{{Iso(Today)}}","reminderEmail":"ikke en mail"}"""));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var errors = (await ReadAsync(response)).GetProperty("errors");
        Assert.Equal("Titel skal udfyldes.", errors.GetProperty("title")[0].GetString());
        Assert.Equal("Vælg plantype.", errors.GetProperty("type")[0].GetString());
        Assert.True(errors.TryGetProperty("approvedBy", out _));
        Assert.True(errors.TryGetProperty("reminderEmail", out _));
    }

    [Fact]
    public async Task Creating_with_a_client_made_id_is_idempotent()
    {
        var (org, api) = await PlannerAsync();
        var id = Guid.CreateVersion7();
        var body = new { id, title = "Sundhedsberedskabsplan", type = "Sundhedsberedskabsplan" };

        using var first = await api.PostAsJsonAsync("/api/v1/plans", body);
        using var second = await api.PostAsJsonAsync("/api/v1/plans", body);

        Assert.Equal(HttpStatusCode.Created, first.StatusCode);
        Assert.Equal(HttpStatusCode.OK, second.StatusCode);
        Assert.Equal(1, await app.WithDbAsync(org.Id, (db, _) => db.Plans.CountAsync()));
        // Without approval or exercise there is only the revision duty.
        Assert.Equal(1, await app.WithDbAsync(org.Id, (db, _) => db.Obligations.CountAsync()));
    }

    [Fact]
    public async Task Document_versions_are_checked_by_type_and_content_kept_with_who_and_when_and_a_hash()
    {
        var (_, api) = await PlannerAsync();
        var plan = await CreatePlanAsync(api, "Plan for fortsat drift", Today.AddMonths(-2));
        var id = plan.GetProperty("id").GetString();
        var pdf = Encoding.ASCII.GetBytes("%PDF-1.7\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n");

        using var created = await UploadAsync(api, id!, pdf, "plan.pdf", "application/pdf");
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var version = await ReadAsync(created);
        Assert.Equal(1, version.GetProperty("number").GetInt32());
        Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(pdf)), version.GetProperty("sha256").GetString());
        Assert.StartsWith("planlaegger-", version.GetProperty("uploadedBy").GetString(), StringComparison.Ordinal);

        using var download = await api.GetAsync(created.Headers.Location);
        Assert.Equal(HttpStatusCode.OK, download.StatusCode);
        Assert.Equal("application/pdf", download.Content.Headers.ContentType?.MediaType);
        Assert.Equal(pdf, await download.Content.ReadAsByteArrayAsync());

        using (var docx = await UploadAsync(api, id!, MinimalDocx(), "plan v2.docx", "application/vnd.openxmlformats-officedocument.wordprocessingml.document"))
        {
            Assert.Equal(HttpStatusCode.Created, docx.StatusCode);
            Assert.Equal(2, (await ReadAsync(docx)).GetProperty("number").GetInt32());
        }

        // Refused: a text file called .pdf, a zip that is no Word file, an executable, a lying content type, an empty file.
        await AssertRefusedAsync(api, id!, Encoding.UTF8.GetBytes("Ikke en PDF"), "falsk.pdf", "application/pdf", "ikke en gyldig PDF");
        await AssertRefusedAsync(api, id!, EmptyZip(), "falsk.docx", "application/vnd.openxmlformats-officedocument.wordprocessingml.document", "ikke en gyldig Word");
        await AssertRefusedAsync(api, id!, [0x4D, 0x5A, 0x90, 0x00], "virus.exe", "application/octet-stream", "Kun PDF- og Word-filer");
        await AssertRefusedAsync(api, id!, pdf, "plan.pdf", "text/html", "passer ikke");
        await AssertRefusedAsync(api, id!, [], "tom.pdf", "application/pdf", "tom");

        var after = await ReadAsync(await api.GetAsync($"/api/v1/plans/{id}"));
        Assert.Equal(2, after.GetProperty("documents").GetArrayLength());
    }

    [Fact]
    public async Task A_document_over_the_size_limit_is_refused()
    {
        var (_, api) = await PlannerAsync();
        var plan = await CreatePlanAsync(api, "Stor plan", null);
        var big = new byte[PlanDocuments.MaxBytes + 1];
        "%PDF-1.7"u8.CopyTo(big);

        using var response = await UploadAsync(api, plan.GetProperty("id").GetString()!, big, "stor.pdf", "application/pdf");

        Assert.True(response.StatusCode is HttpStatusCode.BadRequest or HttpStatusCode.RequestEntityTooLarge, response.StatusCode.ToString());
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal(0, (await ReadAsync(await api.GetAsync($"/api/v1/plans/{plan.GetProperty("id").GetString()}"))).GetProperty("documents").GetArrayLength());
    }

    [Fact]
    public async Task Readers_read_but_cannot_write()
    {
        var (org, api) = await PlannerAsync();
        await CreatePlanAsync(api, "Hovedplan", Today.AddDays(-3));
        var reader = await app.CreateApiClientAsync(await app.CreateUserAsync(org, OrganisationRole.Laeser), org);

        Assert.Equal(1, (await ReadAsync(await reader.GetAsync("/api/v1/plans"))).GetArrayLength());
        using var write = await reader.PostAsJsonAsync("/api/v1/plans", new { title = "Nej", type = "Andet" });
        Assert.Equal(HttpStatusCode.Forbidden, write.StatusCode);
    }

    [Fact]
    public async Task Another_organisation_gets_404_for_our_plans_and_documents_and_sees_none()
    {
        var (_, api) = await PlannerAsync();
        var plan = await CreatePlanAsync(api, "Hemmelig plan", Today.AddDays(-3));
        var id = plan.GetProperty("id").GetString();
        using var upload = await UploadAsync(api, id!, Encoding.ASCII.GetBytes("%PDF-1.4 hemmelig"), "h.pdf", "application/pdf");
        var document = upload.Headers.Location;

        var (_, theirs) = await PlannerAsync();

        Assert.Equal(HttpStatusCode.NotFound, (await theirs.GetAsync($"/api/v1/plans/{id}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await theirs.GetAsync(document)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await theirs.PutAsJsonAsync($"/api/v1/plans/{id}", new { title = "Kapret", type = "Andet" })).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await theirs.PostAsync($"/api/v1/plans/{id}/archive", Json("""{"archived":true}"""))).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await UploadAsync(theirs, id!, Encoding.ASCII.GetBytes("%PDF-1.4"), "x.pdf", "application/pdf")).StatusCode);
        Assert.Equal(0, (await ReadAsync(await theirs.GetAsync("/api/v1/plans?includeArchived=true"))).GetArrayLength());
        Assert.DoesNotContain("Hemmelig", await theirs.GetStringAsync("/api/v1/annual-wheel/obligations"), StringComparison.Ordinal);
        // Ours is unchanged.
        Assert.Equal("Hemmelig plan", (await ReadAsync(await api.GetAsync($"/api/v1/plans/{id}"))).GetProperty("title").GetString());
    }

    private static async Task AssertRefusedAsync(HttpClient api, string planId, byte[] content, string fileName, string contentType, string expected)
    {
        using var response = await UploadAsync(api, planId, content, fileName, contentType);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var message = (await ReadAsync(response)).GetProperty("errors").GetProperty("file")[0].GetString();
        Assert.Contains(expected, message, StringComparison.Ordinal);
    }

    public static async Task<HttpResponseMessage> UploadAsync(HttpClient client, string planId, byte[] content, string fileName, string contentType)
    {
        using var form = new MultipartFormDataContent();
        var file = new ByteArrayContent(content);
        file.Headers.ContentType = MediaTypeHeaderValue.Parse(contentType);
        form.Add(file, "file", fileName);
        return await client.PostAsync($"/api/v1/plans/{planId}/documents", form);
    }

    public static byte[] MinimalDocx()
    {
        using var buffer = new MemoryStream();
        using (var zip = new ZipArchive(buffer, ZipArchiveMode.Create, leaveOpen: true))
        {
            using (var writer = new StreamWriter(zip.CreateEntry("[Content_Types].xml").Open()))
            {
                writer.Write("<?xml version=\"1.0\"?><Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\"/>");
            }

            using (var writer = new StreamWriter(zip.CreateEntry("word/document.xml").Open()))
            {
                writer.Write("<?xml version=\"1.0\"?><w:document xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\"/>");
            }
        }

        return buffer.ToArray();
    }

    private static byte[] EmptyZip()
    {
        using var buffer = new MemoryStream();
        using (var zip = new ZipArchive(buffer, ZipArchiveMode.Create, leaveOpen: true))
        {
            using var writer = new StreamWriter(zip.CreateEntry("hej.txt").Open());
            writer.Write("hej");
        }

        return buffer.ToArray();
    }
}
