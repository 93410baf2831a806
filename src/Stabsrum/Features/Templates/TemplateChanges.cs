using Microsoft.EntityFrameworkCore;
using Stabsrum.Infrastructure.Database;
using Stabsrum.Infrastructure.Problems;
using Stabsrum.Infrastructure.Tenancy;
using Stabsrum.Infrastructure.Time;

namespace Stabsrum.Features.Templates;

public sealed record TemplateInput(Guid? Id, string? Name, TemplateKind? Kind, string? Body);

public sealed record RenderInput(Dictionary<string, string>? Values);

public sealed class TemplateChanges(StabsrumDbContext db, CurrentOrganisation current, TimeProvider time)
{
    public async Task<(DocumentTemplate? Template, bool Created, ValidationErrors Errors)> CreateAsync(TemplateInput input, CancellationToken ct)
    {
        if (input.Id is { } id && await db.DocumentTemplates.AsNoTracking().SingleOrDefaultAsync(t => t.Id == id, ct) is { } existing)
        {
            return (existing, false, new ValidationErrors());
        }

        var errors = await ValidateAsync(input, null, ct);
        if (input.Id is { } taken && await db.DocumentTemplates.IgnoreQueryFilters().AnyAsync(t => t.Id == taken, ct))
        {
            errors.Add("id", "Id'et er allerede brugt.");
        }

        if (errors.Any)
        {
            return (null, false, errors);
        }

        var now = time.GetUtcNow();
        var template = new DocumentTemplate
        {
            Name = input.Name!.Trim(),
            Kind = input.Kind!.Value,
            Body = input.Body!,
            OrganisationId = current.RequireOrganisationId(),
            CreatedAt = now,
            UpdatedAt = now,
        };
        if (input.Id is { } clientId && clientId != Guid.Empty)
        {
            template.Id = clientId;
        }

        db.DocumentTemplates.Add(template);
        await db.SaveChangesAsync(ct);
        return (template, true, errors);
    }

    public async Task<(DocumentTemplate? Template, ValidationErrors Errors)> UpdateAsync(Guid id, TemplateInput input, CancellationToken ct)
    {
        var template = await db.DocumentTemplates.SingleOrDefaultAsync(t => t.Id == id, ct);
        if (template is null)
        {
            return (null, new ValidationErrors());
        }

        var errors = await ValidateAsync(input, id, ct);
        if (errors.Any)
        {
            return (null, errors);
        }

        template.Name = input.Name!.Trim();
        template.Kind = input.Kind!.Value;
        template.Body = input.Body!;
        template.UpdatedAt = time.GetUtcNow();
        await db.SaveChangesAsync(ct);
        return (template, errors);
    }

    public async Task<bool> DeleteAsync(Guid id, CancellationToken ct)
    {
        var template = await db.DocumentTemplates.SingleOrDefaultAsync(t => t.Id == id, ct);
        if (template is null)
        {
            return false;
        }

        db.DocumentTemplates.Remove(template);
        await db.SaveChangesAsync(ct);
        return true;
    }

    /// <summary>The values Stabsrum always knows: the organisation, today and the signed-in user.</summary>
    public async Task<Dictionary<string, string>> StandardValuesAsync(CancellationToken ct)
    {
        var now = DanishTime.ToLocal(time.GetUtcNow());
        var organisation = await db.Organisations.AsNoTracking().Where(o => o.Id == current.OrganisationId).Select(o => o.Name).SingleOrDefaultAsync(ct) ?? "";
        return new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["organisation"] = organisation,
            ["dato"] = now.ToString("dd-MM-yyyy", DanishTime.Culture),
            ["tid"] = now.ToString("HH:mm", DanishTime.Culture),
            ["bruger"] = current.UserName ?? "",
        };
    }

    /// <summary>For a preview: the standard values plus examples for what an incident or meeting would fill in.</summary>
    public async Task<Dictionary<string, string>> SampleValuesAsync(CancellationToken ct)
    {
        var values = await StandardValuesAsync(ct);
        values["hændelse.titel"] = "Eksempel: Skybrud i bymidten";
        values["hændelse.niveau"] = "Beredskabsniveau 1";
        values["hændelse.område"] = "Bymidten";
        values["møde.nummer"] = "1";
        values["møde.tidspunkt"] = values["dato"] + " " + values["tid"];
        return values;
    }

    private async Task<ValidationErrors> ValidateAsync(TemplateInput input, Guid? self, CancellationToken ct)
    {
        var errors = new ValidationErrors()
            .Required(nameof(TemplateInput.Name), input.Name, "Navn")
            .Required(nameof(TemplateInput.Body), input.Body, "Indhold", DocumentTemplate.MaxBodyLength);
        if (input.Kind is not { } kind || !Enum.IsDefined(kind))
        {
            errors.Add(nameof(TemplateInput.Kind), "Vælg skabelontype.");
        }

        if (!string.IsNullOrWhiteSpace(input.Name))
        {
            var name = input.Name.Trim();
            if (await db.DocumentTemplates.AnyAsync(t => t.Name == name && t.Id != self, ct))
            {
                errors.Add(nameof(TemplateInput.Name), $"Der findes allerede en skabelon med navnet \"{name}\".");
            }
        }

        return errors;
    }
}
