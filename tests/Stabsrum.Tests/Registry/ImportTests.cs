using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Stabsrum.Features.Registry;
using Stabsrum.Tests.Infrastructure;
using Xunit.Abstractions;

namespace Stabsrum.Tests.Registry;

public sealed class ImportTests(StabsrumFactory app, ITestOutputHelper output) : IClassFixture<StabsrumFactory>
{
    private static readonly string PersonHeader = string.Join(";", KeyPersonCsvColumns.Headers);
    private static readonly string ResourceHeader = string.Join(";", ResourceCsvColumns.Headers);

    private static string PersonRow(string name, string mobile, string email, string sep = ";") =>
        string.Join(sep, [name, "Titel", "Enhed", mobile, "", "", email, "nej", "", "", "", "", ""]);

    private static ByteArrayContent Csv(string text, bool bom = false, Encoding? encoding = null)
    {
        var bytes = (encoding ?? new UTF8Encoding(false)).GetBytes(text);
        return new ByteArrayContent(bom ? [0xEF, 0xBB, 0xBF, .. bytes] : bytes);
    }

    private static async Task<JsonElement> PostAsync(HttpClient api, string url, HttpContent content, HttpStatusCode expected)
    {
        using var response = await api.PostAsync(url, content);
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == expected, $"{response.StatusCode}: {text}");
        return JsonDocument.Parse(text).RootElement.Clone();
    }

    private Task<int> CountPersonsAsync(Guid org) => app.WithDbAsync(org, (db, _) => db.KeyPersons.CountAsync());

    [Fact]
    public async Task One_bad_row_means_nothing_is_saved_and_the_row_and_field_are_named()
    {
        var (org, api) = await RegistryClient.PlannerAsync(app);
        var csv = $"{PersonHeader}\n{PersonRow("Anna Andersen", "20 30 40 50", "anna@kommune.dk")}\n{PersonRow("Bo Berg", "123", "bo@kommune.dk")}\n{PersonRow("Carl", "21 31 41 51", "ikke-en-mail")}\n";

        var preview = await PostAsync(api, "/api/v1/key-persons/import", Csv(csv), HttpStatusCode.OK);
        Assert.Equal(3, preview.GetProperty("rows").GetInt32());
        Assert.False(preview.GetProperty("committed").GetBoolean());
        var messages = preview.GetProperty("errors").EnumerateArray().Select(e => e.GetProperty("message").GetString()).ToList();
        Assert.Contains(messages, m => m!.StartsWith("Række 3, Mobil: Mobil '123'", StringComparison.Ordinal));
        Assert.Contains(messages, m => m!.StartsWith("Række 4, E-mail: E-mail 'ikke-en-mail'", StringComparison.Ordinal));

        var refused = await PostAsync(api, "/api/v1/key-persons/import?commit=true", Csv(csv), HttpStatusCode.BadRequest);
        Assert.True(refused.GetProperty("errors").TryGetProperty("række 3.Mobil", out _));
        Assert.Equal(0, await CountPersonsAsync(org.Id));

        var good = $"{PersonHeader}\n{PersonRow("Anna Andersen", "20 30 40 50", "anna@kommune.dk")}\n";
        var done = await PostAsync(api, "/api/v1/key-persons/import?commit=true", Csv(good), HttpStatusCode.OK);
        Assert.True(done.GetProperty("committed").GetBoolean());
        var person = await app.WithDbAsync(org.Id, (db, _) => db.KeyPersons.SingleAsync());
        Assert.Equal("+4520304050", person.MobilePhone);
    }

    [Theory]
    [InlineData(true, ";")]
    [InlineData(false, ";")]
    [InlineData(true, ",")]
    [InlineData(false, ",")]
    public async Task Utf8_with_or_without_bom_and_either_separator_is_read(bool bom, string sep)
    {
        var (org, api) = await RegistryClient.PlannerAsync(app);
        var csv = $"{string.Join(sep, ResourceCsvColumns.Headers)}\r\n" +
            string.Join(sep, ["Sandsække", "Materiel", "2000", "Genbrugspladsen", "Vej og Park", "Driftslederen", "43 97 20 99", "Begrænset", "ja", "\"Bemærk, tunge\""]) + "\r\n";
        var done = await PostAsync(api, "/api/v1/resources/import?commit=true", Csv(csv, bom), HttpStatusCode.OK);
        Assert.Equal(1, done.GetProperty("rows").GetInt32());
        var resource = await app.WithDbAsync(org.Id, (db, _) => db.TacticalResources.SingleAsync());
        Assert.Equal("Sandsække", resource.Name);
        Assert.Equal(2000, resource.Quantity);
        Assert.Equal(ResourceAvailability.Begraenset, resource.Availability);
        Assert.True(resource.Critical);
        Assert.Equal("+4543972099", resource.RequisitionPhone);
        Assert.Equal("Bemærk, tunge", resource.Notes);
    }

    [Fact]
    public async Task A_windows_1252_file_is_refused_with_a_danish_message()
    {
        var (org, api) = await RegistryClient.PlannerAsync(app);
        var csv = $"{PersonHeader}\n{PersonRow("Søren Ærø", "20 30 40 50", "soren@kommune.dk")}\n";
        var refused = await PostAsync(api, "/api/v1/key-persons/import", Csv(csv, encoding: Encoding.Latin1 /* æøå as Windows-1252 writes them */), HttpStatusCode.BadRequest);
        Assert.Contains("ikke gemt som UTF-8", refused.GetProperty("errors").GetProperty("fil")[0].GetString(), StringComparison.Ordinal);
        Assert.Equal(0, await CountPersonsAsync(org.Id));
    }

    [Fact]
    public async Task Missing_columns_are_named()
    {
        var (_, api) = await RegistryClient.PlannerAsync(app);
        var refused = await PostAsync(api, "/api/v1/key-persons/import", Csv("Navn;Titel;Mobil\nAnna;Chef;20304050\n"), HttpStatusCode.BadRequest);
        var message = refused.GetProperty("errors").GetProperty("kolonner")[0].GetString()!;
        Assert.Contains("'E-mail'", message, StringComparison.Ordinal);
        Assert.Contains("'Enhed'", message, StringComparison.Ordinal);
        Assert.DoesNotContain("'Mobil'", message, StringComparison.Ordinal);

        await PostAsync(api, "/api/v1/resources/import?commit=true", Csv(""), HttpStatusCode.BadRequest);
        await PostAsync(api, "/api/v1/resources/import?commit=true", Csv("{\"name\":\"x\"}"), HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task Duplicate_emails_and_phones_are_reported_within_the_file_and_against_existing_persons()
    {
        var (org, api) = await RegistryClient.PlannerAsync(app);
        await api.CreatePersonAsync(new { name = "Eksisterende", mobilePhone = "22 33 44 55", email = "eks@kommune.dk" });
        var csv = $"{PersonHeader}\n{PersonRow("Ny 1", "+45 22 33 44 55", "ny1@kommune.dk")}\n{PersonRow("Ny 2", "30 30 30 30", "EKS@kommune.dk")}\n" +
            $"{PersonRow("Ny 3", "40 40 40 40", "samme@kommune.dk")}\n{PersonRow("Ny 4", "4040 4040", "samme@kommune.dk")}\n";
        var refused = await PostAsync(api, "/api/v1/key-persons/import?commit=true", Csv(csv), HttpStatusCode.BadRequest);
        var errors = refused.GetProperty("errors");
        Assert.Contains("Eksisterende", errors.GetProperty("række 2.Mobil")[0].GetString(), StringComparison.Ordinal);
        Assert.Contains("Eksisterende", errors.GetProperty("række 3.E-mail")[0].GetString(), StringComparison.Ordinal);
        Assert.Contains("Ny 3", errors.GetProperty("række 5.E-mail")[0].GetString(), StringComparison.Ordinal);
        Assert.Contains("Ny 3", errors.GetProperty("række 5.Mobil")[0].GetString(), StringComparison.Ordinal);
        Assert.Equal(1, await CountPersonsAsync(org.Id));
    }

    [Fact]
    public async Task A_formula_cell_is_stored_as_text_and_neutralised_on_export()
    {
        var (org, api) = await RegistryClient.PlannerAsync(app);
        const string formula = "=HYPERLINK(\"http://evil.example\";\"klik\")";
        var csv = $"{PersonHeader}\n{PersonRow("\"" + formula.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"", "20 30 40 50", "f@kommune.dk")}\n";
        await PostAsync(api, "/api/v1/key-persons/import?commit=true", Csv(csv), HttpStatusCode.OK);
        Assert.Equal(formula, (await app.WithDbAsync(org.Id, (db, _) => db.KeyPersons.SingleAsync())).Name);

        var persons = await api.GetFromJsonAsync<List<KeyPersonDto>>("/api/v1/key-persons");
        var exported = Encoding.UTF8.GetString(RegistryCsv.KeyPersons(persons!));
        Assert.Contains("'=HYPERLINK(", exported, StringComparison.Ordinal);
        Assert.DoesNotContain(";=HYPERLINK", exported, StringComparison.Ordinal);
        Assert.False(exported.Split('\n')[1].StartsWith('='));
    }

    [Fact]
    public async Task An_import_lands_in_the_callers_organisation_only()
    {
        var (mine, api) = await RegistryClient.PlannerAsync(app);
        var (other, otherApi) = await RegistryClient.PlannerAsync(app);
        await PostAsync(api, "/api/v1/key-persons/import?commit=true", Csv($"{PersonHeader}\n{PersonRow("Kun min", "20 30 40 50", "min@kommune.dk")}\n"), HttpStatusCode.OK);
        Assert.Equal(1, await CountPersonsAsync(mine.Id));
        Assert.Equal(0, await CountPersonsAsync(other.Id));
        Assert.Empty((await otherApi.GetFromJsonAsync<List<KeyPersonDto>>("/api/v1/key-persons"))!);

        // The same numbers are free in another organisation: duplicates are checked per organisation.
        await PostAsync(otherApi, "/api/v1/key-persons/import?commit=true", Csv($"{PersonHeader}\n{PersonRow("Anden", "20 30 40 50", "min@kommune.dk")}\n"), HttpStatusCode.OK);
        Assert.Equal(1, await CountPersonsAsync(other.Id));
    }

    [Fact]
    public async Task A_reader_may_not_import()
    {
        var (org, api) = await RegistryClient.PlannerAsync(app, Stabsrum.Infrastructure.Tenancy.OrganisationRole.Laeser);
        using var response = await api.PostAsync("/api/v1/key-persons/import?commit=true", Csv($"{PersonHeader}\n{PersonRow("X", "20 30 40 50", "x@kommune.dk")}\n"));
        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Equal(0, await CountPersonsAsync(org.Id));
    }

    [Fact]
    public async Task Ten_thousand_rows_commit_in_one_batch()
    {
        var (org, api) = await RegistryClient.PlannerAsync(app);
        var csv = new StringBuilder(PersonHeader).Append('\n');
        for (var i = 0; i < 10_000; i++)
        {
            csv.Append(PersonRow($"Person {i}", $"+45 3{i:D7}", $"p{i}@kommune.dk")).Append('\n');
        }

        var watch = Stopwatch.StartNew();
        var done = await PostAsync(api, "/api/v1/key-persons/import?commit=true", Csv(csv.ToString()), HttpStatusCode.OK);
        watch.Stop();
        output.WriteLine($"10.000 nøglepersoner importeret på {watch.ElapsedMilliseconds} ms ({Environment.GetEnvironmentVariable("STABSRUM_TEST_PROVIDER") ?? "Sqlite"})");
        Assert.True(done.GetProperty("committed").GetBoolean());
        Assert.Equal(10_000, await CountPersonsAsync(org.Id));
    }

    [Fact]
    public async Task Too_many_rows_are_refused_with_a_clear_message()
    {
        var (org, api) = await RegistryClient.PlannerAsync(app);
        var csv = new StringBuilder(ResourceHeader).Append('\n');
        for (var i = 0; i <= RegistryImport.MaxRows; i++)
        {
            csv.Append("R;K;1;;;;;;;\n");
        }

        var refused = await PostAsync(api, "/api/v1/resources/import?commit=true", Csv(csv.ToString()), HttpStatusCode.BadRequest);
        Assert.Contains("mere end 50.000 rækker", refused.GetProperty("errors").GetProperty("fil")[0].GetString(), StringComparison.Ordinal);
        Assert.Equal(0, await app.WithDbAsync(org.Id, (db, _) => db.TacticalResources.CountAsync()));
    }

    [Fact]
    public async Task The_page_offers_sample_files_and_previews_then_commits()
    {
        var org = await app.CreateOrganisationAsync();
        var user = await app.CreateUserAsync(org, Stabsrum.Infrastructure.Tenancy.OrganisationRole.Planlaegger);
        var browser = await app.LoginAsync(user, org);
        var page = await browser.PageAsync("/beredskab/import");
        Assert.Contains("Hent eksempelfil for nøglepersoner", page, StringComparison.Ordinal);
        var sample = await browser.GetByteArrayAsync("/beredskab/import?handler=Sample&kind=Resources");

        var preview = await PostAsync(await app.CreateApiClientAsync(user, org), "/api/v1/resources/import", new ByteArrayContent(sample), HttpStatusCode.OK);
        Assert.Empty(preview.GetProperty("errors").EnumerateArray());
        Assert.Equal(2, preview.GetProperty("rows").GetInt32());
    }
}
