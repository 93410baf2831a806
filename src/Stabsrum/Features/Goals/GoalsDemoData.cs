using Microsoft.EntityFrameworkCore;
using Stabsrum.Features.Goals.CostKeys;
using Stabsrum.Features.Goals.KeyFigures;
using Stabsrum.Features.Organisations;
using Stabsrum.Infrastructure.Database;
using Stabsrum.Infrastructure.Demo;
using Stabsrum.Infrastructure.Tenancy;

namespace Stabsrum.Features.Goals;

/// <summary>
/// Nordjyllands Beredskab with its 11 owner municipalities, the NOBR2025 plan (all 31 HP-mål of seed 000, goal 29
/// with initiatives 29.1–29.4), the 2023 results contract (11 goals of seed 003 with targets and fulfilment rules)
/// and the base-grant cost key that reproduces the contract's table (Morsø 598 … Hjørring 1.904 = 17.645).
/// </summary>
internal sealed partial class GoalsDemoData : IDemoDataContributor
{
    public const string OrganisationName = "Nordjyllands Beredskab";

    // Populations pr. 1. kvt. 2022 as used for the base grant. The contract gives only the resulting amounts;
    // these populations are consistent with them (a population split of 17.645 gives exactly the table).
    public static readonly (string Name, int Population)[] Owners =
    [
        ("Morsø", 20_083), ("Thisted", 43_155), ("Brønderslev", 36_237), ("Frederikshavn", 58_973),
        ("Vesthimmerland", 36_371), ("Læsø", 1_780), ("Rebild", 30_695), ("Mariagerfjord", 41_711),
        ("Jammerbugt", 38_252), ("Aalborg", 221_382), ("Hjørring", 63_943),
    ];

    public int Order => 60;

    public async Task SeedAsync(IServiceProvider services, DemoOptions options, CancellationToken cancellationToken)
    {
        var db = services.GetRequiredService<StabsrumDbContext>();
        var now = services.GetRequiredService<TimeProvider>().GetUtcNow();
        var org = await db.Organisations.IgnoreQueryFilters().SingleOrDefaultAsync(o => o.Name == OrganisationName, cancellationToken);
        if (org is null)
        {
            var total = Owners.Sum(o => o.Population);
            org = new Organisation { Name = OrganisationName, Kind = OrganisationKind.FaelleskommunaltBeredskab, CreatedAt = now };
            org.MemberMunicipalities = Owners.Select(o => new MemberMunicipality
            {
                OrganisationId = org.Id,
                Name = o.Name + " Kommune",
                Population = o.Population,
                SharePercent = Math.Round(100m * o.Population / total, 4),
            }).ToList();
            db.Organisations.Add(org);
        }

        var admin = await db.Users.SingleOrDefaultAsync(u => u.Email == OrganisationDemoData.AdminEmail, cancellationToken);
        if (admin is not null && !await db.Memberships.IgnoreQueryFilters().AnyAsync(m => m.OrganisationId == org.Id && m.UserId == admin.Id, cancellationToken))
        {
            db.Memberships.Add(new Membership { OrganisationId = org.Id, UserId = admin.Id, Role = OrganisationRole.Administrator, CreatedAt = now });
        }

        var seed = new Seeder(db, org.Id, now);
        seed.Nobr2025();
        seed.ResultsContract2023();
        seed.BaseGrantKey();
        await db.SaveChangesAsync(cancellationToken);
    }

    public IEnumerable<string> Describe(DemoOptions options)
    {
        yield return $"  {OrganisationDemoData.AdminEmail,-28} administrator også i {OrganisationName} (mål: NOBR2025, Resultatkontrakt 2023, fordelingsnøgle)";
    }
}
