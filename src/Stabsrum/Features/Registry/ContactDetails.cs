using System.Net.Mail;
using Stabsrum.Infrastructure.Problems;

namespace Stabsrum.Features.Registry;

/// <summary>
/// Phone numbers as people type them ("43 97 20 00", "+45 4397 2000", "0045-43972000") normalised to E.164
/// ("+4543972000"), so a call-out gateway can dial them and duplicates can be found.
/// </summary>
public static class PhoneNumber
{
    /// <summary>Null input or blank means "no number"; otherwise the E.164 form or a Danish error.</summary>
    public static (string? Number, string? Error) Normalise(string? input, string label)
    {
        if (string.IsNullOrWhiteSpace(input))
        {
            return (null, null);
        }

        var compact = new string(input.Where(c => !char.IsWhiteSpace(c) && c is not '-' and not '.' and not '(' and not ')' and not '/').ToArray());
        if (compact.StartsWith("00", StringComparison.Ordinal))
        {
            compact = "+" + compact[2..];
        }

        var digits = compact.StartsWith('+') ? compact[1..] : compact;
        var danishHint = "et dansk nummer har 8 cifre, fx 43 97 20 00 eller +45 43 97 20 00";
        if (digits.Length == 0 || !digits.All(char.IsAsciiDigit))
        {
            return (null, $"{label} '{input.Trim()}' er ikke et telefonnummer: {danishHint}.");
        }

        if (!compact.StartsWith('+'))
        {
            // Without a country code only the Danish 8-digit form is unambiguous.
            return digits.Length == 8 && digits[0] != '0'
                ? ("+45" + digits, null)
                : (null, $"{label} '{input.Trim()}' er ugyldigt: {danishHint}. Udenlandske numre skrives med landekode, fx +46 8 123 456 78.");
        }

        if (digits.StartsWith("45", StringComparison.Ordinal))
        {
            return digits.Length == 10 && digits[2] != '0'
                ? ("+" + digits, null)
                : (null, $"{label} '{input.Trim()}' er ugyldigt: efter +45 skal der stå 8 cifre.");
        }

        // E.164: a country code that does not start with 0, at most 15 digits in all.
        return digits.Length is >= 7 and <= 15 && digits[0] != '0'
            ? ("+" + digits, null)
            : (null, $"{label} '{input.Trim()}' er ugyldigt: et internationalt nummer har landekode og højst 15 cifre.");
    }

    /// <summary>"+4543972000" → "+45 43 97 20 00"; other countries are shown as stored.</summary>
    public static string Display(string? e164) =>
        e164 is { Length: 11 } && e164.StartsWith("+45", StringComparison.Ordinal)
            ? $"+45 {e164[3..5]} {e164[5..7]} {e164[7..9]} {e164[9..11]}"
            : e164 ?? "";

    public static string? Phone(this ValidationErrors errors, string field, string? input, string label)
    {
        var (number, error) = Normalise(input, label);
        if (error is not null)
        {
            errors.Add(field, error);
        }

        return number;
    }
}

public static class EmailAddress
{
    public static (string? Address, string? Error) Normalise(string? input, string label = "E-mail")
    {
        if (string.IsNullOrWhiteSpace(input))
        {
            return (null, null);
        }

        var trimmed = input.Trim();
        var at = trimmed.IndexOf('@', StringComparison.Ordinal);
        var valid = trimmed.Length <= 256
            && at > 0
            && trimmed.IndexOf('@', at + 1) < 0
            && trimmed[(at + 1)..].Contains('.', StringComparison.Ordinal)
            && !trimmed.EndsWith('.')
            && !trimmed.Any(char.IsWhiteSpace)
            && MailAddress.TryCreate(trimmed, out var parsed)
            && parsed.Address == trimmed;
        return valid ? (trimmed, null) : (null, $"{label} '{trimmed}' er ikke en gyldig e-mailadresse (fx navn@kommune.dk).");
    }

    public static string? Email(this ValidationErrors errors, string field, string? input, string label = "E-mail")
    {
        var (address, error) = Normalise(input, label);
        if (error is not null)
        {
            errors.Add(field, error);
        }

        return address;
    }
}
