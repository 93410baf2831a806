using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Stabsrum.Features.CallOut;
using Stabsrum.Features.Registry;
using Stabsrum.Infrastructure.Tenancy;
using Stabsrum.Tests.CrisisLog;
using Stabsrum.Tests.Infrastructure;

namespace Stabsrum.Tests.CallOut;

public sealed record CallOutOrg(TestOrganisation Org, TestUser Admin, HttpClient Api, Dictionary<string, Guid> People, Dictionary<string, string> Phones);

/// <summary>Registry data straight into the database, and the call-out steps through the API.</summary>
public static class CallOutSteps
{
    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { Converters = { new JsonStringEnumConverter() } };

    public static readonly string[] SmsOnly = ["Sms"];

    public static readonly string[] SmsAndEmail = ["Sms", "Email"];

    private static int _phone = 20_000_000;

    public static async Task<CallOutOrg> SetUpAsync(CallOutFactory app, params string[] names)
    {
        var org = await app.CreateOrganisationAsync();
        var admin = await app.CreateUserAsync(org, OrganisationRole.Administrator);
        var api = await app.CreateApiClientAsync(admin, org);
        var people = new Dictionary<string, Guid>();
        var phones = new Dictionary<string, string>();
        await app.WithDbAsync(org.Id, async (db, _) =>
        {
            foreach (var name in names)
            {
                var phone = "+45" + Interlocked.Increment(ref _phone).ToString(System.Globalization.CultureInfo.InvariantCulture);
                var person = new KeyPerson { OrganisationId = org.Id, Name = name, MobilePhone = phone, Email = $"{name.ToLowerInvariant()}@test.dk", CreatedAt = app.Clock.GetUtcNow() };
                db.KeyPersons.Add(person);
                people[name] = person.Id;
                phones[name] = phone;
            }

            await db.SaveChangesAsync();
        });
        return new CallOutOrg(org, admin, api, people, phones);
    }

    public static Task SubstituteAsync(CallOutFactory app, CallOutOrg o, string person, string substitute, int rank = 1) =>
        app.WithDbAsync(o.Org.Id, async (db, _) =>
        {
            db.KeyPersonSubstitutes.Add(new KeyPersonSubstitute { OrganisationId = o.Org.Id, PersonId = o.People[person], SubstituteId = o.People[substitute], Rank = rank });
            await db.SaveChangesAsync();
        });

    public static Task<Guid> RoleAsync(CallOutFactory app, CallOutOrg o, string name, params string[] holders) =>
        app.WithDbAsync(o.Org.Id, async (db, _) =>
        {
            var role = new StaffRole { OrganisationId = o.Org.Id, Name = name };
            db.StaffRoles.Add(role);
            foreach (var holder in holders)
            {
                db.KeyPersonRoles.Add(new KeyPersonRole { OrganisationId = o.Org.Id, PersonId = o.People[holder], RoleId = role.Id });
            }

            await db.SaveChangesAsync();
            return role.Id;
        });

    /// <summary>A list of persons (by name) or roles (by id with quorum).</summary>
    public static Task<Guid> ListAsync(CallOutFactory app, CallOutOrg o, AlarmMode mode, IEnumerable<string> persons, IEnumerable<(Guid Role, int Quorum)>? roles = null) =>
        app.WithDbAsync(o.Org.Id, async (db, _) =>
        {
            var list = new AlarmList { OrganisationId = o.Org.Id, Name = $"Liste {Guid.NewGuid():N}", Mode = mode };
            var position = 0;
            foreach (var person in persons)
            {
                list.Entries.Add(new AlarmListEntry { OrganisationId = o.Org.Id, Position = ++position, PersonId = o.People[person] });
            }

            foreach (var (role, quorum) in roles ?? [])
            {
                list.Entries.Add(new AlarmListEntry { OrganisationId = o.Org.Id, Position = ++position, RoleId = role, Quorum = quorum });
            }

            db.AlarmLists.Add(list);
            await db.SaveChangesAsync();
            return list.Id;
        });

    public static async Task<HttpResponseMessage> ComposeAsync(CallOutOrg o, object body) =>
        await o.Api.PostAsync("/api/v1/callouts", CrisisLogSteps.Json(body));

    public static async Task<Guid> StartAsync(CallOutFactory app, CallOutOrg o, object body)
    {
        using var composed = await ComposeAsync(o, body);
        Assert.True(composed.StatusCode == HttpStatusCode.Created, await composed.Content.ReadAsStringAsync());
        var id = (await composed.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
        using var confirmed = await o.Api.PostAsync($"/api/v1/callouts/{id}/confirm", CrisisLogSteps.Json(new { secondConfirmation = true }));
        Assert.True(confirmed.StatusCode == HttpStatusCode.OK, await confirmed.Content.ReadAsStringAsync());
        await app.RunJobAsync();
        return id;
    }

    public static async Task<CallOutDto> StatusAsync(CallOutOrg o, Guid id)
    {
        using var response = await o.Api.GetAsync($"/api/v1/callouts/{id}");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<CallOutDto>(Json))!;
    }

    /// <summary>The numbers the fake gateway received, in order.</summary>
    public static List<string> SmsTo(CallOutFactory app, CallOutOrg o) =>
        app.Inbox.Messages.Where(m => o.Phones.ContainsValue(m.To)).Select(m => o.Phones.Single(p => p.Value == m.To).Key).ToList();

    public static string LinkToken(CallOutFactory app, CallOutOrg o, string name)
    {
        var message = app.Inbox.Messages.Last(m => m.To == o.Phones[name]).Message;
        var at = message.IndexOf("/svar/", StringComparison.Ordinal);
        Assert.True(at >= 0, message);
        return message[(at + "/svar/".Length)..].Trim();
    }

    public static async Task AnswerAsync(CallOutFactory app, CallOutOrg o, Guid callOutId, string name, AnswerResponse response, int? eta = null)
    {
        var recipientId = await app.WithDbAsync(o.Org.Id, (db, _) => db.CallOutRecipients.Where(r => r.CallOutId == callOutId && r.PersonId == o.People[name]).Select(r => r.Id).SingleAsync());
        using var answered = await o.Api.PostAsync($"/api/v1/callouts/{callOutId}/recipients/{recipientId}/answer", CrisisLogSteps.Json(new { response = response.ToString(), etaMinutes = eta }));
        Assert.True(answered.StatusCode == HttpStatusCode.NoContent, await answered.Content.ReadAsStringAsync());
    }

    public static Guid Id() => Guid.CreateVersion7();

    public static T Service<T>(CallOutFactory app)
        where T : notnull => app.Services.GetRequiredService<T>();
}
