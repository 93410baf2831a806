using Microsoft.EntityFrameworkCore;
using Stabsrum.Features.CrisisLog;
using Stabsrum.Features.ResourceRequests;
using Stabsrum.Infrastructure.Demo;
using Stabsrum.Infrastructure.Tenancy;

namespace Stabsrum.Features.Tasks;

/// <summary>
/// Vallensbæk's running exercise gets a written order to the base organisation, a task under way, and a request for
/// assistance from a neighbour municipality that has been assessed — so the task and request pages have something
/// to follow up on next to the tasks the demo staff meeting decided.
/// </summary>
internal sealed class TasksDemoData : IDemoDataContributor
{
    public int Order => 75;

    public async Task SeedAsync(IServiceProvider services, DemoOptions options, CancellationToken cancellationToken)
    {
        var db = services.GetRequiredService<Infrastructure.Database.StabsrumDbContext>();
        var org = await db.Organisations.SingleOrDefaultAsync(o => o.Name == "Vallensbæk Kommune", cancellationToken);
        if (org is null)
        {
            return;
        }

        services.GetRequiredService<CurrentOrganisation>().EnterAsSystem(org.Id, "demo");
        var incident = await db.Incidents.Where(i => i.IsExercise && i.Status == IncidentStatus.Aktiv).OrderByDescending(i => i.CreatedAt).FirstOrDefaultAsync(cancellationToken);
        if (incident is null)
        {
            return;
        }

        var tasks = services.GetRequiredService<TaskChanges>();
        var now = services.GetRequiredService<TimeProvider>().GetUtcNow();
        await tasks.CreateAsync(incident.Id, new TaskInput(Guid.CreateVersion7(), "Luk Vallensbæk Strandvej mellem Nordmarken og Søvej",
            "Skilt omkørsel via Vejlegårdsvej; meld tilbage når lukningen er etableret.", Deadline: now.AddHours(1), Priority: TaskPriority.Hoej, Recipient: "Vej og Park"), cancellationToken);
        var pumps = (await tasks.CreateAsync(incident.Id, new TaskInput(Guid.CreateVersion7(), "Opstil ekstra pumper ved pumpestation Nordmarken",
            OwnerName: "Teknik og Miljø", Deadline: now.AddHours(3)), cancellationToken)).Task;
        if (pumps is not null)
        {
            await tasks.TransitionAsync(pumps.Id, new TaskTransitionInput(StaffTaskStatus.IGang), cancellationToken);
        }

        var requests = services.GetRequiredService<ResourceRequestChanges>();
        var request = (await requests.CreateAsync(incident.Id, new RequestInput(Guid.CreateVersion7(), RequesterKind.Kommune, "Ishøj Kommune",
            "Sandsække", 400, "stk.", "Ishøj Strandvej ved havnen", now.AddHours(4), "Ishøj vagtcentral, tlf. 43 57 70 00"), cancellationToken)).Request;
        if (request is not null)
        {
            await requests.StepAsync(request.Id, new RequestStepInput(Guid.CreateVersion7(), RequestStatus.Vurderet, "Vi kan afgive 200 stk. fra Materielgården, når egne behov er dækket."), cancellationToken);
        }
    }
}
