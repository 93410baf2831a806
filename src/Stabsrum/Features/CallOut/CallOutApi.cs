using System.Security.Cryptography;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Stabsrum.Features.Registry;
using Stabsrum.Infrastructure.Database;
using Stabsrum.Infrastructure.Problems;
using Stabsrum.Infrastructure.Security;
using Stabsrum.Infrastructure.Tenancy;
using Stabsrum.Infrastructure.Web;

namespace Stabsrum.Features.CallOut;

/// <summary>/api/v1/callouts: compose, confirm, status, answers, check-in; the SMS gateway's webhooks; settings and exercise opt-ins.</summary>
public static class CallOutApi
{
    public const string WebhookSecretHeader = "X-Stabsrum-Webhook-Secret";

    public sealed record ConfirmInput(bool? SecondConfirmation);

    public sealed record ManualAnswerInput(AnswerResponse? Response, int? EtaMinutes);

    public sealed record SettingsInput(int? FullyEstablishedMinutes, bool? RegenerateWebhookSecret);

    public sealed record SettingsDto(int FullyEstablishedMinutes, bool HasWebhookSecret, string? WebhookSecret);

    public static void MapCallOutApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapApiGroup("/callouts", "Alarmering");
        api.MapGet("/", async (Guid? incidentId, bool? test, CallOutBoard board, CancellationToken ct) => TypedResults.Ok(await board.ListAsync(incidentId, test == true, ct)))
            .RequireAuthorization(Policies.Read);
        api.MapPost("/", Compose).RequireAuthorization(Policies.OperateIncidents);
        api.MapGet("/{id:guid}", async (Guid id, CallOutBoard board, CancellationToken ct) =>
                await board.GetAsync(id, ct) is { } dto ? Results.Ok(dto) : Results.NotFound())
            .RequireAuthorization(Policies.Read);
        api.MapPost("/{id:guid}/confirm", Confirm).RequireAuthorization(Policies.OperateIncidents);
        api.MapPost("/{id:guid}/cancel", Cancel).RequireAuthorization(Policies.OperateIncidents);
        api.MapGet("/{id:guid}/answers", async (Guid id, StabsrumDbContext db, CancellationToken ct) =>
            {
                if (!await db.CallOuts.AnyAsync(c => c.Id == id, ct))
                {
                    return Results.NotFound();
                }

                var answers = await db.CallOutAnswers.AsNoTracking().Where(a => a.CallOutId == id).OrderBy(a => a.ReceivedAt)
                    .Select(a => new AnswerDto(a.Id, a.RecipientId, a.Response, a.EtaMinutes, a.Source, a.RawText, a.FromPhone, a.ReceivedAt)).ToListAsync(ct);
                return Results.Ok(answers);
            })
            .RequireAuthorization(Policies.Read);
        api.MapPost("/{id:guid}/recipients/{recipientId:guid}/answer", ManualAnswer).RequireAuthorization(Policies.OperateIncidents);
        api.MapPost("/{id:guid}/recipients/{recipientId:guid}/check-in", CheckIn).RequireAuthorization(Policies.OperateIncidents);

        var settings = app.MapApiGroup("/callout-settings", "Alarmering");
        settings.MapGet("/", async (CallOutSettingsChanges changes, CancellationToken ct) => TypedResults.Ok(ToDto(await changes.GetAsync(ct))))
            .RequireAuthorization(Policies.Read);
        settings.MapPut("/", UpdateSettings).RequireAuthorization(Policies.Administer);

        var optIns = app.MapApiGroup("/exercise-opt-ins", "Alarmering");
        optIns.MapGet("/", async (StabsrumDbContext db, CancellationToken ct) => TypedResults.Ok(await db.ExerciseOptIns.AsNoTracking().Select(o => o.PersonId).ToListAsync(ct)))
            .RequireAuthorization(Policies.Read);
        optIns.MapPut("/{personId:guid}", async (Guid personId, ExerciseOptIns changes, CancellationToken ct) => await changes.SetAsync(personId, true, ct) ? Results.NoContent() : Results.NotFound())
            .RequireAuthorization(Policies.MaintainRegistry);
        optIns.MapDelete("/{personId:guid}", async (Guid personId, ExerciseOptIns changes, CancellationToken ct) => await changes.SetAsync(personId, false, ct) ? Results.NoContent() : Results.NotFound())
            .RequireAuthorization(Policies.MaintainRegistry);

