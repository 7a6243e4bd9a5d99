using System.Globalization;

namespace AcsTeamsAdmin.Engine.Http;

/// <summary>
/// Reads a Retry-After header. Graph sends whole seconds, but the header may carry fractional
/// seconds (which HttpClient's typed header parser rejects) or an HTTP date; all three are honoured.
/// </summary>
internal static class RetryAfter
{
    public static TimeSpan? Read(HttpResponseMessage response, DateTimeOffset now)
    {
        if (!response.Headers.TryGetValues("Retry-After", out var values))
        {
            return null;
        }

        var raw = values.FirstOrDefault()?.Trim();
        if (string.IsNullOrEmpty(raw))
        {
            return null;
        }

        if (double.TryParse(raw, NumberStyles.Float, CultureInfo.InvariantCulture, out var seconds))
        {
            return seconds >= 0 && double.IsFinite(seconds) ? TimeSpan.FromSeconds(seconds) : null;
        }

        if (DateTimeOffset.TryParse(raw, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var date))
        {
            var wait = date - now;
            return wait > TimeSpan.Zero ? wait : TimeSpan.Zero;
        }

        return null;
    }
}
