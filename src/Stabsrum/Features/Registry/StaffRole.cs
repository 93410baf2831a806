using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Stabsrum.Infrastructure.Database;

namespace Stabsrum.Features.Registry;

/// <summary>
/// A crisis-staff role (krisestabschef, logfører, pressetalsperson …) with its duties before, during and after
/// a crisis. Each organisation keeps its own catalogue, seeded from the plan's defaults and editable.
/// Key persons hold roles as standing roles; alarm lists can call a role, and the crisis log and call-out
/// refer to roles by <see cref="Id"/>.
/// </summary>
public sealed class StaffRole : IOrganisationOwned
{
    public Guid Id { get; set; } = Guid.CreateVersion7();

    public Guid OrganisationId { get; set; }

    public required string Name { get; set; }

    /// <summary>One line: what the role is for.</summary>
    public string? Purpose { get; set; }

    public string? DutiesBefore { get; set; }

    public string? DutiesDuring { get; set; }

    public string? DutiesAfter { get; set; }

    /// <summary>Where the role comes from (e.g. "Hovedberedskabsplan", "DDH Beredskab"); free text.</summary>
    public string? Source { get; set; }

    /// <summary>Position in the catalogue and in the beredskabsmappe.</summary>
    public int SortOrder { get; set; }
}

internal sealed class StaffRoleConfiguration : IEntityTypeConfiguration<StaffRole>
{
    public void Configure(EntityTypeBuilder<StaffRole> e)
    {
        e.ToTable("StaffRoles");
        e.Property(r => r.Name).HasMaxLength(100);
        e.Property(r => r.Purpose).HasMaxLength(500);
        e.Property(r => r.DutiesBefore).HasMaxLength(4000);
        e.Property(r => r.DutiesDuring).HasMaxLength(4000);
        e.Property(r => r.DutiesAfter).HasMaxLength(4000);
        e.Property(r => r.Source).HasMaxLength(100);
        e.HasIndex(r => new { r.OrganisationId, r.Name }).IsUnique();
        e.HasOne<Organisations.Organisation>().WithMany().HasForeignKey(r => r.OrganisationId).OnDelete(DeleteBehavior.Cascade);
    }
}

/// <summary>The default catalogue from the seeds: the main plan's staff and support roles and DDH's crisis roles.</summary>
public static class DefaultStaffRoles
{
    public sealed record Default(string Name, string Source, string Purpose, string Before, string During, string After);

    public const string MainPlan = "Hovedberedskabsplan";
    public const string Ddh = "DDH Beredskab";

    public static readonly IReadOnlyList<Default> All =
    [
        new("Krisestabschef", MainPlan, "Leder krisestaben og træffer beslutninger på stabens vegne.",
            "Kender beredskabsplanen og sin stedfortræder; deltager i øvelser.",
            "Beslutter aktivering og beredskabsniveau; leder stabsmøderne; godkender ordrer og kommunikation.",
            "Sikrer evaluering og at læringspunkter bliver til ændringer i planen."),
        new("Tovholder for krisesekretariatet", MainPlan, "Leder krisesekretariatet, der betjener krisestaben.",
            "Holder bilag, skabeloner og lokaler klar.",
            "Fordeler sekretariatets opgaver, sikrer logføring, situationsbillede og opfølgning på beslutninger.",
            "Samler log og dokumentation til evalueringen."),
        new("Dagsordenansvarlig", MainPlan, "Forbereder og styrer dagsordenen for stabsmøderne.",
            "Kender mødeskabelonen (7 trin).",
            "Udarbejder dagsorden før hvert stabsmøde og sørger for tidsplanen.",
            "Afleverer dagsordener og referater til journalisering."),
        new("Logfører", MainPlan, "Fører krisestabens log: hvem besluttede hvad, hvornår og hvorfor.",
            "Øver logføring i Stabsrum.",
            "Registrerer hændelser, beslutninger og ordrer med tidspunkt; sikrer overlevering ved vagtskifte.",
            "Afslutter loggen og afleverer den til evaluering og journalisering."),
        new("Pressetalsperson", MainPlan, "Taler på organisationens vegne over for pressen.",
            "Kender kommunikationsplanen og budskabsskabeloner.",
            "Giver interviews og pressemeddelelser efter krisestabens godkendte budskaber.",
            "Deltager i evalueringen af krisekommunikationen."),
        new("Forbindelsesofficer", MainPlan, "Repræsenterer organisationen i en anden stab (fx koordinerende stab eller politiets indsatsledelse).",
            "Kender samarbejdspartnernes stabe og kontaktpersoner.",
            "Formidler situationsbillede og beslutninger begge veje mellem stabene.",
            "Bidrager til fælles evaluering."),
        new("Kommunikation", MainPlan, "Varetager intern og ekstern krisekommunikation og mediemonitorering.",
            "Holder skabeloner og kanaler klar.",
            "Udarbejder budskaber, opdaterer hjemmeside og sociale medier, overvåger medierne.",
            "Opsamler erfaringer med kommunikationen."),
        new("IT/GIS", MainPlan, "Sikrer it, kort og data til situationsbilledet.",
            "Vedligeholder kortlag og adgang til systemer.",
            "Leverer kort og data; løser it-problemer i krisestaben.",
            "Gemmer kort og data til dokumentation."),
        new("Kriseleder", Ddh, "Strategisk ledelse af kontaktcentrets kriseberedskab.",
            "Kender aktiveringskriterierne og modellerne Basis og +.",
            "Aktiverer beredskabet, vælger model og prioriterer; holder kontakt til kommunerne.",
            "Leder evalueringen og opfølgningen."),
        new("Logfører (DDH)", Ddh, "Fører den tidsstemplede, strukturerede log for kontaktcentret.",
            "Kender logskabelonen.",
            "Registrerer hvem der besluttede hvad og hvorfor; sikrer overlevering ved vagtskifte.",
            "Afleverer loggen til evalueringen."),
        new("Procesansvarlig", Ddh, "Sikrer at processer, vejledninger og svar til borgerne er opdaterede.",
            "Vedligeholder vejledninger.",
            "Udarbejder og opdaterer svarguides til agenterne.",
            "Opsamler erfaringer med vejledningerne."),
        new("Bemandingsansvarlig", Ddh, "Styrer bemanding og vagtplan under krisen.",
            "Holder vagtplan og kontaktlister ajour.",
            "Indkalder medarbejdere og tilpasser vagtplanen til belastningen.",
            "Opgør timer og nøgletal (svartider, besvarede opkald)."),
        new("Kommunikationsansvarlig", Ddh, "Kommunikation til borgere, kommuner og medarbejdere.",
            "Kender kommunikationskanalerne.",
            "Udsender budskaber og status; koordinerer med kommunernes kommunikation.",
            "Evaluerer kommunikationen."),
        new("Kommuneansvarlig", Ddh, "Kontaktperson for den kommune, krisen vedrører.",
            "Kender kommunernes kontaktpersoner.",
            "Holder kommunen orienteret og indhenter beslutninger, fx om økonomi.",
            "Afslutter samarbejdet og afregning med kommunen."),
    ];

    public static List<StaffRole> Create(Guid organisationId) =>
        All.Select((d, i) => new StaffRole
        {
            OrganisationId = organisationId,
            Name = d.Name,
            Source = d.Source,
            Purpose = d.Purpose,
            DutiesBefore = d.Before,
            DutiesDuring = d.During,
            DutiesAfter = d.After,
            SortOrder = (i + 1) * 10,
        }).ToList();
}
