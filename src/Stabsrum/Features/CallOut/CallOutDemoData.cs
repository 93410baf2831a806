using Microsoft.EntityFrameworkCore;
using Stabsrum.Features.Registry;
using Stabsrum.Infrastructure.Database;
using Stabsrum.Infrastructure.Demo;
using Stabsrum.Infrastructure.Tenancy;

namespace Stabsrum.Features.CallOut;

/// <summary>
/// Vallensbæk's exercise opt-ins (*Tilmeldt øvelsesalarmeringer*): four members of the crisis staff's role list, so
/// that an exercise call-out in the demo reaches someone (an exercise with nobody opted in is refused, ADR 0012).
/// Runs after the registry's demo data, which creates the persons.
/// </summary>
internal sealed class CallOutDemoData : IDemoDataContributor
{
    public static readonly string[] OptedIn = ["Anne Kjær", "Sofie Dahl", "Mikkel Friis", "Nadia Berg"];

    public int Order => 25;

    public async Task SeedAsync(IServiceProvider services, DemoOptions options, CancellationToken cancellationToken)
    {
        var db = services.GetRequiredService<StabsrumDbContext>();
        var current = services.GetRequiredService<CurrentOrganisation>();
        var now = services.GetRequiredService<TimeProvider>().GetUtcNow();
        var org = await db.Organisations.SingleOrDefaultAsync(o => o.Name == RegistryDemoData.Municipality, cancellationToken);
        if (org is null)
        {
            return;
        }

        current.EnterAsSystem(org.Id, "demo");
        try
        {
            var persons = await db.KeyPersons.Where(p => OptedIn.Contains(p.Name)).Select(p => p.Id).ToListAsync(cancellationToken);
            db.ExerciseOptIns.AddRange(persons.Select(id => new ExerciseOptIn { OrganisationId = org.Id, PersonId = id, CreatedAt = now }));
            await db.SaveChangesAsync(cancellationToken);
        }
        finally
        {
            current.Leave();
        }
    }
}
