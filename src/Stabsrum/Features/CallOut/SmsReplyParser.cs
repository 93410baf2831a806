using System.Globalization;
using System.Text;

namespace Stabsrum.Features.CallOut;

/// <summary>What an SMS reply said, or <see cref="AnswerResponse.Ukendt"/> with the reason it was not read.</summary>
public sealed record ParsedReply(AnswerResponse Response, int? EtaMinutes, string? Problem = null);

/// <summary>
/// Reads SMS replies to a call-out: "1", "JA 20", "ja, 15 min", "kommer 1 time", "2", "NEJ", "kan ikke".
/// Strict on purpose: the first word must say yes or no, and what follows may only be an arrival time in minutes
/// (or hours) with a few filler words. Anything else is <see cref="AnswerResponse.Ukendt"/> — logged and shown to the
/// staff, never guessed ("ja nej", "måske 20", "ring til mig").
/// </summary>
public static class SmsReplyParser
{
    public const int MaxEtaMinutes = 24 * 60;

    private static readonly HashSet<string> Yes = new(StringComparer.Ordinal) { "1", "ja", "j", "jo", "kommer", "yes", "y", "ok", "okay" };
    private static readonly HashSet<string> No = new(StringComparer.Ordinal) { "2", "nej", "n", "no", "kanikke", "afbud" };
    private static readonly HashSet<string> Filler = new(StringComparer.Ordinal) { "tak", "om", "ca", "cirka", "jeg", "kommer", "er", "der" };
    private static readonly HashSet<string> MinuteWords = new(StringComparer.Ordinal) { "m", "min", "mins", "minut", "minutter" };
    private static readonly HashSet<string> HourWords = new(StringComparer.Ordinal) { "t", "time", "timer", "h" };

    public static ParsedReply Parse(string? text)
    {
        var words = Words(text);
        if (words.Count == 0)
        {
            return new ParsedReply(AnswerResponse.Ukendt, null, "Tomt svar.");
        }

        // "kan ikke" is two words meaning one thing.
        if (words.Count >= 2 && words[0] == "kan" && words[1] == "ikke")
        {
            words = ["kanikke", .. words.Skip(2)];
        }

        var first = words[0];
        AnswerResponse response;
        if (Yes.Contains(first))
        {
            response = AnswerResponse.Kommer;
        }
        else if (No.Contains(first))
        {
            response = AnswerResponse.KanIkke;
        }
        else
        {
            // "20" alone or "1 20" without a keyword is not read as yes: a number may be anything.
            return new ParsedReply(AnswerResponse.Ukendt, null, "Svaret begynder hverken med 1/ja eller 2/nej.");
        }

        int? eta = null;
        for (var i = 1; i < words.Count; i++)
        {
            var word = words[i];
            if (Filler.Contains(word) || MinuteWords.Contains(word))
            {
                continue;
            }

            if (Yes.Contains(word) && word != "1" && response == AnswerResponse.Kommer)
            {
                continue; // "ja ok"
            }

            if (TryNumber(word, out var number, out var unit))
            {
                if (response != AnswerResponse.Kommer || eta is not null)
                {
                    return new ParsedReply(AnswerResponse.Ukendt, null, "Svaret indeholder et tal, der ikke kan læses som ankomsttid.");
                }

                var hours = unit is not null ? HourWords.Contains(unit) : i + 1 < words.Count && HourWords.Contains(words[i + 1]);
                if (unit is not null && !hours && !MinuteWords.Contains(unit))
                {
                    return new ParsedReply(AnswerResponse.Ukendt, null, $"Ukendt enhed '{unit}'.");
                }

                if (hours && unit is null)
                {
                    i++;
                }

                var minutes = hours ? number * 60 : number;
                if (minutes is < 0 or > MaxEtaMinutes)
                {
                    return new ParsedReply(AnswerResponse.Ukendt, null, "Ankomsttiden skal være mellem 0 og 1440 minutter.");
                }

                eta = minutes;
                continue;
            }

            return new ParsedReply(AnswerResponse.Ukendt, null, $"Ordet '{word}' kan ikke læses.");
        }

        return new ParsedReply(response, eta);
    }

    /// <summary>Lower-case words; punctuation separates; Danish letters kept.</summary>
    private static List<string> Words(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return [];
        }

        var cleaned = new StringBuilder(text.Length);
        foreach (var c in text.Trim().Normalize(NormalizationForm.FormC).ToLower(CultureInfo.GetCultureInfo("da-DK")))
        {
            cleaned.Append(char.IsLetterOrDigit(c) ? c : ' ');
        }

        return cleaned.ToString().Split(' ', StringSplitOptions.RemoveEmptyEntries).ToList();
    }

    /// <summary>"20", "20min", "1t": the number and an optional unit glued to it.</summary>
    private static bool TryNumber(string word, out int number, out string? unit)
    {
        var digits = 0;
        while (digits < word.Length && char.IsAsciiDigit(word[digits]))
        {
            digits++;
        }

        unit = digits < word.Length ? word[digits..] : null;
        number = 0;
        return digits is > 0 and <= 4 && int.TryParse(word.AsSpan(0, digits), NumberStyles.None, CultureInfo.InvariantCulture, out number);
    }
}
