using Microsoft.EntityFrameworkCore;
using Stabsrum.Features.Registry;
using Stabsrum.Tests.Infrastructure;

namespace Stabsrum.Tests.Registry;

public sealed class RegistryDemoDataTests
{
    [Fact]
    public async Task Vallensbaek_gets_key_persons_the_activation_list_roles_resources_and_partners()
    {
        var app = new ConfiguredFactory("Demo:Enabled", "true");
        await ((IAsyncLifetime)app).InitializeAsync();
        var org = await app.WithDbAsync(null, (db, _) => db.Organisations.Where(o => o.Name == RegistryDemoData.Municipality).Select(o => o.Id).SingleAsync());

        var (plan, resources, partners, roles) = await app.WithDbAsync(org, async (db, _) =>
        {
            var listId = await db.AlarmLists.Where(l => l.Name == "Aktivering af krisestyring").Select(l => l.Id).SingleAsync();
            return (ContactSequence.Compute((await ContactSequence.LoadAsync(db, listId, false, default))!),
                await db.TacticalResources.CountAsync(), await db.ExternalPartners.CountAsync(), await db.StaffRoles.CountAsync());
        });

        Assert.True(plan.StopAtFirst);
        Assert.Equal(["Henrik Brandt", "Mette Vagn", "Karen Holm", "Jens Mølgaard"], plan.Steps.SelectMany(s => s.Attempts).Take(4).Select(a => a.Person.Name));
        Assert.Equal(10, resources);
        Assert.Equal(6, partners);
        Assert.Equal(DefaultStaffRoles.All.Count + 1, roles);
        await ((IAsyncLifetime)app).DisposeAsync();
    }
}
