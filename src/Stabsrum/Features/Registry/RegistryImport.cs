using System.Globalization;
using System.Text;
using CsvHelper;
using CsvHelper.Configuration;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Stabsrum.Infrastructure.Database;
using Stabsrum.Infrastructure.Problems;

namespace Stabsrum.Features.Registry;

public enum ImportKind
{
    KeyPersons,
    Resources,
}

/// <summary>One problem in the file: row 0 means the file as a whole (encoding, columns, size).</summary>
public sealed record ImportError(int Row, string Field, string Message);

/// <summary>What an import found (preview) or did (committed). Row numbers are spreadsheet rows: the header is row 1.</summary>
public sealed record ImportReport(string Kind, int Rows, bool Committed, IReadOnlyList<ImportError> Errors, IReadOnlyList<IReadOnlyList<string>> Preview)
{
    public bool Valid => Errors.Count == 0;
}

/// <summary>
/// CSV import of key persons and resources: the same Danish headers as the export (<see cref="RegistryCsv"/>), UTF-8
/// with or without BOM, ';' or ',' detected from the header line. Every row is validated with the same rules as the
/// forms (phones to E.164, e-mail); nothing is saved unless every row is valid, and then all rows go in one
/// SaveChanges inside one transaction. Cells are stored as typed: a "=HYPERLINK(...)" is text, neutralised on export.
/// </summary>
public sealed class RegistryImport(StabsrumDbContext db, TimeProvider time)
{
    public const int MaxRows = 50_000;
    public const int MaxBytes = 20 * 1024 * 1024;
    public const int PreviewRows = 50;

    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    public static IReadOnlyList<string> Headers(ImportKind kind) => kind == ImportKind.KeyPersons ? KeyPersonCsvColumns.Headers : ResourceCsvColumns.Headers;

    public static string KindName(ImportKind kind) => kind == ImportKind.KeyPersons ? "nøglepersoner" : "ressourcer";

    /// <summary>A sample file with the headers and two plausible rows, for the page's download link.</summary>
    public static byte[] Sample(ImportKind kind) => kind == ImportKind.KeyPersons
        ? RegistryCsv.Write(KeyPersonCsvColumns.Headers,
        [
            ["Mette Eksempel", "Kommunaldirektør", "Direktionen", "20 30 40 50", "43 97 20 00", "", "mette@eksempel.dk", "ja", "Fortroligt", "31-12-2027", "", "", ""],
            ["Jens Eksempel", "Beredskabschef", "Beredskab", "+45 21 31 41 51", "", "", "jens@eksempel.dk", "nej", "", "", "", "", "Vagttelefon i weekender"],
        ])
        : RegistryCsv.Write(ResourceCsvColumns.Headers,
        [
            ["Dykpumpe 3000 l/min", "Pumper", "4", "Materielgården", "Teknik og Miljø", "Vagthavende driftsleder", "43 97 20 99", "Tilgængelig", "ja", "Kræver trailer"],
            ["Sandsække", "Materiel", "2000", "Genbrugspladsen", "Vej og Park", "Driftslederen", "", "Begrænset", "nej", ""],
        ]);

    public async Task<ImportReport> RunAsync(ImportKind kind, byte[] content, bool commit, CancellationToken ct)
    {
        var (table, fileError) = Parse(kind, content);
        if (fileError is not null)
        {
            return new ImportReport(KindName(kind), 0, false, [fileError], []);
        }

        var errors = new List<ImportError>();
        var report = kind == ImportKind.KeyPersons
            ? await ImportPersonsAsync(table!, errors, commit, ct)
            : ImportResources(table!, errors, commit);
        if (commit && errors.Count == 0)
        {
            // All-or-nothing: one transaction, one SaveChanges for every row.
            await using var transaction = await db.Database.BeginTransactionAsync(ct);
            await db.SaveChangesAsync(ct);
            await transaction.CommitAsync(ct);
        }

        db.ChangeTracker.Clear();
        return report with { Committed = commit && errors.Count == 0, Errors = errors };
    }

