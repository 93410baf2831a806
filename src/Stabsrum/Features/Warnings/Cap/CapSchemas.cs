using System.Xml;
using System.Xml.Schema;

namespace Stabsrum.Features.Warnings.Cap;

/// <summary>
/// The OASIS CAP 1.1 and 1.2 schemas, embedded in the assembly (never fetched) and compiled once.
/// </summary>
internal static class CapSchemas
{
    public const string Cap11Namespace = "urn:oasis:names:tc:emergency:cap:1.1";
    public const string Cap12Namespace = "urn:oasis:names:tc:emergency:cap:1.2";

    private static readonly Lazy<XmlSchemaSet> Set = new(Compile);

    public static XmlSchemaSet Schemas => Set.Value;

    private static XmlSchemaSet Compile()
    {
        var set = new XmlSchemaSet { XmlResolver = null };
        foreach (var name in new[] { "CAP-v1.1.xsd", "CAP-v1.2.xsd" })
        {
            using var stream = typeof(CapSchemas).Assembly.GetManifestResourceStream($"Stabsrum.Features.Warnings.Cap.Schemas.{name}")
                ?? throw new InvalidOperationException($"Embedded schema {name} is missing.");
            using var reader = XmlReader.Create(stream, SafeXml.Settings(1024 * 1024));
            set.Add(XmlSchema.Read(reader, null)!);
        }

        set.Compile();
        return set;
    }
}
