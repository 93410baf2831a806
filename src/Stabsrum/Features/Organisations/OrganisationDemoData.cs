using Microsoft.AspNetCore.Identity;
using Stabsrum.Features.Account;
using Stabsrum.Infrastructure.Database;
using Stabsrum.Infrastructure.Demo;
using Stabsrum.Infrastructure.Tenancy;

namespace Stabsrum.Features.Organisations;

/// <summary>Beredskab 4K and its four owner municipalities, a demo administrator and a staff member per municipality.</summary>
internal sealed class OrganisationDemoData : IDemoDataContributor
{
    public const string AdminEmail = "admin@4k.demo";

    // Populations (approximate, 2024) drive the cost key.
    public static readonly (string Name, string Slug, int Population)[] Municipalities =
    [
        ("Ishøj Kommune", "ishoej", 24_300),
        ("Greve Kommune", "greve", 51_000),
        ("Høje-Taastrup Kommune", "hoeje-taastrup", 56_200),
        ("Vallensbæk Kommune", "vallensbaek", 17_300),
    ];

    public int Order => 0;

    public async Task SeedAsync(IServiceProvider services, DemoOptions options, CancellationToken cancellationToken)
    {
        var db = services.GetRequiredService<StabsrumDbContext>();
        var users = services.GetRequiredService<UserManager<StabsrumUser>>();
        var now = services.GetRequiredService<TimeProvider>().GetUtcNow();

        var total = Municipalities.Sum(m => m.Population);
        var beredskab = new Organisation
        {
            Name = "Beredskab 4K",
            Kind = OrganisationKind.FaelleskommunaltBeredskab,
            CreatedAt = now,
            MemberMunicipalities = Municipalities.Select(m => new MemberMunicipality
            {
                Name = m.Name,
                Population = m.Population,
                SharePercent = Math.Round(100m * m.Population / total, 4),
            }).ToList(),
        };
        foreach (var m in beredskab.MemberMunicipalities)
        {
            m.OrganisationId = beredskab.Id;
        }

        var municipalities = Municipalities.Select(m => new Organisation { Name = m.Name, Kind = OrganisationKind.Kommune, CreatedAt = now }).ToList();
        db.Organisations.Add(beredskab);
        db.Organisations.AddRange(municipalities);
        await db.SaveChangesAsync(cancellationToken);

        var admin = await CreateUserAsync(users, AdminEmail, "Demo Administrator", options.Password, now);
        foreach (var org in municipalities.Prepend(beredskab))
        {
            db.Memberships.Add(new Membership { OrganisationId = org.Id, UserId = admin.Id, Role = OrganisationRole.Administrator, CreatedAt = now });
        }

        foreach (var (org, (name, slug, _)) in municipalities.Zip(Municipalities))
        {
            var staff = await CreateUserAsync(users, $"stab@{slug}.demo", $"Stabsmedlem, {name}", options.Password, now);
            db.Memberships.Add(new Membership { OrganisationId = org.Id, UserId = staff.Id, Role = OrganisationRole.Stabsmedlem, CreatedAt = now });
        }

        await db.SaveChangesAsync(cancellationToken);
    }

    public IEnumerable<string> Describe(DemoOptions options)
    {
        yield return "Demo-logins (adgangskode for alle: " + options.Password + "):";
        yield return $"  {AdminEmail,-28} administrator i Beredskab 4K og de fire kommuner";
        foreach (var (name, slug, _) in Municipalities)
        {
            yield return $"  {"stab@" + slug + ".demo",-28} stabsmedlem i {name}";
        }
    }

    private static async Task<StabsrumUser> CreateUserAsync(UserManager<StabsrumUser> users, string email, string name, string password, DateTimeOffset now)
    {
        var user = new StabsrumUser { UserName = email, Email = email, EmailConfirmed = true, DisplayName = name, CreatedAt = now };
        var result = await users.CreateAsync(user, password);
        if (!result.Succeeded)
        {
            throw new InvalidOperationException("Demo user could not be created: " + string.Join(" ", result.Errors.Select(e => e.Description)));
        }

        return user;
    }
}