        // The gateway's webhooks cannot sign in: the per-organisation shared secret (header or ?key=) is the credential.
        var sms = app.MapApiGroup("/sms", "Alarmering");
        sms.MapPost("/inbound", Inbound).AllowAnonymous().DisableAntiforgery();
        sms.MapPost("/status", Status).AllowAnonymous().DisableAntiforgery();
    }

    private static async Task<IResult> Compose(CallOutRequest? input, CallOutComposer composer, CallOutBoard board, CancellationToken ct)
    {
        if (input is null)
        {
            return new ValidationErrors().Add("message", "Forespørgslen mangler.").Problem();
        }

        var (draft, errors) = await composer.ComposeAsync(input, ct);
        if (draft is null)
        {
            return errors.Problem();
        }

        return Results.Created($"/api/v1/callouts/{draft.Id}", await board.GetAsync(draft.Id, ct));
    }

    private static async Task<IResult> Confirm(Guid id, ConfirmInput? input, CallOutEngine engine, CallOutBoard board, CallOutSignal signal, CancellationToken ct)
    {
        var result = await engine.ConfirmAsync(id, input?.SecondConfirmation == true, ct);
        if (result.NotFound)
        {
            return Results.NotFound();
        }

        if (result.NeedsSecondConfirmation)
        {
            return Results.Problem(statusCode: StatusCodes.Status409Conflict, title: "Bekræft en gang til",
                detail: string.Join(" ", result.Errors.ToDictionary().Values.SelectMany(v => v)));
        }

        if (result.Errors.Any)
        {
            return result.Errors.Problem();
        }

        signal.NudgeNow();
        return Results.Ok(await board.GetAsync(id, ct));
    }

    private static async Task<IResult> Cancel(Guid id, StabsrumDbContext db, TimeProvider time, CancellationToken ct)
    {
        var callOut = await db.CallOuts.SingleOrDefaultAsync(c => c.Id == id, ct);
        if (callOut is null)
        {
            return Results.NotFound();
        }

        if (callOut.Status is CallOutStatus.Draft or CallOutStatus.Active)
        {
            callOut.Status = CallOutStatus.Cancelled;
            callOut.CompletedAt = time.GetUtcNow();
            await db.SaveChangesAsync(ct);
        }

        return Results.NoContent();
    }

    private static async Task<IResult> ManualAnswer(Guid id, Guid recipientId, ManualAnswerInput? input, StabsrumDbContext db, CallOutAnswerRecorder recorder, CancellationToken ct)
    {
        if (!await db.CallOutRecipients.AnyAsync(r => r.Id == recipientId && r.CallOutId == id, ct))
        {
            return Results.NotFound();
        }

        var errors = new ValidationErrors();
        if (input?.Response is not (AnswerResponse.Kommer or AnswerResponse.KanIkke))
        {
            errors.Add("response", "Svaret skal være Kommer eller KanIkke.");
        }

        if (input?.EtaMinutes is < 0 or > SmsReplyParser.MaxEtaMinutes || (input?.Response == AnswerResponse.KanIkke && input.EtaMinutes is not null))
        {
            errors.Add("etaMinutes", "Ankomsttid i minutter (0–1440), kun når personen kommer.");
        }

        if (errors.Any)
        {
            return errors.Problem();
        }

        var outcome = await recorder.RecordAsync(recipientId, input!.Response!.Value, input.EtaMinutes, AnswerSource.Manual, ct: ct);
        return outcome switch
        {
            AnswerOutcome.Recorded => Results.NoContent(),
            AnswerOutcome.NotFound => Results.NotFound(),
            _ => Results.Problem(statusCode: StatusCodes.Status409Conflict, title: "Alarmeringen er ikke i gang", detail: "Svar kan kun registreres, mens alarmeringen er i gang eller afsluttet."),
        };
    }

    private static async Task<IResult> CheckIn(Guid id, Guid recipientId, StabsrumDbContext db, TimeProvider time, CrisisLog.CrisisLog log, CancellationToken ct)
    {
        var recipient = await db.CallOutRecipients.SingleOrDefaultAsync(r => r.Id == recipientId && r.CallOutId == id, ct);
        if (recipient is null)
        {
            return Results.NotFound();
        }

        if (recipient.CheckedInAt is null)
        {
            var incidentId = await db.CallOuts.Where(c => c.Id == id).Select(c => c.IncidentId).SingleAsync(ct);
            await using var transaction = await db.Database.BeginTransactionAsync(ct);
            recipient.CheckedInAt = time.GetUtcNow();
            await db.SaveChangesAsync(ct);
            if (incidentId is { } incident)
            {
                await log.AppendAsync(incident, new CrisisLog.NewLogEntry(Guid.CreateVersion7(), CrisisLog.LogEntryKind.Information, $"Alarmering: {recipient.Name} er mødt.", Recipient: null), ct);
            }

            await transaction.CommitAsync(ct);
        }

        return Results.NoContent();
    }

    private static async Task<IResult> UpdateSettings(SettingsInput? input, CallOutSettingsChanges changes, CancellationToken ct)
    {
        var (result, errors) = await changes.UpdateAsync(input?.FullyEstablishedMinutes, input?.RegenerateWebhookSecret == true, ct);
        return result is null ? errors.Problem() : Results.Ok(ToDto(result));
    }

    private static SettingsDto ToDto(CallOutSettingsResult r) => new(r.FullyEstablishedMinutes, r.HasWebhookSecret, r.WebhookSecret);

    public static string HashSecret(string secret) => CallOutSettingsChanges.HashSecret(secret);

    private static async Task<Guid?> AuthenticateWebhookAsync(HttpRequest request, StabsrumDbContext db, CancellationToken ct)
    {
        var secret = request.Headers[WebhookSecretHeader].FirstOrDefault() ?? request.Query["key"].FirstOrDefault();
        if (string.IsNullOrEmpty(secret) || secret.Length > 200)
        {
            return null;
        }

        var hash = HashSecret(secret);
        return await db.CallOutSettings.IgnoreQueryFilters().AsNoTracking().Where(s => s.WebhookSecretHash == hash).Select(s => (Guid?)s.OrganisationId).SingleOrDefaultAsync(ct);
    }

    private static IResult Unauthorized() =>
        Results.Problem(statusCode: StatusCodes.Status401Unauthorized, title: "Ukendt webhook-nøgle", detail: $"Send organisationens webhook-nøgle i {WebhookSecretHeader} eller som ?key=.");

    /// <summary>Reads named fields from a JSON object or a form body; null when the body is neither.</summary>
    private static async Task<Dictionary<string, string>?> FieldsAsync(HttpRequest request, CancellationToken ct)
    {
        var fields = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        try
        {
            if (request.HasFormContentType)
            {
                foreach (var (key, value) in await request.ReadFormAsync(ct))
                {
                    fields[key] = value.ToString();
                }

                return fields;
            }

            using var doc = await JsonDocument.ParseAsync(request.Body, cancellationToken: ct);
            if (doc.RootElement.ValueKind != JsonValueKind.Object)
            {
                return null;
            }

            foreach (var property in doc.RootElement.EnumerateObject())
            {
                fields[property.Name] = property.Value.ValueKind == JsonValueKind.String ? property.Value.GetString()! : property.Value.GetRawText();
            }

            return fields;
        }
        catch (Exception e) when (e is JsonException or InvalidDataException or IOException or BadHttpRequestException)
        {
            return null;
        }
    }

    private static async Task<IResult> Inbound(HttpRequest request, StabsrumDbContext db, CallOutAnswerRecorder recorder, IOptions<SmsGatewayOptions> options, CancellationToken ct)
    {
        if (await AuthenticateWebhookAsync(request, db, ct) is not { } organisationId)
        {
            return Unauthorized();
        }

        var fields = await FieldsAsync(request, ct);
        var o = options.Value;
        if (fields is null || !fields.TryGetValue(o.InboundFromField, out var from) || string.IsNullOrWhiteSpace(from) || !fields.TryGetValue(o.InboundTextField, out var text))
        {
            return new ValidationErrors().Add(o.InboundFromField, $"Et indgående SMS skal have felterne '{o.InboundFromField}' og '{o.InboundTextField}' (JSON eller formular).").Problem();
        }

        var (outcome, parsed) = await recorder.InboundSmsAsync(organisationId, from, text, ct);
        return Results.Ok(new { recorded = outcome == AnswerOutcome.Recorded, response = parsed.Response.ToString(), parsed.EtaMinutes, parsed.Problem });
    }

    private static async Task<IResult> Status(HttpRequest request, StabsrumDbContext db, CallOutAnswerRecorder recorder, IOptions<SmsGatewayOptions> options, CancellationToken ct)
    {
        if (await AuthenticateWebhookAsync(request, db, ct) is not { } organisationId)
        {
            return Unauthorized();
        }

        var fields = await FieldsAsync(request, ct);
        var o = options.Value;
        if (fields is null || !fields.TryGetValue(o.ReceiptStatusField, out var status))
        {
            return new ValidationErrors().Add(o.ReceiptStatusField, $"En leveringskvittering skal have feltet '{o.ReceiptStatusField}' og '{o.ReceiptReferenceField}' eller '{o.ReceiptIdField}'.").Problem();
        }

        var found = await recorder.ReceiptAsync(organisationId, fields.GetValueOrDefault(o.ReceiptReferenceField), fields.GetValueOrDefault(o.ReceiptIdField), status, ct);
        return found ? Results.NoContent() : Results.NotFound();
    }
}

/// <summary>Who receives exercise call-outs: only key persons who opted in.</summary>
public sealed class ExerciseOptIns(StabsrumDbContext db, CurrentOrganisation current, TimeProvider time)
{
    public async Task<bool> SetAsync(Guid personId, bool optedIn, CancellationToken ct)
    {
        if (!await db.KeyPersons.AnyAsync(p => p.Id == personId && p.ErasedAt == null, ct))
        {
            return false;
        }

        var existing = await db.ExerciseOptIns.SingleOrDefaultAsync(o => o.PersonId == personId, ct);
        if (optedIn && existing is null)
        {
            db.ExerciseOptIns.Add(new ExerciseOptIn { OrganisationId = current.RequireOrganisationId(), PersonId = personId, CreatedAt = time.GetUtcNow() });
        }
        else if (!optedIn && existing is not null)
        {
            db.ExerciseOptIns.Remove(existing);
        }

        await db.SaveChangesAsync(ct);
        return true;
    }
}