    /// <summary>Decodes, detects the separator and checks the header; the rows come back keyed by header name.</summary>
    private static (CsvTable? Table, ImportError? Error) Parse(ImportKind kind, byte[] content)
    {
        if (content.Length > MaxBytes)
        {
            return (null, new ImportError(0, "fil", $"Filen er for stor ({content.Length / 1024 / 1024} MB). Højst {MaxBytes / 1024 / 1024} MB og {MaxRows:N0} rækker pr. import — del filen op.".Replace(",", ".", StringComparison.Ordinal)));
        }

        string text;
        try
        {
            text = StrictUtf8.GetString(content);
        }
        catch (DecoderFallbackException)
        {
            return (null, new ImportError(0, "fil", "Filen er ikke gemt som UTF-8 (måske Windows-1252 fra en ældre Excel). Gem den i Excel som 'CSV UTF-8 (kommasepareret)' og prøv igen."));
        }

        text = text.TrimStart('\uFEFF');
        if (string.IsNullOrWhiteSpace(text))
        {
            return (null, new ImportError(0, "fil", "Filen er tom. Første linje skal være kolonneoverskrifterne."));
        }

        var firstLine = text.AsSpan(0, text.IndexOfAny(['\r', '\n']) is var end and >= 0 ? end : text.Length);
        var delimiter = firstLine.Count(';') >= firstLine.Count(',') ? ";" : ",";
        var config = new CsvConfiguration(CultureInfo.InvariantCulture)
        {
            Delimiter = delimiter,
            HasHeaderRecord = true,
            BadDataFound = null,
            MissingFieldFound = null,
            DetectColumnCountChanges = false,
            IgnoreBlankLines = true,
        };
        using var reader = new CsvReader(new StringReader(text), config);
        string[] header;
        var rows = new List<(int Row, string[] Cells)>();
        try
        {
            reader.Read();
            reader.ReadHeader();
            header = (reader.HeaderRecord ?? []).Select(h => h.Trim()).ToArray();
            var missing = Headers(kind).Where(h => !header.Contains(h, StringComparer.OrdinalIgnoreCase)).ToList();
            if (missing.Count > 0)
            {
                return (null, new ImportError(0, "kolonner", $"Filen mangler {(missing.Count == 1 ? "kolonnen" : "kolonnerne")} {string.Join(", ", missing.Select(m => $"'{m}'"))}. Første linje skal indeholde overskrifterne: {string.Join(delimiter, Headers(kind))}."));
            }

            while (reader.Read())
            {
                if (rows.Count == MaxRows)
                {
                    return (null, new ImportError(0, "fil", $"Filen har mere end {MaxRows.ToString("N0", CultureInfo.GetCultureInfo("da-DK"))} rækker. Del den op i flere filer."));
                }

                var cells = reader.Parser.Record ?? [];
                if (cells.All(string.IsNullOrWhiteSpace))
                {
                    continue;
                }

                rows.Add((reader.Parser.Row, cells));
            }
        }
        catch (CsvHelperException)
        {
            return (null, new ImportError(0, "fil", "Filen kunne ikke læses som CSV. Kontrollér anførselstegn og separator (; eller ,)."));
        }

        var index = Headers(kind).ToDictionary(h => h, h => Array.FindIndex(header, x => string.Equals(x, h, StringComparison.OrdinalIgnoreCase)), StringComparer.Ordinal);
        return (new CsvTable(index, rows), null);
    }

    private sealed record CsvTable(Dictionary<string, int> Index, List<(int Row, string[] Cells)> Rows)
    {
        public string? Cell(string[] cells, string header) =>
            Index[header] is var i && i < cells.Length && !string.IsNullOrWhiteSpace(cells[i]) ? cells[i].Trim() : null;
    }

