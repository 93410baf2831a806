using System.Globalization;
using System.Text;
using CsvHelper;
using CsvHelper.Configuration;

namespace Stabsrum.Features.Registry;

/// <summary>
/// CSV export of the registry's lists, for Excel users: UTF-8 with BOM (so Excel reads æøå), semicolon-separated
/// (the Danish Excel default), Danish headers matching the import. Every cell that a spreadsheet would run as a
/// formula (=, +, -, @, tab, CR) is prefixed with an apostrophe, so an imported or typed "=HYPERLINK(...)" is text.
/// </summary>
public static class RegistryCsv
{
    public const string ContentType = "text/csv; charset=utf-8";

    public static string Neutralise(string? value) =>
        string.IsNullOrEmpty(value) ? "" : value[0] is '=' or '+' or '-' or '@' or '\t' or '\r' && !IsPlainPhone(value) ? "'" + value : value;

    // "+45 43 97 20 00" cannot run as anything; leaving it bare keeps exported phone numbers usable.
    private static bool IsPlainPhone(string value) =>
        value[0] == '+' && value.Length > 1 && value.Skip(1).All(c => char.IsAsciiDigit(c) || c == ' ');

    public static byte[] Write(IReadOnlyList<string> headers, IEnumerable<IReadOnlyList<string?>> rows)
    {
        using var stream = new MemoryStream();
        using (var writer = new StreamWriter(stream, new UTF8Encoding(encoderShouldEmitUTF8Identifier: true), leaveOpen: true))
        using (var csv = new CsvWriter(writer, new CsvConfiguration(CultureInfo.GetCultureInfo("da-DK")) { Delimiter = ";", InjectionOptions = InjectionOptions.None }))
        {
            foreach (var header in headers)
            {
                csv.WriteField(header);
            }

            csv.NextRecord();
            foreach (var row in rows)
            {
                foreach (var cell in row)
                {
                    csv.WriteField(Neutralise(cell));
                }

                csv.NextRecord();
            }
        }

        return stream.ToArray();
    }

    public static byte[] KeyPersons(IEnumerable<KeyPersonDto> persons) => Write(
        KeyPersonCsvColumns.Headers,
        persons.Select(p => (IReadOnlyList<string?>)
        [
            p.Name, p.Title, p.Unit, PhoneNumber.Display(p.MobilePhone), PhoneNumber.Display(p.WorkPhone), PhoneNumber.Display(p.PrivatePhone), p.Email,
            p.HasClearance ? "ja" : "nej", Enum.TryParse<ClearanceLevel>(p.ClearanceLevel, out var level) ? level.Danish() : "",
            p.ClearanceExpiresOn?.ToString("dd-MM-yyyy", CultureInfo.InvariantCulture),
            string.Join(", ", p.Substitutes.Select(s => s.Name)), string.Join(", ", p.Roles.Select(r => r.Name)), p.Notes,
        ]));

    public static byte[] Resources(IEnumerable<TacticalResource> resources) => Write(
        ResourceCsvColumns.Headers,
        resources.Select(r => (IReadOnlyList<string?>)
        [
            r.Name, r.Category, r.Quantity.ToString(CultureInfo.InvariantCulture), r.Location, r.OwningUnit, r.RequisitionContact,
            PhoneNumber.Display(r.RequisitionPhone), r.Availability.Danish(), r.Critical ? "ja" : "nej", r.Notes,
        ]));

    public static byte[] Partners(IEnumerable<ExternalPartner> partners) => Write(
        ["Organisation", "Type", "Kontaktperson", "Titel", "Telefon", "E-mail", "Kan bidrage med", "Noter"],
        partners.SelectMany(p => (p.Contacts.Count == 0 ? [new PartnerContact { Name = "" }] : p.Contacts.OrderBy(c => c.Position).ToArray())
            .Select(c => (IReadOnlyList<string?>)[p.OrganisationName, p.Kind.Danish(), c.Name, c.Title, PhoneNumber.Display(c.Phone), c.Email, p.Provides, p.Notes])));

    public static byte[] AlarmLists(IEnumerable<ContactPlan> plans) => Write(
        ["Liste", "Kaldes", "Linje", "Person eller rolle", "Skal svare", "Kontakt", "Hvorfor", "Telefon"],
        plans.SelectMany(plan => plan.Steps.SelectMany(step => step.Attempts.Select(a => (IReadOnlyList<string?>)
        [
            plan.ListName, plan.Mode.Danish(), step.Position.ToString(CultureInfo.InvariantCulture), step.Label, step.Required.ToString(CultureInfo.InvariantCulture),
            a.Person.Name, a.Reason.Danish(), string.Join(", ", a.Person.Phones.Select(PhoneNumber.Display)),
        ]))));

    public static byte[] Roles(IEnumerable<StaffRole> roles) => Write(
        ["Rolle", "Formål", "Før", "Under", "Efter", "Kilde"],
        roles.Select(r => (IReadOnlyList<string?>)[r.Name, r.Purpose, r.DutiesBefore, r.DutiesDuring, r.DutiesAfter, r.Source]));
}

public static class KeyPersonCsvColumns
{
    public static readonly string[] Headers =
        ["Navn", "Titel", "Enhed", "Mobil", "Arbejdstelefon", "Privat telefon", "E-mail", "Sikkerhedsgodkendt", "Godkendelsesniveau", "Godkendelse udløber", "Stedfortrædere", "Roller", "Noter"];
}

public static class ResourceCsvColumns
{
    public static readonly string[] Headers =
        ["Navn", "Kategori", "Antal", "Placering", "Ejer", "Rekvireres hos", "Telefon", "Tilgængelighed", "Kritisk", "Noter"];
}
