using System.Buffers;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;

namespace Stabsrum.Features.CrisisLog;

/// <summary>
/// The hash chain over an incident's log: hash(n) = SHA-256(hash(n-1) ‖ canonical content(n)). The canonical
/// content is a fixed-order JSON of every stored field except the hashes, with instants as UTC microseconds
/// (PostgreSQL keeps microseconds, so a finer clock would not survive a round trip or an export).
/// </summary>
public static class LogChain
{
    public const string GenesisHash = "0000000000000000000000000000000000000000000000000000000000000000";

    /// <summary>Both engines store microseconds at most; entries are truncated before they are hashed and saved.</summary>
    public static DateTimeOffset Truncate(DateTimeOffset instant) =>
        new(instant.UtcTicks - (instant.UtcTicks % 10), TimeSpan.Zero);

    public static string Canonical(CrisisLogEntry e)
    {
        var buffer = new ArrayBufferWriter<byte>();
        using (var json = new Utf8JsonWriter(buffer, new JsonWriterOptions { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            json.WriteStartObject();
            json.WriteString("id", e.Id.ToString("D"));
            json.WriteString("organisationId", e.OrganisationId.ToString("D"));
            json.WriteString("incidentId", e.IncidentId.ToString("D"));
            json.WriteNumber("sequence", e.Sequence);
            json.WriteString("kind", e.Kind.ToString());
            json.WriteString("text", e.Text);
            Optional(json, "decidedBy", e.DecidedBy);
            Optional(json, "rationale", e.Rationale);
            Optional(json, "recipient", e.Recipient);
            json.WriteString("occurredAt", Instant(e.OccurredAt));
            json.WriteString("recordedAt", Instant(e.RecordedAt));
            json.WriteBoolean("significant", e.Significant);
            json.WriteString("classification", e.Classification.ToString());
            Optional(json, "correctsEntryId", e.CorrectsEntryId?.ToString("D"));
            Optional(json, "acknowledgesEntryId", e.AcknowledgesEntryId?.ToString("D"));
            json.WriteString("subject", e.Subject.ToString());
            Optional(json, "handoverOpen", e.HandoverOpen);
            Optional(json, "handoverWatch", e.HandoverWatch);
            Optional(json, "authorUserId", e.AuthorUserId?.ToString("D"));
            json.WriteString("authorName", e.AuthorName);
            json.WriteEndObject();
        }

        return Encoding.UTF8.GetString(buffer.WrittenSpan);
    }

    public static string Compute(string previousHash, CrisisLogEntry entry) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(previousHash + "\n" + Canonical(entry))));

    public static string ContentHash(ReadOnlySpan<byte> content) => Convert.ToHexStringLower(SHA256.HashData(content));

    private static string Instant(DateTimeOffset value) =>
        Truncate(value).UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.ffffff'Z'", CultureInfo.InvariantCulture);

    private static void Optional(Utf8JsonWriter json, string name, string? value)
    {
        if (value is null)
        {
            json.WriteNull(name);
        }
        else
        {
            json.WriteString(name, value);
        }
    }
}

/// <summary>The verifier's answer: intact, or the first entry whose link is broken and why.</summary>
public sealed record ChainVerification(
    Guid IncidentId, bool Intact, long EntriesChecked, long? BrokenAtSequence, Guid? BrokenEntryId, string? Problem, string HeadHash);

public static class LogVerifier
{
    /// <summary>Entries in stored order (by sequence). Pure, so the tamper tests can aim at it directly too.</summary>
    public static ChainVerification Verify(Guid incidentId, IReadOnlyList<CrisisLogEntry> entries, long expectedCount, string expectedHead,
        IReadOnlyDictionary<Guid, IReadOnlyList<(string Stored, string Actual)>>? attachmentHashes = null)
    {
        var previous = LogChain.GenesisHash;
        for (var i = 0; i < entries.Count; i++)
        {
            var e = entries[i];
            var expectedSequence = i + 1;
            string? problem = null;
            if (e.Sequence != expectedSequence)
            {
                problem = e.Sequence > expectedSequence
                    ? $"Post nr. {expectedSequence} mangler (fundet nr. {e.Sequence})."
                    : $"Post nr. {e.Sequence} står forkert i rækkefølgen (forventet nr. {expectedSequence}).";
            }
            else if (!string.Equals(e.PreviousHash, previous, StringComparison.Ordinal))
            {
                problem = "Posten peger ikke på den foregående posts hash (en post før den er ændret, fjernet eller flyttet).";
            }
            else if (!string.Equals(LogChain.Compute(previous, e), e.Hash, StringComparison.Ordinal))
            {
                problem = "Postens indhold passer ikke med dens hash (posten er ændret).";
            }
            else if (attachmentHashes is not null && attachmentHashes.TryGetValue(e.Id, out var files) && files.Any(f => f.Stored != f.Actual))
            {
                problem = "Et bilag til posten passer ikke med sin hash (bilaget er ændret).";
            }

            if (problem is not null)
            {
                return new ChainVerification(incidentId, false, i, expectedSequence, e.Id, problem, previous);
            }

            previous = e.Hash;
        }

        if (entries.Count != expectedCount || !string.Equals(previous, expectedHead, StringComparison.Ordinal))
        {
            return new ChainVerification(incidentId, false, entries.Count, entries.Count + 1, null,
                $"Loggen slutter efter post nr. {entries.Count}, men hændelsen har registreret {expectedCount} poster (poster i slutningen er fjernet).", previous);
        }

        return new ChainVerification(incidentId, true, entries.Count, null, null, null, previous);
    }
}
