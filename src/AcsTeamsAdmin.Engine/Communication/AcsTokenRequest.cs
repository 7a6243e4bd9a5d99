using AcsTeamsAdmin.Engine.Failures;

namespace AcsTeamsAdmin.Engine.Communication;

/// <summary>A token to issue: its scopes and, optionally, its lifetime (the service's default is 24 hours).</summary>
public sealed record AcsTokenRequest(AcsTokenScopes Scopes, AcsTokenLifetime? ExpiresIn = null)
{
    /// <summary>New-AcsAccessToken's -Scope and -ExpiresInMinutes; throws, naming the parameter, on a bad value.</summary>
    public static AcsTokenRequest Parse(IReadOnlyList<string>? scope, int? expiresInMinutes) =>
        new(AcsTokenScopes.Parse(scope), expiresInMinutes is { } minutes ? AcsTokenLifetime.Parse(minutes) : null);

    /// <summary>
    /// New-AcsIdentity's first token: none without -Scope. -ExpiresInMinutes alone is a mistake (it would be
    /// ignored), so it fails.
    /// </summary>
    public static AcsTokenRequest? ParseOptional(IReadOnlyList<string>? scope, int? expiresInMinutes)
    {
        if (scope is null && expiresInMinutes is not null)
        {
            throw AcsTeamsAdminException.InvalidInput("ExpiresInMinutes", expiresInMinutes, "applies to the first token, and no -Scope asks for one.",
                "Add -Scope (chat, voip, ...) to create each identity with a token, or drop -ExpiresInMinutes.", ErrorIds.ConflictingParameters);
        }

        return scope is null ? null : Parse(scope, expiresInMinutes);
    }
}
