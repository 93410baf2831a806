using Microsoft.EntityFrameworkCore;
using Stabsrum.Features.Organisations;
using Stabsrum.Infrastructure.Database;
using Stabsrum.Infrastructure.Demo;
using Stabsrum.Infrastructure.Tenancy;

namespace Stabsrum.Features.Registry;

/// <summary>
/// Vallensbæk Kommune's bilag A, B and D, filled plausibly: fictitious key persons with substitutes (phone numbers in the
/// unallocated 99-series), the activation list from the main plan (4K beredskabschef or substitute → borgmester →
/// direktion, stop at first contact), the crisis staff's role list (notify all, with quorums), 10 resources, 6 partners.
/// </summary>
internal sealed class RegistryDemoData : IDemoDataContributor
{
    public const string Municipality = "Vallensbæk Kommune";

    public int Order => 20;

    public async Task SeedAsync(IServiceProvider services, DemoOptions options, CancellationToken cancellationToken)
    {
        var db = services.GetRequiredService<StabsrumDbContext>();
        var current = services.GetRequiredService<CurrentOrganisation>();
        var now = services.GetRequiredService<TimeProvider>().GetUtcNow();
        var org = await db.Organisations.SingleOrDefaultAsync(o => o.Name == Municipality, cancellationToken);
        if (org is null)
        {
            return;
        }

        current.EnterAsSystem(org.Id, "demo");
        try
        {
            var roles = DefaultStaffRoles.Create(org.Id);
            var direktion = new StaffRole { OrganisationId = org.Id, Name = "Direktion", Source = "Vallensbæk", Purpose = "Kommunens direktion: træffer beslutning om aktivering, hvis beredskabschef og borgmester ikke kan nås.", SortOrder = 5 };
            roles.Add(direktion);
            db.StaffRoles.AddRange(roles);
            StaffRole Role(string name) => roles.Single(r => r.Name == name);

            KeyPerson P(string name, string title, string unit, string mobile, string? work = null, string? email = null, int verifiedDaysAgo = 30) => new()
            {
                OrganisationId = org.Id,
                Name = name,
                Title = title,
                Unit = unit,
                MobilePhone = mobile,
                WorkPhone = work ?? "+4599001000",
                Email = email,
                CreatedAt = now,
                ContactVerifiedAt = verifiedDaysAgo < 0 ? null : now.AddDays(-verifiedDaysAgo),
            };
            var chief4K = P("Henrik Brandt", "Beredskabschef", "Beredskab 4K", "+4599112201", "+4599112200", "hb@beredskab4k.demo");
            var deputy4K = P("Mette Vagn", "Viceberedskabschef", "Beredskab 4K", "+4599112202", "+4599112200", "mv@beredskab4k.demo");
            var mayor = P("Karen Holm", "Borgmester", "Borgmesterkontoret", "+4599001101", email: "borgmester@vallensbaek.demo");
            var director = P("Jens Mølgaard", "Kommunaldirektør", "Direktionen", "+4599001102", email: "jm@vallensbaek.demo");
            var director2 = P("Lise Ørum", "Direktør, Børn og Velfærd", "Direktionen", "+4599001103", email: "lo@vallensbaek.demo");
            var director3 = P("Bo Sandgaard", "Direktør, Teknik og Miljø", "Direktionen", "+4599001104", email: "bs@vallensbaek.demo", verifiedDaysAgo: 400);
            var secretariat = P("Anne Kjær", "Chefkonsulent", "Sekretariatet", "+4599001105", email: "ak@vallensbaek.demo");
            var secretariat2 = P("Peter Lund", "Konsulent", "Sekretariatet", "+4599001106", email: "pl@vallensbaek.demo");
            var logger = P("Sofie Dahl", "Specialkonsulent", "Sekretariatet", "+4599001107", email: "sd@vallensbaek.demo");
            var press = P("Mikkel Friis", "Kommunikationschef", "Kommunikation", "+4599001108", email: "mf@vallensbaek.demo");
            var liaison = P("Rasmus Storm", "Beredskabskoordinator", "Teknik og Miljø", "+4599001109", email: "rs@vallensbaek.demo", verifiedDaysAgo: -1);
            var it = P("Nadia Berg", "IT-chef", "Digitalisering og IT", "+4599001110", email: "nb@vallensbaek.demo");
            mayor.PrivatePhone = "+4599223301";
            director.PrivatePhone = "+4599223302";
            director.HasClearance = true;
            director.ClearanceLevel = ClearanceLevel.Fortroligt;
            director.ClearanceExpiresOn = DateOnly.FromDateTime(now.UtcDateTime.AddDays(60));
            chief4K.HasClearance = true;
            chief4K.ClearanceLevel = ClearanceLevel.Hemmeligt;
            chief4K.ClearanceExpiresOn = DateOnly.FromDateTime(now.UtcDateTime.AddYears(3));
            var persons = new[] { chief4K, deputy4K, mayor, director, director2, director3, secretariat, secretariat2, logger, press, liaison, it };
            db.KeyPersons.AddRange(persons);

            void Sub(KeyPerson person, params KeyPerson[] subs)
            {
                for (var i = 0; i < subs.Length; i++)
                {
                    db.KeyPersonSubstitutes.Add(new KeyPersonSubstitute { OrganisationId = org.Id, PersonId = person.Id, SubstituteId = subs[i].Id, Rank = i + 1 });
                }
            }

            Sub(chief4K, deputy4K);
            Sub(mayor, director);
            Sub(director, director2, director3);
            Sub(secretariat, secretariat2);
            Sub(logger, secretariat2);
            Sub(press, secretariat);

            void Holds(KeyPerson person, params StaffRole[] held)
            {
                foreach (var role in held)
                {
                    db.KeyPersonRoles.Add(new KeyPersonRole { OrganisationId = org.Id, PersonId = person.Id, RoleId = role.Id });
                }
            }

            Holds(director, Role("Krisestabschef"), direktion);
            Holds(director2, Role("Krisestabschef"), direktion);
            Holds(director3, direktion);
            Holds(secretariat, Role("Tovholder for krisesekretariatet"), Role("Dagsordenansvarlig"));
            Holds(secretariat2, Role("Logfører"));
            Holds(logger, Role("Logfører"));
            Holds(press, Role("Pressetalsperson"), Role("Kommunikation"));
            Holds(liaison, Role("Forbindelsesofficer"));
            Holds(it, Role("IT/GIS"));

            var activation = new AlarmList
            {
                OrganisationId = org.Id,
                Name = "Aktivering af krisestyring",
                Mode = AlarmMode.StopAtFirstContact,
                SortOrder = 10,
                Purpose = "Hvem beslutter aktivering (hovedberedskabsplanen §2.3): 4K's beredskabschef eller stedfortræder, derefter borgmesteren, derefter direktionen. Kaldet stopper ved den første, der træffer beslutning.",
            };
            var staff = new AlarmList
            {
                OrganisationId = org.Id,
                Name = "Krisestabens roller",
                Mode = AlarmMode.NotifyAll,
                SortOrder = 20,
                Purpose = "Indkaldelse af den operationelle krisestab og krisesekretariatet. Staben skal være etableret inden for 2 timer.",
            };
            db.AlarmLists.AddRange(activation, staff);
            AlarmListEntry Entry(AlarmList list, int position, KeyPerson? person = null, StaffRole? role = null, int quorum = 1) =>
                new() { OrganisationId = org.Id, AlarmListId = list.Id, Position = position, PersonId = person?.Id, RoleId = role?.Id, Quorum = quorum };
            db.AlarmListEntries.AddRange(
                Entry(activation, 1, chief4K),
                Entry(activation, 2, mayor),
                Entry(activation, 3, role: direktion),
                Entry(staff, 1, role: Role("Krisestabschef")),
                Entry(staff, 2, role: Role("Tovholder for krisesekretariatet")),
                Entry(staff, 3, role: Role("Logfører"), quorum: 2),
                Entry(staff, 4, role: Role("Pressetalsperson")),
                Entry(staff, 5, role: Role("Forbindelsesofficer")),
                Entry(staff, 6, role: Role("IT/GIS")),
                Entry(staff, 7, role: Role("Dagsordenansvarlig")));

            TacticalResource R(string name, string category, int quantity, string location, string owner, string contact, string phone, bool critical = false, ResourceAvailability availability = ResourceAvailability.Tilgaengelig) =>
                new() { OrganisationId = org.Id, Name = name, Category = category, Quantity = quantity, Location = location, OwningUnit = owner, RequisitionContact = contact, RequisitionPhone = phone, Critical = critical, Availability = availability };
            db.TacticalResources.AddRange(
                R("Nødstrømsgenerator 100 kVA", "Strøm", 1, "Rådhuset, kælder", "Ejendomme", "Driftsvagten", "+4599001200", critical: true),
                R("Mobil generator 20 kVA", "Strøm", 2, "Materielgården", "Vej og Park", "Driftsvagten", "+4599001200"),
                R("Dykpumpe 3.000 l/min", "Pumper", 4, "Materielgården", "Vej og Park", "Driftsvagten", "+4599001200", critical: true),
                R("Sandsække (fyldte)", "Højvandssikring", 2000, "Materielgården", "Vej og Park", "Driftsvagten", "+4599001200", critical: true),
                R("Mobile højvandsbarrierer", "Højvandssikring", 300, "Beredskab 4K, Greve", "Beredskab 4K", "Vagthavende indsatsleder", "+4599112299", availability: ResourceAvailability.Begraenset),
                R("Krisestabslokale (mødelokale 1)", "Lokaler", 1, "Rådhuset, 1. sal", "Sekretariatet", "Anne Kjær", "+4599001105", critical: true),
                R("Evakueringscenter Vallensbæk Skole", "Lokaler", 1, "Vallensbæk Skole, idrætshal", "Børn og Velfærd", "Skoleleder", "+4599001300"),
                R("Minibusser (9 pers.)", "Køretøjer", 3, "Rådhusets p-plads", "Ældre og Sundhed", "Kørselskontoret", "+4599001301"),
                R("Feltsenge og tæpper", "Forplejning og indkvartering", 150, "Depot, Vallensbæk Stationstorv", "Beredskab 4K", "Vagthavende indsatsleder", "+4599112299"),
                R("Satellittelefon", "Kommunikation", 2, "Rådhuset, krisestabslokalet", "Digitalisering og IT", "Nadia Berg", "+4599001110", critical: true));

            ExternalPartner Partner(PartnerKind kind, string name, string provides, params (string Name, string? Title, string? Phone, string? Email)[] contacts)
            {
                var partner = new ExternalPartner { OrganisationId = org.Id, OrganisationName = name, Kind = kind, Provides = provides };
                partner.Contacts = contacts.Select((c, i) => new PartnerContact { OrganisationId = org.Id, PartnerId = partner.Id, Position = i + 1, Name = c.Name, Title = c.Title, Phone = c.Phone, Email = c.Email }).ToList();
                return partner;
            }

            db.ExternalPartners.AddRange(
                Partner(PartnerKind.Politi, "Københavns Vestegns Politi", "Ledelse af indsatsen på skadestedet, afspærring, evakuering, krisestyringsstab (LBS).", ("Vagtchefen", "Døgnbemandet", "+4599330001", null), ("Beredskabskoordinator", null, "+4599330002", "beredskab.demo@politi.demo")),
                Partner(PartnerKind.Beredskab, "Beredskab 4K", "Redningsberedskab, materiel, rådgivning og deltagelse i krisestaben.", ("Vagthavende indsatsleder", null, "+4599112299", null)),
                Partner(PartnerKind.Region, "Region Hovedstaden, AMK", "Sundhedsberedskab, præhospital indsats, koordinering med hospitaler.", ("AMK-vagtchef", "Døgnbemandet", "+4599440001", null)),
                Partner(PartnerKind.Forsyning, "HOFOR (vand og spildevand)", "Drikkevand, nødvand, spildevand og skybrudssikring.", ("Driftscentralen", "Døgnbemandet", "+4599550001", null)),
                Partner(PartnerKind.Nabokommune, "Ishøj Kommune", "Koordinerende stab, gensidig bistand, fælles kommunikation.", ("Krisestabens sekretariat", null, "+4599660001", "krisestab@ishoej.demo")),
                Partner(PartnerKind.Medier, "TV 2 Lorry", "Varsling og information til borgerne (beredskabsaftale).", ("Nyhedsvagten", null, "+4599770001", "nyheder@lorry.demo")));

            await db.SaveChangesAsync(cancellationToken);
        }
        finally
        {
            current.Leave();
        }
    }
}
