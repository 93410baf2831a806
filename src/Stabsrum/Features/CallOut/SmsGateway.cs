using System.Globalization;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.Options;

namespace Stabsrum.Features.CallOut;

/// <summary>One SMS to send; <see cref="Reference"/> is our attempt id, echoed back by gateways in delivery receipts.</summary>
public sealed record SmsMessage(string To, string Text, string Reference);

/// <summary>The gateway accepted the message (<see cref="ProviderMessageId"/> if it gave one).</summary>
public sealed record SmsReceipt(string? ProviderMessageId);

/// <summary>The gateway refused the message. <see cref="Retryable"/>: a 5xx/timeout, try again later; else give up.</summary>
public sealed class SmsDeliveryException(string message, bool retryable, Exception? inner = null) : Exception(message, inner)
{
    public bool Retryable { get; } = retryable;
}

public interface ISmsGateway
{
    bool IsConfigured { get; }

    Task<SmsReceipt> SendAsync(SmsMessage message, CancellationToken ct);
}

public enum SmsBodyFormat
{
    Json,
    Form,
}

/// <summary>
/// An HTTP SMS gateway as Danish providers offer them (GatewayAPI, CPSMS, Inmobile, Link Mobility …): a POST to a URL
/// with an auth header and a JSON or form body. The body is a template with placeholders <c>{to}</c> (E.164 with
/// +), <c>{msisdn}</c> (digits only), <c>{message}</c>, <c>{sender}</c> and <c>{reference}</c>; values are escaped for
/// the format. The provider's message id is read from the JSON response at <see cref="MessageIdPath"/>.
/// </summary>
public sealed class SmsGatewayOptions
{
    public const string Section = "CallOut:Sms";

    /// <summary>Empty: SMS is off (attempts fail visibly and the escalation moves to the next channel).</summary>
    public string? Url { get; set; }

    public string AuthHeaderName { get; set; } = "Authorization";

    /// <summary>e.g. "Token abc…" or "Basic …"; kept out of logs.</summary>
    public string? AuthHeaderValue { get; set; }

    public SmsBodyFormat BodyFormat { get; set; } = SmsBodyFormat.Json;

    public string BodyTemplate { get; set; } = """{"to":"{to}","message":"{message}","sender":"{sender}","reference":"{reference}"}""";

    public string Sender { get; set; } = "Stabsrum";

    /// <summary>Dotted path into the JSON response, e.g. "id" or "ids.0".</summary>
    public string MessageIdPath { get; set; } = "id";

    public int TimeoutSeconds { get; set; } = 15;

    /// <summary>Field names of the gateway's delivery receipts (status callback) and inbound SMS (JSON or form).</summary>
    public string ReceiptReferenceField { get; set; } = "reference";

    public string ReceiptIdField { get; set; } = "id";

    public string ReceiptStatusField { get; set; } = "status";

    public string InboundFromField { get; set; } = "from";

    public string InboundTextField { get; set; } = "message";
}

public sealed class HttpSmsGateway(HttpClient http, IOptions<SmsGatewayOptions> options) : ISmsGateway
{
    public const string ClientName = "sms-gateway";

    public bool IsConfigured => !string.IsNullOrWhiteSpace(options.Value.Url);

    public async Task<SmsReceipt> SendAsync(SmsMessage message, CancellationToken ct)
    {
        var o = options.Value;
        if (!IsConfigured)
        {
            throw new SmsDeliveryException("Der er ingen SMS-gateway konfigureret (CallOut:Sms:Url).", retryable: false);
        }

        using var request = new HttpRequestMessage(HttpMethod.Post, o.Url);
        if (!string.IsNullOrEmpty(o.AuthHeaderValue))
        {
            request.Headers.TryAddWithoutValidation(o.AuthHeaderName, o.AuthHeaderValue);
        }

        request.Content = Body(o, message);
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(ct);
        timeout.CancelAfter(TimeSpan.FromSeconds(Math.Max(1, o.TimeoutSeconds)));
        HttpResponseMessage response;
        try
        {
            response = await http.SendAsync(request, timeout.Token);
        }
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException && !ct.IsCancellationRequested)
        {
            throw new SmsDeliveryException($"SMS-gatewayen svarede ikke: {e.Message}", retryable: true, e);
        }

        using (response)
        {
            var text = await response.Content.ReadAsStringAsync(ct);
            if (!response.IsSuccessStatusCode)
            {
                var status = (int)response.StatusCode;
                throw new SmsDeliveryException($"SMS-gatewayen afviste beskeden ({status}): {Shorten(text)}", retryable: status >= 500 || status == 429);
            }

            return new SmsReceipt(ReadId(text, o.MessageIdPath));
        }
    }

    public static HttpContent Body(SmsGatewayOptions o, SmsMessage message)
    {
        var values = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["to"] = message.To,
            ["msisdn"] = message.To.TrimStart('+'),
            ["message"] = message.Text,
            ["sender"] = o.Sender,
            ["reference"] = message.Reference,
        };
        var json = o.BodyFormat == SmsBodyFormat.Json;
        var body = new StringBuilder(o.BodyTemplate);
        foreach (var (name, value) in values)
        {
            var escaped = json ? JsonEncodedText.Encode(value, System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping).ToString() : Uri.EscapeDataString(value);
            body.Replace("{" + name + "}", escaped);
        }

        var content = new StringContent(body.ToString(), Encoding.UTF8);
        content.Headers.ContentType = new MediaTypeHeaderValue(json ? "application/json" : "application/x-www-form-urlencoded") { CharSet = "utf-8" };
        return content;
    }

    public static string? ReadId(string responseBody, string path)
    {
        if (string.IsNullOrWhiteSpace(path) || string.IsNullOrWhiteSpace(responseBody))
        {
            return null;
        }

        try
        {
            using var doc = JsonDocument.Parse(responseBody);
            var node = doc.RootElement;
            foreach (var part in path.Split('.'))
            {
                if (node.ValueKind == JsonValueKind.Array && int.TryParse(part, NumberStyles.None, CultureInfo.InvariantCulture, out var index) && index < node.GetArrayLength())
                {
                    node = node[index];
                }
                else if (node.ValueKind == JsonValueKind.Object && node.TryGetProperty(part, out var child))
                {
                    node = child;
                }
                else
                {
                    return null;
                }
            }

            var id = node.ValueKind == JsonValueKind.String ? node.GetString() : node.GetRawText();
            return id is { Length: > 0 and <= 200 } ? id : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private static string Shorten(string text) => text.Length > 300 ? text[..300] : text;
}
