using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc.ModelBinding;

namespace Stabsrum.Infrastructure.Problems;

/// <summary>
/// Collects field-level validation errors in Danish. The API returns them as a ValidationProblem
/// (field names in camelCase); pages copy them into ModelState next to the field.
/// </summary>
public sealed class ValidationErrors
{
    private readonly Dictionary<string, List<string>> _errors = new(StringComparer.Ordinal);

    public bool Any => _errors.Count > 0;

    public ValidationErrors Add(string field, string message)
    {
        var key = char.ToLowerInvariant(field[0]) + field[1..];
        if (!_errors.TryGetValue(key, out var list))
        {
            _errors[key] = list = [];
        }

        list.Add(message);
        return this;
    }

    public ValidationErrors Required(string field, string? value, string label, int maxLength = 200)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            Add(field, $"{label} skal udfyldes.");
        }
        else if (value.Length > maxLength)
        {
            Add(field, $"{label} må højst være {maxLength} tegn.");
        }

        return this;
    }

    public ValidationErrors Optional(string field, string? value, string label, int maxLength)
    {
        if (value is not null && value.Length > maxLength)
        {
            Add(field, $"{label} må højst være {maxLength} tegn.");
        }

        return this;
    }

    public IReadOnlyDictionary<string, string[]> ToDictionary() => _errors.ToDictionary(e => e.Key, e => e.Value.ToArray());

    public ValidationProblem Problem() => TypedResults.ValidationProblem(ToDictionary(), detail: "Et eller flere felter er ugyldige.");

    /// <summary>Copies the errors into a page's ModelState under the page's property prefix.</summary>
    public void CopyTo(ModelStateDictionary modelState, string prefix = "")
    {
        foreach (var (field, messages) in _errors)
        {
            var key = string.IsNullOrEmpty(prefix) ? field : $"{prefix}.{char.ToUpperInvariant(field[0])}{field[1..]}";
            foreach (var message in messages)
            {
                modelState.AddModelError(key, message);
            }
        }
    }
}
