using System.Text.Json;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.AspNetCore.Mvc;
using Stabsrum.Infrastructure.Database;
using Stabsrum.Infrastructure.Pdf;
using HttpJsonOptions = Microsoft.AspNetCore.Http.Json.JsonOptions;

namespace Stabsrum.Infrastructure.Problems;

public static class ProblemSetup
{
    /// <summary>Largest JSON body the API accepts. Uploads that need more declare their own limit.</summary>
    public const long ApiBodyLimitBytes = 1024 * 1024;

    public static WebApplicationBuilder AddProblems(this WebApplicationBuilder builder)
    {
        builder.Services.AddProblemDetails(o => o.CustomizeProblemDetails = ctx =>
        {
            var problem = ctx.ProblemDetails;
            problem.Title = DanishTitle(problem.Status ?? ctx.HttpContext.Response.StatusCode);
            problem.Type ??= $"https://httpstatuses.io/{problem.Status}";
            problem.Instance ??= ctx.HttpContext.Request.Path;
            problem.Extensions["traceId"] = ctx.HttpContext.TraceIdentifier;
        });
        builder.Services.AddExceptionHandler<StabsrumExceptionHandler>();
        // Bad JSON in a minimal API throws, so the exception handler can answer it with a Danish ProblemDetails.
        builder.Services.Configure<RouteHandlerOptions>(o => o.ThrowOnBadRequest = true);
        builder.Services.Configure<HttpJsonOptions>(o =>
        {
            o.SerializerOptions.PropertyNamingPolicy = JsonNamingPolicy.CamelCase;
            o.SerializerOptions.Converters.Add(new System.Text.Json.Serialization.JsonStringEnumConverter());
        });
        builder.WebHost.ConfigureKestrel(k => k.Limits.MaxRequestBodySize = 30 * 1024 * 1024);
        return builder;
    }

    public static string DanishTitle(int status) => status switch
    {
        400 => "Ugyldig forespørgsel",
        401 => "Ikke logget ind",
        403 => "Ingen adgang",
        404 => "Findes ikke",
        405 => "Metoden er ikke tilladt",
        409 => "Konflikt",
        413 => "Forespørgslen er for stor",
        415 => "Indholdstypen understøttes ikke",
        422 => "Kan ikke behandles",
        429 => "For mange forespørgsler",
        503 => "Tjenesten er ikke tilgængelig",
        _ when status >= 500 => "Der opstod en fejl på serveren",
        _ => "Fejl",
    };

    /// <summary>API bodies are small; refuse oversize ones before anything reads them.</summary>
    public static IApplicationBuilder UseApiBodyLimit(this IApplicationBuilder app) =>
        app.Use(async (context, next) =>
        {
            if (context.Request.Path.StartsWithSegments("/api"))
            {
                // An upload endpoint declares its own limit (RequestSizeLimitAttribute as endpoint metadata).
                var max = context.GetEndpoint()?.Metadata.GetMetadata<IRequestSizeLimitMetadata>()?.MaxRequestBodySize ?? ApiBodyLimitBytes;
                if (context.Request.ContentLength > max)
                {
                    throw new BadHttpRequestException("Forespørgslens indhold er for stort.", StatusCodes.Status413PayloadTooLarge);
                }

                if (context.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } limit)
                {
                    limit.MaxRequestBodySize = max;
                }
            }

            await next(context);
        });
}

/// <summary>One place that turns exceptions into ProblemDetails. Bad input is never a 500.</summary>
public sealed class StabsrumExceptionHandler(IProblemDetailsService problems, ILogger<StabsrumExceptionHandler> logger) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        var (status, detail) = exception switch
        {
            BadHttpRequestException { StatusCode: 413 } => (413, "Forespørgslens indhold er for stort."),
            BadHttpRequestException bad when bad.InnerException is JsonException => (400, "Forespørgslens JSON kunne ikke læses: " + bad.InnerException.Message),
            BadHttpRequestException bad => (bad.StatusCode, "Forespørgslen er ugyldig: " + bad.Message),
            JsonException json => (400, "Forespørgslens JSON kunne ikke læses: " + json.Message),
            CrossOrganisationWriteException => (403, "Du kan ikke ændre data, der tilhører en anden organisation."),
            AppendOnlyViolationException => (409, "Posten kan ikke ændres eller slettes; opret en rettelse i stedet."),
            PdfUnavailableException pdf => (503, pdf.Message),
            OperationCanceledException when httpContext.RequestAborted.IsCancellationRequested => (499, "Forespørgslen blev afbrudt."),
            _ => (500, "Der opstod en uventet fejl. Fejlen er logget."),
        };

        if (status >= 500)
        {
            logger.LogError(exception, "Unhandled exception for {Path}", httpContext.Request.Path);
        }

        if (status == 499)
        {
            return true;
        }

        httpContext.Response.StatusCode = status;
        return await problems.TryWriteAsync(new ProblemDetailsContext
        {
            HttpContext = httpContext,
            ProblemDetails = new ProblemDetails { Status = status, Detail = detail },
            Exception = exception,
        });
    }
}
