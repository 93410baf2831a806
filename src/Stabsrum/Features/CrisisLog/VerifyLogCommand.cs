using Microsoft.EntityFrameworkCore;
using Stabsrum.Infrastructure.Database;
using Stabsrum.Infrastructure.Tenancy;

namespace Stabsrum.Features.CrisisLog;

/// <summary><c>stabsrum verify-log --incident ID</c>: exit 0 if the chain is intact, 1 if broken, 2 if no such incident.</summary>
public static class VerifyLogCommand
{
    public static async Task<int> RunAsync(IServiceProvider services, string incident)
    {
        if (!Guid.TryParse(incident, out var incidentId))
        {
            await Console.Error.WriteLineAsync($"Fejl: '{incident}' er ikke et hændelses-id.");
            return 2;
        }

        var db = services.GetRequiredService<StabsrumDbContext>();
        var organisationId = await db.Incidents.IgnoreQueryFilters().Where(i => i.Id == incidentId).Select(i => (Guid?)i.OrganisationId).SingleOrDefaultAsync();
        if (organisationId is null)
        {
            await Console.Error.WriteLineAsync($"Fejl: hændelsen {incidentId} findes ikke.");
            return 2;
        }

        services.GetRequiredService<CurrentOrganisation>().EnterAsSystem(organisationId.Value, "cli");
        var result = (await LogVerification.VerifyAsync(db, incidentId, default))!;
        if (result.Intact)
        {
            Console.WriteLine($"Kriselogen for {incidentId} er intakt: {result.EntriesChecked} poster, hoved {result.HeadHash}.");
            return 0;
        }

        Console.WriteLine($"BRUDT: kriselogen for {incidentId} er brudt ved post nr. {result.BrokenAtSequence}" +
            (result.BrokenEntryId is { } id ? $" (id {id})" : "") + $": {result.Problem}");
        Console.WriteLine($"{result.EntriesChecked} poster før bruddet er intakte.");
        return 1;
    }
}
