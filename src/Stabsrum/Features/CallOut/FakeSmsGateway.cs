using System.Collections.Concurrent;
using System.Text.Json;

namespace Stabsrum.Features.CallOut;

/// <summary>A message as the fake gateway received it over HTTP.</summary>
public sealed record FakeSms(string Id, string To, string Message, string? Reference, DateTimeOffset ReceivedAt);

/// <summary>
/// A local stand-in for an SMS provider, mapped only in Development and Testing: <see cref="HttpSmsGateway"/> posts to
/// it over HTTP exactly as to a real provider (same code path), it checks the auth header, keeps the messages in
/// memory and lists them at <c>GET /udvikling/sms-gateway</c>. <see cref="FakeSmsInbox.FailNext"/> makes it answer 500.
/// </summary>
public sealed class FakeSmsInbox
{
    private readonly ConcurrentQueue<FakeSms> _messages = new();

    public IReadOnlyList<FakeSms> Messages => _messages.ToArray();

    private int _failNext;

    /// <summary>The next <paramref name="count"/> posts are answered with 500 (to test retries).</summary>
    public void FailNext(int count) => Interlocked.Exchange(ref _failNext, count);

    /// <summary>True when this post should fail.</summary>
    public bool ShouldFail()
    {
        if (Interlocked.Decrement(ref _failNext) >= 0)
        {
            return true;
        }

        Interlocked.Exchange(ref _failNext, 0);
        return false;
    }

    public FakeSms Add(string to, string message, string? reference, DateTimeOffset at)
    {
        var sms = new FakeSms(Guid.NewGuid().ToString("N"), to, message, reference, at);
        _messages.Enqueue(sms);
        return sms;
    }

    public void Clear() => _messages.Clear();
}

public static class FakeSmsGatewayEndpoint
{
    public const string Path = "/udvikling/sms-gateway";

    public static void MapFakeSmsGateway(this IEndpointRouteBuilder app, IWebHostEnvironment environment)
    {
        if (!environment.IsDevelopment() && !environment.IsEnvironment("Testing"))
        {
            return;
        }

        // Stands in for a provider outside Stabsrum: it authenticates by the configured header, not by a Stabsrum login.
        app.MapPost(Path, async (HttpRequest request, FakeSmsInbox inbox, TimeProvider time, Microsoft.Extensions.Options.IOptions<SmsGatewayOptions> options, CancellationToken ct) =>
            {
                var o = options.Value;
                if (!string.IsNullOrEmpty(o.AuthHeaderValue) && request.Headers[o.AuthHeaderName].ToString() != o.AuthHeaderValue)
                {
                    return Results.Unauthorized();
                }

                if (inbox.ShouldFail())
                {
                    return Results.StatusCode(StatusCodes.Status500InternalServerError);
                }

                string? to, message, reference;
                if (request.HasFormContentType)
                {
                    var form = await request.ReadFormAsync(ct);
                    (to, message, reference) = (form["to"].ToString(), form["message"].ToString(), form["reference"].ToString());
                }
                else
                {
                    using var doc = await JsonDocument.ParseAsync(request.Body, cancellationToken: ct);
                    var root = doc.RootElement;
                    to = root.TryGetProperty("to", out var t) ? t.GetString() : null;
                    message = root.TryGetProperty("message", out var m) ? m.GetString() : null;
                    reference = root.TryGetProperty("reference", out var r) ? r.GetString() : null;
                }

                if (string.IsNullOrEmpty(to) || string.IsNullOrEmpty(message))
                {
                    return Results.BadRequest();
                }

                var sms = inbox.Add(to, message, reference, time.GetUtcNow());
                return Results.Ok(new { id = sms.Id });
            })
            .AllowAnonymous()
            .DisableAntiforgery()
            .ExcludeFromDescription();
        app.MapGet(Path, (FakeSmsInbox inbox) => Results.Ok(inbox.Messages))
            .AllowAnonymous()
            .ExcludeFromDescription();
    }
}
