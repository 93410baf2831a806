using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Text.RegularExpressions;
using Stabsrum.Features.Warnings.Cap;
using Stabsrum.Infrastructure.Tenancy;
using Stabsrum.Tests.Infrastructure;

namespace Stabsrum.Tests.Warnings;

/// <summary>
/// The XXE/XInclude/schema-location attack files, pointed at a loopback listener we own: they are refused
/// and the listener never sees a connection attempt (a fetch would queue one, which Pending() reports).
/// </summary>
public sealed class XxeTests(StabsrumFactory app) : IClassFixture<StabsrumFactory>, IDisposable
{
    private readonly TcpListener _listener = StartListener();

    private string Target => $"127.0.0.1:{((IPEndPoint)_listener.LocalEndpoint).Port}";

    public static TheoryData<string> Attacks => new() { "with DTD", "without DTD" };

    [Theory]
    [MemberData(nameof(Attacks))]
    public void Parsing_the_xee_alert_refuses_it_and_makes_no_connection(string variant)
    {
        var result = CapParser.Parse(Encoding.UTF8.GetBytes(Attack("xee.cap", variant)));

        Assert.False(result.Succeeded);
        Assert.False(_listener.Pending(), "The parser connected to the address in the document.");
    }

    [Theory]
    [MemberData(nameof(Attacks))]
    public async Task Posting_the_xee_alert_is_refused_stores_nothing_and_makes_no_connection(string variant)
    {
        var org = await app.CreateOrganisationAsync();
        var api = await app.CreateApiClientAsync(await app.CreateUserAsync(org, OrganisationRole.Stabsmedlem), org);

        using var response = await WarningsApiTests.PostCapAsync(api, Encoding.UTF8.GetBytes(Attack("xee.cap", variant)));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var body = await response.Content.ReadAsStringAsync();
        Assert.Contains(variant == "with DTD" ? "DTD" : "skema", body, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("root:", body, StringComparison.Ordinal);
        Assert.False(_listener.Pending());
        Assert.Equal(0, await app.WithDbAsync(org.Id, async (db, _) => db.Set<Stabsrum.Features.Warnings.Warning>().Count()));
    }

    [Fact]
    public async Task The_listener_does_see_a_connection_attempt()
    {
        // Control: proves Pending() reports a connection, so the assertions above can fail.
        using var client = new TcpClient();
        await client.ConnectAsync(IPAddress.Loopback, ((IPEndPoint)_listener.LocalEndpoint).Port);

        Assert.True(_listener.Pending());
    }

    [Fact]
    public void An_internal_entity_bomb_is_refused()
    {
        const string Bomb = """
            <?xml version="1.0"?>
            <!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">]>
            <alert xmlns="urn:oasis:names:tc:emergency:cap:1.2"><identifier>&lol2;</identifier></alert>
            """;

        var result = CapParser.Parse(Encoding.UTF8.GetBytes(Bomb.Trim()));

        Assert.Contains("DTD", Assert.Single(result.Errors), StringComparison.Ordinal);
    }

    internal string Attack(string file, string variant)
    {
        var xml = File.ReadAllText(CapCorpus.Path(file))
            .Replace("localhost:8080", Target, StringComparison.Ordinal)
            .Replace("googleusercontent.com", Target, StringComparison.Ordinal)
            .Replace("http://http://", "http://", StringComparison.Ordinal);
        Assert.Contains(Target, xml, StringComparison.Ordinal);
        return variant == "with DTD"
            ? xml
            : Regex.Replace(xml.Replace("&xxe;", "", StringComparison.Ordinal), @"<!DOCTYPE.*?\]>", "", RegexOptions.Singleline);
    }

    public void Dispose() => _listener.Stop();

    private static TcpListener StartListener()
    {
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return listener;
    }
}
