using System.Globalization;
using System.Xml;
using System.Xml.Linq;
using System.Xml.Schema;
using Stabsrum.Features.Warnings.Geometry;

namespace Stabsrum.Features.Warnings.Cap;

/// <summary>The outcome of reading a CAP document: the alert, or the Danish reasons it was refused.</summary>
public sealed record CapParseResult(CapAlert? Alert, IReadOnlyList<string> Errors)
{
    /// <summary>The document as decoded text, kept as the original record.</summary>
    public string? OriginalXml { get; init; }

    public bool Succeeded => Alert is not null;
}

/// <summary>
/// Reads a CAP 1.1 or 1.2 alert: safe XML loading, the OASIS schema, then the rules the schema cannot express
/// (non-empty references of the right shape, closed polygons, circles, restriction/addresses by scope).
/// CAP 1.1 maps onto the same model as 1.2; any other root element or namespace is refused.
/// </summary>
public static class CapParser
{
    private const int MaxReportedErrors = 10;
    private const string XmlDsigNamespace = "http://www.w3.org/2000/09/xmldsig#";

    public static CapParseResult Parse(ReadOnlyMemory<byte> bytes, int maxBytes = SafeXml.DefaultMaxBytes)
    {
        var doc = SafeXml.TryLoad(bytes, maxBytes, out var loadError);
        return doc is null ? Refused(loadError!) : Parse(doc) with { OriginalXml = SafeXml.DecodeText(bytes, doc) };
    }

    /// <summary>Re-reads a stored original (for the detail view).</summary>
    public static CapParseResult Parse(string xml)
    {
        var doc = SafeXml.TryLoad(xml, out var loadError);
        return doc is null ? Refused(loadError!) : Parse(doc) with { OriginalXml = xml };
    }

    public static CapParseResult Parse(XDocument doc)
    {
        var root = doc.Root!;
        var ns = root.Name.NamespaceName;
        if (root.Name.LocalName != "alert" || ns is not (CapSchemas.Cap11Namespace or CapSchemas.Cap12Namespace))
        {
            return Refused($"Dokumentet er ikke en CAP-meddelelse: rodelementet er '{root.Name.LocalName}' i navnerummet '{ns}'. "
                + $"Kun CAP 1.2 ({CapSchemas.Cap12Namespace}) og CAP 1.1 ({CapSchemas.Cap11Namespace}) modtages.");
        }

        var errors = new List<string>();

        // CAP 1.1 (§3.3.2) allows an enveloped XML-DSig signature on <alert>, but its schema, unlike 1.2's,
        // has no wildcard for it: validate 1.1 without the alert's own Signature children.
        var validated = doc;
        if (ns == CapSchemas.Cap11Namespace && root.Elements(XName.Get("Signature", XmlDsigNamespace)).Any())
        {
            validated = new XDocument(doc);
            validated.Root!.Elements(XName.Get("Signature", XmlDsigNamespace)).Remove();
        }

        validated.Validate(CapSchemas.Schemas, (_, e) =>
        {
            if (errors.Count < MaxReportedErrors)
            {
                var line = e.Exception is { LineNumber: > 0 } ex ? $" (linje {ex.LineNumber})" : "";
                errors.Add($"Skemafejl{line}: {e.Message}");
            }
        });
        if (errors.Count > 0)
        {
            errors.Insert(0, $"Meddelelsen overholder ikke OASIS-skemaet for CAP {(ns == CapSchemas.Cap12Namespace ? "1.2" : "1.1")}.");
            return new CapParseResult(null, errors);
        }

        var reader = new Reader(XNamespace.Get(ns), errors);
        var alert = reader.Alert(root, ns == CapSchemas.Cap12Namespace ? CapVersion.Cap12 : CapVersion.Cap11);
        return errors.Count > 0 ? new CapParseResult(null, errors) : new CapParseResult(alert, []);
    }

    private static CapParseResult Refused(string error) => new(null, [error]);

    /// <summary>Maps the validated XML onto the model, adding CAP-rule violations to the error list.</summary>
    private sealed class Reader(XNamespace cap, List<string> errors)
    {
        public CapAlert Alert(XElement root, CapVersion version)
        {
            var identifier = Required(root, "identifier");
            var sender = Required(root, "sender");
            NoSpacesOrCommas("identifier", identifier);
            NoSpacesOrCommas("sender", sender);
            var scope = Required(root, "scope");
            var restriction = Text(root, "restriction");
            var addresses = Text(root, "addresses");
            if (scope == "Restricted" && string.IsNullOrWhiteSpace(restriction))
            {
                errors.Add("'restriction' skal udfyldes, når scope er 'Restricted'.");
            }

            if (scope == "Private" && string.IsNullOrWhiteSpace(addresses))
            {
                errors.Add("'addresses' skal udfyldes, når scope er 'Private'.");
            }

            return new CapAlert(
                version,
                identifier,
                sender,
                Instant(root, "sent") ?? default,
                Required(root, "status"),
                Required(root, "msgType"),
                Text(root, "source"),
                scope,
                restriction,
                addresses,
                root.Elements(cap + "code").Select(e => e.Value.Trim()).ToList(),
                Text(root, "note"),
                References(root),
                Text(root, "incidents"),
                root.Elements(cap + "info").Select((e, i) => Info(e, i + 1)).ToList(),
                root.Elements(XName.Get("Signature", XmlDsigNamespace)).Any());
        }