    private async Task<ImportReport> ImportPersonsAsync(CsvTable table, List<ImportError> errors, bool commit, CancellationToken ct)
    {
        var existing = await db.KeyPersons.AsNoTracking().Where(p => p.ErasedAt == null)
            .Select(p => new { p.Name, p.Email, p.MobilePhone, p.WorkPhone, p.PrivatePhone }).ToListAsync(ct);
        var emails = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        var phones = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var p in existing)
        {
            if (p.Email is not null)
            {
                emails.TryAdd(p.Email, $"{p.Name} (findes allerede)");
            }

            foreach (var phone in new[] { p.MobilePhone, p.WorkPhone, p.PrivatePhone }.OfType<string>())
            {
                phones.TryAdd(phone, $"{p.Name} (findes allerede)");
            }
        }

        var roles = await db.StaffRoles.AsNoTracking().Select(r => new { r.Id, r.Name }).ToListAsync(ct);
        var preview = new List<IReadOnlyList<string>>();
        var now = time.GetUtcNow();
        foreach (var (row, cells) in table.Rows)
        {
            var e = new ValidationErrors();
            var name = table.Cell(cells, "Navn");
            e.Required("Navn", name, "Navn")
                .Optional("Titel", table.Cell(cells, "Titel"), "Titel", 200)
                .Optional("Enhed", table.Cell(cells, "Enhed"), "Enhed", 200)
                .Optional("Noter", table.Cell(cells, "Noter"), "Noter", 2000);
            var mobile = e.Phone("Mobil", table.Cell(cells, "Mobil"), "Mobil");
            var work = e.Phone("Arbejdstelefon", table.Cell(cells, "Arbejdstelefon"), "Arbejdstelefon");
            var privatePhone = e.Phone("Privat telefon", table.Cell(cells, "Privat telefon"), "Privat telefon");
            var email = e.Email("E-mail", table.Cell(cells, "E-mail"));
            var hasClearance = YesNo(e, "Sikkerhedsgodkendt", table.Cell(cells, "Sikkerhedsgodkendt"));
            ClearanceLevel? level = null;
            if (table.Cell(cells, "Godkendelsesniveau") is { } levelText)
            {
                level = Enum.GetValues<ClearanceLevel>().Cast<ClearanceLevel?>().FirstOrDefault(l => string.Equals(l!.Value.Danish(), levelText, StringComparison.OrdinalIgnoreCase) || string.Equals(l.Value.ToString(), levelText, StringComparison.OrdinalIgnoreCase));
                if (level is null)
                {
                    e.Add("Godkendelsesniveau", $"Godkendelsesniveau '{levelText}' kendes ikke. Brug {string.Join(", ", Enum.GetValues<ClearanceLevel>().Select(l => $"'{l.Danish()}'"))}.");
                }
            }

            if (hasClearance && level is null && table.Cell(cells, "Godkendelsesniveau") is null)
            {
                e.Add("Godkendelsesniveau", "Godkendelsesniveau skal udfyldes, når personen er sikkerhedsgodkendt.");
            }

            DateOnly? expires = null;
            if (table.Cell(cells, "Godkendelse udløber") is { } expiresText)
            {
                if (DateOnly.TryParseExact(expiresText, ["dd-MM-yyyy", "d-M-yyyy", "yyyy-MM-dd", "dd.MM.yyyy"], CultureInfo.InvariantCulture, DateTimeStyles.None, out var d))
                {
                    expires = d;
                }
                else
                {
                    e.Add("Godkendelse udløber", $"Godkendelse udløber '{expiresText}' er ikke en dato (skriv fx 31-12-2027).");
                }
            }

            var roleIds = new List<Guid>();
            foreach (var roleName in (table.Cell(cells, "Roller") ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
            {
                if (roles.FirstOrDefault(r => string.Equals(r.Name, roleName, StringComparison.OrdinalIgnoreCase)) is { } role)
                {
                    roleIds.Add(role.Id);
                }
                else
                {
                    e.Add("Roller", $"Rollen '{roleName}' findes ikke i rollekataloget.");
                }
            }

            var label = name ?? $"række {row}";
            if (email is not null && !emails.TryAdd(email, label))
            {
                e.Add("E-mail", $"E-mail '{email}' bruges allerede af {emails[email]}.");
            }

            foreach (var (field, phone) in new[] { ("Mobil", mobile), ("Arbejdstelefon", work), ("Privat telefon", privatePhone) })
            {
                if (phone is not null && !phones.TryAdd(phone, label) && phones[phone] != label)
                {
                    e.Add(field, $"{field} '{PhoneNumber.Display(phone)}' bruges allerede af {phones[phone]}.");
                }
            }

            Collect(errors, row, e);
            if (preview.Count < PreviewRows)
            {
                preview.Add([row.ToString(CultureInfo.InvariantCulture), name ?? "", PhoneNumber.Display(mobile), email ?? ""]);
            }

            if (commit && !e.Any && errors.Count == 0)
            {
                var person = new KeyPerson
                {
                    Name = name!,
                    Title = table.Cell(cells, "Titel"),
                    Unit = table.Cell(cells, "Enhed"),
                    MobilePhone = mobile,
                    WorkPhone = work,
                    PrivatePhone = privatePhone,
                    Email = email,
                    HasClearance = hasClearance,
                    ClearanceLevel = hasClearance ? level : null,
                    ClearanceExpiresOn = hasClearance ? expires : null,
                    Notes = table.Cell(cells, "Noter"),
                    CreatedAt = now,
                };
                db.KeyPersons.Add(person);
                foreach (var roleId in roleIds.Distinct())
                {
                    db.KeyPersonRoles.Add(new KeyPersonRole { PersonId = person.Id, RoleId = roleId });
                }
            }
        }

        return new ImportReport(KindName(ImportKind.KeyPersons), table.Rows.Count, false, errors, preview);
    }

    private ImportReport ImportResources(CsvTable table, List<ImportError> errors, bool commit)
    {
        var preview = new List<IReadOnlyList<string>>();
        foreach (var (row, cells) in table.Rows)
        {
            var e = new ValidationErrors();
            int? quantity = 1;
            if (table.Cell(cells, "Antal") is { } q)
            {
                quantity = int.TryParse(q.Replace(".", "", StringComparison.Ordinal), NumberStyles.Integer, CultureInfo.InvariantCulture, out var n) ? n : null;
                if (quantity is null)
                {
                    e.Add("Antal", $"Antal '{q}' er ikke et helt tal.");
                }
            }

            ResourceAvailability? availability = null;
            if (table.Cell(cells, "Tilgængelighed") is { } a)
            {
                availability = Enum.GetValues<ResourceAvailability>().Cast<ResourceAvailability?>().FirstOrDefault(x => string.Equals(x!.Value.Danish(), a, StringComparison.OrdinalIgnoreCase) || string.Equals(x.Value.ToString(), a, StringComparison.OrdinalIgnoreCase));
                if (availability is null)
                {
                    e.Add("Tilgængelighed", $"Tilgængelighed '{a}' kendes ikke. Brug {string.Join(", ", Enum.GetValues<ResourceAvailability>().Select(x => $"'{x.Danish()}'"))}.");
                }
            }

            var critical = YesNo(e, "Kritisk", table.Cell(cells, "Kritisk"));
            var resource = new TacticalResource { Name = "", Category = "" };
            var input = new TacticalResourceInput(null, table.Cell(cells, "Navn"), table.Cell(cells, "Kategori"), quantity ?? 1, table.Cell(cells, "Placering"), table.Cell(cells, "Ejer"),
                table.Cell(cells, "Rekvireres hos"), table.Cell(cells, "Telefon"), availability, critical, table.Cell(cells, "Noter"));
            var applied = CatalogueChanges.ApplyResource(resource, input);
            Collect(errors, row, e);
            Collect(errors, row, applied, ResourceLabels);
            if (preview.Count < PreviewRows)
            {
                preview.Add([row.ToString(CultureInfo.InvariantCulture), input.Name ?? "", input.Category ?? "", (quantity ?? 0).ToString(CultureInfo.InvariantCulture)]);
            }

            if (commit && !e.Any && !applied.Any && errors.Count == 0)
            {
                db.TacticalResources.Add(resource);
            }
        }

        return new ImportReport(KindName(ImportKind.Resources), table.Rows.Count, false, errors, preview);
    }

    // The shared validation names fields by property; the import names them by the file's column.
    private static readonly Dictionary<string, string> ResourceLabels = new(StringComparer.Ordinal)
    {
        ["name"] = "Navn",
        ["category"] = "Kategori",
        ["quantity"] = "Antal",
        ["location"] = "Placering",
        ["owningUnit"] = "Ejer",
        ["requisitionContact"] = "Rekvireres hos",
        ["requisitionPhone"] = "Telefon",
        ["availability"] = "Tilgængelighed",
        ["notes"] = "Noter",
    };

    private static bool YesNo(ValidationErrors e, string field, string? value) => value?.ToLowerInvariant() switch
    {
        null or "nej" or "n" or "0" or "false" => false,
        "ja" or "j" or "1" or "x" or "true" => true,
        _ => e.Add(field, $"{field} '{value}' skal være 'ja' eller 'nej'.") is null,
    };

    private static void Collect(List<ImportError> errors, int row, ValidationErrors e, Dictionary<string, string>? labels = null)
    {
        foreach (var (field, messages) in e.ToDictionary())
        {
            var column = labels is not null && labels.TryGetValue(field, out var l) ? l : char.ToUpperInvariant(field[0]) + field[1..];
            errors.AddRange(messages.Select(m => new ImportError(row, column, $"Række {row}, {column}: {m}")));
        }
    }

    /// <summary>The report's errors as a ValidationProblem body: one key per row and column.</summary>
    public static Dictionary<string, string[]> AsProblemErrors(ImportReport report) =>
        report.Errors.GroupBy(e => e.Row == 0 ? e.Field : $"række {e.Row}.{e.Field}").ToDictionary(g => g.Key, g => g.Select(e => e.Message).ToArray());
}

/// <summary>POST /api/v1/key-persons/import and /api/v1/resources/import: the CSV is the body; ?commit=true saves, otherwise a preview.</summary>
public static class RegistryImportApi
{
    public static void MapImport(this RouteGroupBuilder group, ImportKind kind) =>
        group.MapPost("/import", async Task<Results<Ok<ImportReport>, ValidationProblem>> (HttpRequest request, bool? commit, RegistryImport import, CancellationToken ct) =>
        {
            using var buffer = new MemoryStream();
            var chunk = new byte[81920];
            int read;
            while ((read = await request.Body.ReadAsync(chunk, ct)) > 0)
            {
                buffer.Write(chunk, 0, read);
                if (buffer.Length > RegistryImport.MaxBytes)
                {
                    return TypedResults.ValidationProblem(
                        new Dictionary<string, string[]> { ["fil"] = [$"Filen er større end {RegistryImport.MaxBytes / 1024 / 1024} MB. Del den op i flere filer."] },
                        detail: "Filen kunne ikke importeres.");
                }
            }

            var report = await import.RunAsync(kind, buffer.ToArray(), commit == true, ct);
            // A file that cannot be read at all, or a refused commit, is a 400; a preview with row errors is the answer asked for.
            return report.Errors.Any(e => e.Row == 0) || (commit == true && !report.Valid)
                ? TypedResults.ValidationProblem(RegistryImport.AsProblemErrors(report), detail: $"Intet er gemt: {report.Errors.Count} fejl i filen.")
                : TypedResults.Ok(report);
        }).RequireAuthorization(Stabsrum.Infrastructure.Security.Policies.MaintainRegistry);
}
