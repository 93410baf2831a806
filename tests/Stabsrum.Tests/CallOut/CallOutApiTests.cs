using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Stabsrum.Features.CallOut;
using Stabsrum.Features.Registry;
using Stabsrum.Tests.CrisisLog;
using Stabsrum.Tests.Infrastructure;
using static Stabsrum.Tests.CallOut.CallOutSteps;

namespace Stabsrum.Tests.CallOut;

public sealed class CallOutApiTests(CallOutFactory app) : IClassFixture<CallOutFactory>
{
    [Fact]
    public async Task An_exercise_reaches_only_persons_opted_in_for_exercises()
    {
        var o = await SetUpAsync(app, "Ivan", "Jens", "Karen");
        var list = await ListAsync(app, o, AlarmMode.NotifyAll, ["Ivan", "Jens", "Karen"]);
        var exercise = await CrisisLogSteps.CreateIncidentAsync(o.Api, "Øvelse Skybrud", exercise: true);

        // Nobody opted in: refused, nothing saved.
        using (var refused = await ComposeAsync(o, new { id = Id(), incidentId = exercise, message = "Øvelse", alarmListIds = new[] { list }, channels = SmsOnly }))
        {
            var problem = await CrisisLogSteps.ProblemAsync(refused, HttpStatusCode.BadRequest);
            Assert.Contains("tilmeldt øvelses", problem.GetProperty("errors").GetProperty("personIds")[0].GetString(), StringComparison.Ordinal);
        }

        Assert.Equal(0, await app.WithDbAsync(o.Org.Id, (db, _) => db.CallOuts.CountAsync()));

        using (var optIn = await o.Api.PutAsync($"/api/v1/exercise-opt-ins/{o.People["Jens"]}", null))
        {
            Assert.Equal(HttpStatusCode.NoContent, optIn.StatusCode);
        }

        var id = await StartAsync(app, o, new { id = Id(), incidentId = exercise, message = "Øvelse", alarmListIds = new[] { list }, channels = SmsAndEmail });
        app.Clock.Advance(TimeSpan.FromHours(2));
        await app.RunJobAsync();
        await app.RunJobAsync();

        Assert.Equal(["Jens"], SmsTo(app, o));
        var status = await StatusAsync(o, id);
        Assert.Equal(CallOutKind.Exercise, status.Kind);
        Assert.Equal("Jens", Assert.Single(status.Recipients).Name);
        Assert.Equal(2, status.LeftOut);
        Assert.StartsWith("ØVELSE", app.Inbox.Messages.Single(m => m.To == o.Phones["Jens"]).Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_large_real_call_out_needs_a_second_confirmation()
    {
        var names = Enumerable.Range(1, 21).Select(i => $"Medarbejder{i}").ToArray();
        var o = await SetUpAsync(app, names);
        var incident = await CrisisLogSteps.CreateIncidentAsync(o.Api);
        using var composed = await ComposeAsync(o, new { id = Id(), incidentId = incident, message = "Alle mand", personIds = o.People.Values, channels = SmsOnly });
        var id = (await composed.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();

        using (var first = await o.Api.PostAsync($"/api/v1/callouts/{id}/confirm", CrisisLogSteps.Json(new { })))
        {
            var problem = await CrisisLogSteps.ProblemAsync(first, HttpStatusCode.Conflict);
            Assert.Contains("21 personer", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
        }

        await app.RunJobAsync();
        Assert.Empty(SmsTo(app, o));
        Assert.Equal(CallOutStatus.Draft, (await StatusAsync(o, id)).Status);

        using (var second = await o.Api.PostAsync($"/api/v1/callouts/{id}/confirm", CrisisLogSteps.Json(new { secondConfirmation = true })))
        {
            Assert.Equal(HttpStatusCode.OK, second.StatusCode);
        }

        await app.RunJobAsync();
        Assert.Equal(21, SmsTo(app, o).Distinct().Count());
    }

    [Fact]
    public async Task Bad_input_is_a_problem_and_saves_nothing()
    {
        var o = await SetUpAsync(app, "Lars");
        var cases = new object[]
        {
            new { id = Id(), message = "", personIds = new[] { o.People["Lars"] }, channels = SmsOnly },
            new { id = Id(), message = "x", personIds = Array.Empty<Guid>(), channels = SmsOnly },
            new { id = Id(), message = "x", personIds = new[] { o.People["Lars"] }, channels = Array.Empty<string>() },
            new { id = Id(), message = "x", personIds = new[] { Guid.NewGuid() }, channels = SmsOnly },
            new { id = Id(), message = "x", alarmListIds = new[] { Guid.NewGuid() }, channels = SmsOnly },
            new { id = Id(), incidentId = Guid.NewGuid(), message = "x", personIds = new[] { o.People["Lars"] }, channels = SmsOnly },
            new { id = Guid.Empty, message = "x", personIds = new[] { o.People["Lars"] }, channels = SmsOnly },
            new { id = Id(), message = new string('x', 1001), personIds = new[] { o.People["Lars"] }, channels = SmsOnly },
            new { id = Id(), message = "x", personIds = new[] { o.People["Lars"] }, channels = SmsOnly, answerTimeoutMinutes = 0 },
        };
        foreach (var body in cases)
        {
            using var response = await ComposeAsync(o, body);
            await CrisisLogSteps.ProblemAsync(response, HttpStatusCode.BadRequest);
        }

        using (var wrongChannel = await o.Api.PostAsync("/api/v1/callouts", CrisisLogSteps.RawJson("""{"id":"0193a000-0000-7000-8000-000000000001","message":"x","channels":["Brevdue"]}""")))
        {
            Assert.Equal(HttpStatusCode.BadRequest, wrongChannel.StatusCode);
            Assert.Equal("application/problem+json", wrongChannel.Content.Headers.ContentType?.MediaType);
        }

        using (var missing = await o.Api.PostAsync($"/api/v1/callouts/{Guid.NewGuid()}/confirm", CrisisLogSteps.Json(new { })))
        {
            await CrisisLogSteps.ProblemAsync(missing, HttpStatusCode.NotFound);
        }

        Assert.Equal(0, await app.WithDbAsync(o.Org.Id, (db, _) => db.CallOuts.CountAsync()));
        Assert.Equal(0, await app.WithDbAsync(o.Org.Id, (db, _) => db.CallOutRecipients.CountAsync()));
    }

    [Fact]
    public async Task The_same_id_twice_is_one_call_out_and_another_organisation_sees_nothing()
    {
        var o = await SetUpAsync(app, "Mette");
        var id = Id();
        var body = new { id, message = "Samme", personIds = new[] { o.People["Mette"] }, channels = SmsOnly };
        using (var first = await ComposeAsync(o, body))
        using (var again = await ComposeAsync(o, body))
        {
            Assert.Equal(HttpStatusCode.Created, first.StatusCode);
            Assert.Equal(HttpStatusCode.Created, again.StatusCode);
        }

        using (var different = await ComposeAsync(o, new { id, message = "Anden", personIds = new[] { o.People["Mette"] }, channels = SmsOnly }))
        {
            await CrisisLogSteps.ProblemAsync(different, HttpStatusCode.BadRequest);
        }

        Assert.Equal(1, await app.WithDbAsync(o.Org.Id, (db, _) => db.CallOuts.CountAsync()));
        var other = await SetUpAsync(app, "Fremmed");
        using var peek = await other.Api.GetAsync($"/api/v1/callouts/{id}");
        Assert.Equal(HttpStatusCode.NotFound, peek.StatusCode);
        using var confirm = await other.Api.PostAsync($"/api/v1/callouts/{id}/confirm", CrisisLogSteps.Json(new { }));
        Assert.Equal(HttpStatusCode.NotFound, confirm.StatusCode);
    }

    [Fact]
    public async Task Webhooks_authenticate_by_the_organisations_secret_and_record_replies_and_receipts()
    {
        var o = await SetUpAsync(app, "Niels", "Ole");
        var id = await StartAsync(app, o, new { id = Id(), message = "SMS-test", personIds = new[] { o.People["Niels"], o.People["Ole"] }, channels = SmsOnly });
        var anonymous = app.CreateClient();

        using (var noSecret = await anonymous.PostAsync("/api/v1/sms/inbound", CrisisLogSteps.Json(new { from = o.Phones["Niels"], message = "1" })))
        {
            await CrisisLogSteps.ProblemAsync(noSecret, HttpStatusCode.Unauthorized);
        }

        string secret;
        using (var settings = await o.Api.PutAsync("/api/v1/callout-settings", CrisisLogSteps.Json(new { regenerateWebhookSecret = true })))
        {
            Assert.Equal(HttpStatusCode.OK, settings.StatusCode);
            secret = (await settings.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("webhookSecret").GetString()!;
        }

        using (var wrong = await anonymous.PostAsync("/api/v1/sms/inbound?key=whk_forkert", CrisisLogSteps.Json(new { from = o.Phones["Niels"], message = "1" })))
        {
            await CrisisLogSteps.ProblemAsync(wrong, HttpStatusCode.Unauthorized);
        }

        Assert.Equal(0, await app.WithDbAsync(o.Org.Id, (db, _) => db.CallOutAnswers.CountAsync()));

        // JSON with the secret in a header; the number as a Danish gateway sends it (digits only).
        using (var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/sms/inbound") { Content = CrisisLogSteps.Json(new { from = o.Phones["Niels"].TrimStart('+'), message = "ja, 15 min" }) })
        {
            request.Headers.Add(CallOutApi.WebhookSecretHeader, secret);
            using var yes = await anonymous.SendAsync(request);
            Assert.Equal(HttpStatusCode.OK, yes.StatusCode);
        }

        // A form body with the secret as ?key=: unreadable, so stored and shown, not guessed.
        using (var unclear = await anonymous.PostAsync($"/api/v1/sms/inbound?key={secret}", new FormUrlEncodedContent([new("from", o.Phones["Ole"]), new("message", "måske senere")])))
        {
            Assert.Equal(HttpStatusCode.OK, unclear.StatusCode);
        }

        using (var stranger = await anonymous.PostAsync($"/api/v1/sms/inbound?key={secret}", CrisisLogSteps.Json(new { from = "+4599999999", message = "1" })))
        {
            Assert.Equal(HttpStatusCode.OK, stranger.StatusCode);
        }

        using (var broken = await anonymous.PostAsync($"/api/v1/sms/inbound?key={secret}", CrisisLogSteps.RawJson("{\"from\":")))
        {
            await CrisisLogSteps.ProblemAsync(broken, HttpStatusCode.BadRequest);
        }

        // Delivery receipt by our reference (the attempt id the gateway echoes).
        var oleAttempt = await app.WithDbAsync(o.Org.Id, (db, _) => db.CallOutAttempts.Where(a => a.CallOutId == id).Join(db.CallOutRecipients.Where(r => r.Name == "Ole"), a => a.RecipientId, r => r.Id, (a, r) => a.Id).SingleAsync());
        using (var receipt = await anonymous.PostAsync($"/api/v1/sms/status?key={secret}", CrisisLogSteps.Json(new { reference = oleAttempt.ToString("N"), status = "DELIVERED" })))
        {
            Assert.Equal(HttpStatusCode.NoContent, receipt.StatusCode);
        }

        var status = await StatusAsync(o, id);
        var niels = status.Recipients.Single(r => r.Name == "Niels");
        Assert.Equal(AnswerResponse.Kommer, niels.Response);
        Assert.Equal(15, niels.EtaMinutes);
        Assert.Equal(AnswerSource.Sms, niels.AnswerSource);
        Assert.Equal(AttemptStatus.Answered, niels.Attempts.Single().Status);
        var ole = status.Recipients.Single(r => r.Name == "Ole");
        Assert.Null(ole.Response);
        Assert.Equal(AttemptStatus.Delivered, ole.Attempts.Single().Status);
        Assert.Equal("måske senere", Assert.Single(status.UnreadableAnswers).RawText);
        var strangers = await app.WithDbAsync(o.Org.Id, (db, _) => db.CallOutAnswers.CountAsync(a => a.CallOutId == null && a.FromPhone == "+4599999999"));
        Assert.Equal(1, strangers);
    }

    [Fact]
    public async Task The_answer_link_page_records_once_and_refuses_forged_and_replayed_links()
    {
        var o = await SetUpAsync(app, "Pia", "Rasmus");
        var incident = await CrisisLogSteps.CreateIncidentAsync(o.Api, "Oversvømmelse");
        var id = await StartAsync(app, o, new { id = Id(), incidentId = incident, message = "Mød ind", personIds = new[] { o.People["Pia"], o.People["Rasmus"] }, channels = SmsOnly });
        var token = LinkToken(app, o, "Pia");
        var phone = app.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });

        var page = WebUtility.HtmlDecode(await phone.GetStringAsync($"/svar/{token}"));
        Assert.Contains("Mød ind", page, StringComparison.Ordinal);
        Assert.Contains("Pia", page, StringComparison.Ordinal);

        using (var forged = await phone.GetAsync($"/svar/{token[..^2]}xx"))
        {
            Assert.Equal(HttpStatusCode.NotFound, forged.StatusCode);
            Assert.DoesNotContain("Mød ind", WebUtility.HtmlDecode(await forged.Content.ReadAsStringAsync()), StringComparison.Ordinal);
        }

        // No antiforgery token and no cookie: the link's token is the only credential (see AnswerModel).
        Assert.DoesNotContain("__RequestVerificationToken", page, StringComparison.Ordinal);
        using (var invalid = await AnswerFormAsync(phone, token, "kommer", "2000"))
        {
            Assert.Equal(HttpStatusCode.OK, invalid.StatusCode);
            Assert.Contains("mellem 0 og 1440 minutter", WebUtility.HtmlDecode(await invalid.Content.ReadAsStringAsync()), StringComparison.Ordinal);
        }

        using (var answered = await AnswerFormAsync(phone, token, "kommer", "25"))
        {
            Assert.Equal(HttpStatusCode.SeeOther, answered.StatusCode);
            Assert.Equal($"/svar/{token}", answered.Headers.Location!.OriginalString);
            var done = WebUtility.HtmlDecode(await phone.GetStringAsync(answered.Headers.Location));
            Assert.Contains("Dit svar er registreret: du kommer om ca. 25 minutter", done, StringComparison.Ordinal);
            Assert.DoesNotContain("Send svar", done, StringComparison.Ordinal);
        }

        using (var replay = await AnswerFormAsync(phone, token, "kan-ikke"))
        {
            Assert.Equal(HttpStatusCode.Conflict, replay.StatusCode);
            Assert.Contains("allerede svaret", WebUtility.HtmlDecode(await replay.Content.ReadAsStringAsync()), StringComparison.Ordinal);
        }

        using (var forgedPost = await AnswerFormAsync(phone, token[..^2] + "xx", "kommer"))
        {
            Assert.Equal(HttpStatusCode.NotFound, forgedPost.StatusCode);
        }

        await app.RunJobAsync();
        var status = await StatusAsync(o, id);
        var pia = status.Recipients.Single(r => r.Name == "Pia");
        Assert.Equal(AnswerResponse.Kommer, pia.Response);
        Assert.Equal(25, pia.EtaMinutes);
        Assert.Null(status.Recipients.Single(r => r.Name == "Rasmus").Response);
        Assert.Equal(1, await app.WithDbAsync(o.Org.Id, (db, _) => db.CallOutAnswers.CountAsync(a => a.CallOutId == id)));
        var log = await CrisisLogSteps.LogAsync(o.Api, incident);
        Assert.Contains(log, e => e.GetProperty("text").GetString()!.Contains("Pia kommer", StringComparison.Ordinal));

        // Expired after 24 hours.
        app.Clock.Advance(TimeSpan.FromHours(25));
        using var expired = await phone.GetAsync($"/svar/{LinkToken(app, o, "Rasmus")}");
        Assert.Equal(HttpStatusCode.Gone, expired.StatusCode);
    }

    [Fact]
    public async Task A_test_call_out_marks_the_answering_persons_contact_data_as_verified()
    {
        var o = await SetUpAsync(app, "Søren", "Tove");
        var id = await StartAsync(app, o, new { id = Id(), message = "Prøve", personIds = new[] { o.People["Søren"], o.People["Tove"] }, channels = SmsOnly });
        Assert.Equal(CallOutKind.Test, (await StatusAsync(o, id)).Kind);
        Assert.StartsWith("PRØVEALARM", app.Inbox.Messages.Last(m => m.To == o.Phones["Søren"]).Message, StringComparison.Ordinal);

        var phone = app.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });
        using (var answered = await AnswerFormAsync(phone, LinkToken(app, o, "Søren"), "kan-ikke"))
        {
            Assert.Equal(HttpStatusCode.SeeOther, answered.StatusCode);
        }

        var verified = await app.WithDbAsync(o.Org.Id, (db, _) => db.KeyPersons.Where(p => p.Name == "Søren" || p.Name == "Tove").ToDictionaryAsync(p => p.Name, p => p.ContactVerifiedAt));
        Assert.True((app.Clock.GetUtcNow() - verified["Søren"]!.Value).Duration() < TimeSpan.FromMilliseconds(1)); // PostgreSQL keeps microseconds
        Assert.Null(verified["Tove"]);
    }

    /// <summary>Posts the answer form as the phone's browser does (the form has no hidden fields).</summary>
    public static Task<HttpResponseMessage> AnswerFormAsync(HttpClient phone, string token, string choice, string? eta = null)
    {
        var fields = new Dictionary<string, string> { ["Choice"] = choice };
        if (eta is not null)
        {
            fields["EtaMinutes"] = eta;
        }

        return phone.PostAsync($"/svar/{token}", new FormUrlEncodedContent(fields));
    }
}