        private List<CapReference> References(XElement root)
        {
            var element = root.Element(cap + "references");
            if (element is null)
            {
                return [];
            }

            var entries = element.Value.Split([' ', '\t', '\r', '\n'], StringSplitOptions.RemoveEmptyEntries);
            if (entries.Length == 0)
            {
                errors.Add("'references' er tomt: angiv de refererede meddelelser som 'afsender,identifikator,sendt' eller udelad elementet.");
                return [];
            }

            var result = new List<CapReference>();
            foreach (var entry in entries)
            {
                var parts = entry.Split(',');
                if (parts.Length != 3 || parts[0].Length == 0 || parts[1].Length == 0 || !TryInstant(parts[2], out var sent))
                {
                    errors.Add($"'references' indeholder '{entry}', som ikke har formen 'afsender,identifikator,sendt'.");
                    continue;
                }

                result.Add(new CapReference(parts[0], parts[1], sent));
            }

            return result;
        }

        private CapInfo Info(XElement info, int number)
        {
            var where = $"info nr. {number}";
            return new CapInfo(
                Text(info, "language") ?? "en-US",
                info.Elements(cap + "category").Select(e => e.Value.Trim()).ToList(),
                Required(info, "event", where),
                info.Elements(cap + "responseType").Select(e => e.Value.Trim()).ToList(),
                Required(info, "urgency", where),
                Required(info, "severity", where),
                Required(info, "certainty", where),
                Text(info, "audience"),
                Pairs(info, "eventCode"),
                Instant(info, "effective"),
                Instant(info, "onset"),
                Instant(info, "expires"),
                Text(info, "senderName"),
                Text(info, "headline"),
                Text(info, "description"),
                Text(info, "instruction"),
                Text(info, "web"),
                Text(info, "contact"),
                Pairs(info, "parameter"),
                info.Elements(cap + "resource").Select(Resource).ToList(),
                info.Elements(cap + "area").Select((a, i) => Area(a, $"{where}, område nr. {i + 1}")).ToList());
        }

        private CapResource Resource(XElement r) => new(
            Text(r, "resourceDesc") ?? "",
            Text(r, "mimeType") ?? "",
            long.TryParse(Text(r, "size"), NumberStyles.Integer, CultureInfo.InvariantCulture, out var size) ? size : null,
            Text(r, "uri"),
            Text(r, "derefUri"),
            Text(r, "digest"));

        private CapArea Area(XElement area, string where)
        {
            var polygons = new List<GeoPolygon>();
            foreach (var p in area.Elements(cap + "polygon"))
            {
                if (GeoPolygon.TryParse(p.Value, out var error) is { } polygon)
                {
                    polygons.Add(polygon);
                }
                else
                {
                    errors.Add($"Ugyldig polygon i {where}: {error}.");
                }
            }

            var circles = new List<GeoCircle>();
            foreach (var c in area.Elements(cap + "circle"))
            {
                if (GeoCircle.TryParse(c.Value, out var error) is { } circle)
                {
                    circles.Add(circle);
                }
                else
                {
                    errors.Add($"Ugyldig cirkel i {where}: {error}.");
                }
            }

            return new CapArea(
                Required(area, "areaDesc", where),
                polygons,
                circles,
                Pairs(area, "geocode"),
                Decimal(area, "altitude"),
                Decimal(area, "ceiling"));
        }

        private List<CapValue> Pairs(XElement parent, string name) =>
            parent.Elements(cap + name)
                .Select(e => new CapValue(Text(e, "valueName") ?? "", Text(e, "value") ?? ""))
                .ToList();

        private string? Text(XElement parent, string name)
        {
            var value = parent.Element(cap + name)?.Value.Trim();
            return string.IsNullOrEmpty(value) ? null : value;
        }

        private string Required(XElement parent, string name, string? where = null)
        {
            var value = Text(parent, name);
            if (value is null)
            {
                errors.Add($"'{name}' mangler eller er tomt{(where is null ? "" : " i " + where)}.");
            }

            return value ?? "";
        }

        private DateTimeOffset? Instant(XElement parent, string name)
        {
            var text = Text(parent, name);
            if (text is null)
            {
                return null;
            }

            if (!TryInstant(text, out var value))
            {
                errors.Add($"'{name}' ('{text}') er ikke et tidspunkt med tidszone (fx 2026-12-03T14:00:00+01:00).");
                return null;
            }

            return value;
        }

        private decimal? Decimal(XElement parent, string name) =>
            decimal.TryParse(Text(parent, name), NumberStyles.Float, CultureInfo.InvariantCulture, out var d) ? d : null;

        private void NoSpacesOrCommas(string name, string value)
        {
            if (value.IndexOfAny([' ', ',', '<', '&']) >= 0)
            {
                errors.Add($"'{name}' må ikke indeholde mellemrum, komma, '<' eller '&' ('{value}').");
            }
        }
    }

    /// <summary>CAP times always carry an offset; a time without one is ambiguous and refused.</summary>
    internal static bool TryInstant(string text, out DateTimeOffset value)
    {
        value = default;
        var trimmed = text.Trim();
        var hasOffset = trimmed.Length > 19 && (trimmed.EndsWith('Z') || trimmed[^6] is '+' or '-');
        if (!hasOffset)
        {
            return false;
        }

        try
        {
            value = XmlConvert.ToDateTimeOffset(trimmed);
            return true;
        }
        catch (FormatException)
        {
            return false;
        }
    }
}
