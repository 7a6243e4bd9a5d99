using System.Collections;
using AcsTeamsAdmin.Engine.Applications;
using AcsTeamsAdmin.Engine.Consent;
using AcsTeamsAdmin.Engine.Readiness;
using AcsTeamsAdmin.Engine.ServicePrincipals;

namespace AcsTeamsAdmin.Engine.Completion;

/// <summary>
/// Which client apps a cmdlet's output names, so the session can offer them on Tab. One place that knows
/// the output records, rather than a call in every cmdlet that could be forgotten.
/// </summary>
public static class AppSightings
{
    public static IEnumerable<(string AppId, string? DisplayName)> In(object? output)
    {
        switch (output)
        {
            case null:
                yield break;
            case AppRegistrationInfo app:
                yield return (app.AppId, app.DisplayName);
                break;
            case ServicePrincipalInfo principal:
                yield return (principal.AppId, principal.DisplayName);
                break;
            case AdminConsentStatus consent:
                yield return (consent.ClientAppId, consent.ClientDisplayName);
                break;
            case AdminConsentUrl url:
                yield return (url.ClientId, null);
                break;
            case ReadinessCheck { AppId: { } appId }:
                yield return (appId, null);
                break;
            case string:
                yield break;
            case IEnumerable items:
                foreach (var item in items)
                {
                    foreach (var sighting in In(item))
                    {
                        yield return sighting;
                    }
                }

                break;
        }
    }
}
