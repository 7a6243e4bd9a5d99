using System.Globalization;
using System.Text.Json.Nodes;

namespace AcsTeamsAdmin.Sandbox.Hosting;

/// <summary>The answers of injected faults, shaped like Graph's throttling and gateway errors.</summary>
internal static class FaultResponses
{
    public static string Name(FaultRule rule) => rule.Kind switch
    {
        FaultKind.TooManyRequests => "429",
        FaultKind.ServiceUnavailable => "503",
        FaultKind.GatewayTimeout => "504",
        _ => rule.AfterProcessing ? "reset-after-processing" : "reset",
    };

    public static SandboxResponse Create(FaultRule rule, SandboxRequest request, DateTimeOffset now)
    {
        var (status, code, message) = rule.Kind switch
        {
            FaultKind.TooManyRequests => (429, "TooManyRequests", "Too many requests have been made. Please retry after the period given in Retry-After."),
            FaultKind.ServiceUnavailable => (503, "serviceNotAvailable", "The service is temporarily unavailable. Please retry later."),
            _ => (504, "UnknownError", "The gateway did not receive a timely response."),
        };
        var requestId = Guid.NewGuid().ToString();
        var response = SandboxResponse.Json(status, new JsonObject
        {
            ["error"] = new JsonObject
            {
                ["code"] = code,
                ["message"] = message,
                ["innerError"] = new JsonObject
                {
                    ["date"] = now.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss", CultureInfo.InvariantCulture),
                    ["request-id"] = requestId,
                    ["client-request-id"] = request.Header("client-request-id") ?? requestId,
                },
            },
        });
        response.Headers["request-id"] = requestId;
        response.Headers["client-request-id"] = request.Header("client-request-id") ?? requestId;
        if (rule.Kind is FaultKind.TooManyRequests or FaultKind.ServiceUnavailable)
        {
            response.Headers["Retry-After"] = rule.RetryAfterSeconds.ToString("0.###", CultureInfo.InvariantCulture);
        }

        return response;
    }
}
