using System.Globalization;
using AcsTeamsAdmin.Cli.Parsing;
using AcsTeamsAdmin.Engine.Communication;
using AcsTeamsAdmin.Engine.Failures;
using AcsTeamsAdmin.Engine.Operations;

namespace AcsTeamsAdmin.Cli.Commands;

/// <summary>
/// New-AcsIdentity, New-AcsAccessToken, Revoke-AcsAccessToken, Remove-AcsIdentity. They may sign in (for
/// --endpoint or --sandbox), so the sign-in options apply; with --connection-string nothing signs in.
/// New-AcsIdentity's pipeline input has no twin here: --count says how many.
/// </summary>
internal static class AcsIdentityCommands
{
    private static readonly CliParameter IdentityIds = new("IdentityId", CliValueKind.List, "ACS identity id(s), 8:acs:<resource id>_<guid>; comma-separated for several.", Required: true);
    private static readonly CliParameter Scope = new("Scope", CliValueKind.List, "Token scopes: chat, voip, chat.join, chat.join.limited, voip.join.");
    private static readonly CliParameter ExpiresInMinutes = new("ExpiresInMinutes", CliValueKind.Text, "Token lifetime, 60 to 1440 minutes (default 1440).");
    private static readonly CliParameter PassThru = new("PassThru", CliValueKind.Switch, "Write what was done for each identity.");

    public static IReadOnlyList<CliCommand> All { get; } =
    [
        new("New-AcsIdentity", "Create ACS identities (optionally each with a token), several at once with --count and --throttle-limit.",
            [
                .. AcsConnectionParameters.All,
                new("Count", CliValueKind.Text, "How many identities to create (default 1)."),
                Scope,
                ExpiresInMinutes,
                new("ThrottleLimit", CliValueKind.Text, $"At most this many requests at once, 1 to {AcsIdentityBatch.MaxThrottleLimit} (default {AcsIdentityBatch.DefaultThrottleLimit})."),
            ],
            NewIdentitiesAsync),
        new("New-AcsAccessToken", "Issue a token for existing ACS identities (hidden unless --as-plain-text).",
            [.. AcsConnectionParameters.All, IdentityIds, Scope with { Required = true }, ExpiresInMinutes, new("AsPlainText", CliValueKind.Switch, "Print the token itself.")],
            NewAccessTokensAsync),
        new("Revoke-AcsAccessToken", "Revoke every token issued so far to ACS identities; the identities stay.",
            [.. AcsConnectionParameters.All, IdentityIds, PassThru],
            invocation => ForEachIdentityAsync(invocation, "Revoked", AcsIdentityOperations.RevokeAccessTokensAsync)),
        new("Remove-AcsIdentity", "Delete ACS identities and their tokens; already deleted counts as done.",
            [.. AcsConnectionParameters.All, IdentityIds, PassThru],
            invocation => ForEachIdentityAsync(invocation, "Deleted", AcsIdentityOperations.RemoveIdentityAsync)),
    ];

    private static async Task NewIdentitiesAsync(CliInvocation invocation)
    {
        var args = invocation.Arguments;
        var token = TokenRequest(args, required: false);
        var count = Number(args, "count", "Count", 1, 1, 100000);
        var throttle = AcsIdentityBatch.ParseThrottleLimit(Number(args, "throttle-limit", "ThrottleLimit", AcsIdentityBatch.DefaultThrottleLimit, int.MinValue, int.MaxValue));
        var client = await AcsConnectionParameters.CreateClientAsync(invocation, invocation.Context.Log).ConfigureAwait(false);
        using var batch = new AcsIdentityBatch(client, token, throttle, count, invocation.Context.CancellationToken);
        try
        {
            for (var i = 0; i < count; i++)
            {
                await batch.AddAsync(invocation.Context).ConfigureAwait(false);
                Write(invocation, batch.TakeFinished(invocation.Context));
            }

            Write(invocation, await batch.CompleteAsync(invocation.Context).ConfigureAwait(false));
        }
        catch (OperationCanceledException) when (invocation.Context.CancellationToken.IsCancellationRequested)
        {
            // Interrupted: stdout still takes the identities created as it stopped, so it holds every one created;
            // stderr says what else may exist.
            var stop = await batch.StopAsync().ConfigureAwait(false);
            foreach (var identity in stop.Late)
            {
                invocation.Write(identity);
            }

            invocation.Context.Log.Warning(stop.Describe(lateWritten: true));
            throw;
        }
    }

    private static async Task NewAccessTokensAsync(CliInvocation invocation)
    {
        var args = invocation.Arguments;
        var ids = args.Values("identity-id").Select(id => AcsIdentityId.Parse(id)).ToArray();
        var token = TokenRequest(args, required: true)!;
        var client = await AcsConnectionParameters.CreateClientAsync(invocation, invocation.Context.Log).ConfigureAwait(false);
        await invocation.ForEachAsync(ids, async id =>
        {
            if (await AcsIdentityOperations.NewAccessTokenAsync(client, id, token, invocation.Context).ConfigureAwait(false) is { } issued)
            {
                invocation.Write(args.Flag("as-plain-text") ? issued : AcsSecureAccessToken.From(issued));
            }
        }).ConfigureAwait(false);
    }

    private static async Task ForEachIdentityAsync(CliInvocation invocation, string action, Func<IAcsIdentityClient, AcsIdentityId, OperationContext, Task<bool>> operation)
    {
        var ids = invocation.Arguments.Values("identity-id").Select(id => AcsIdentityId.Parse(id)).ToArray();
        var client = await AcsConnectionParameters.CreateClientAsync(invocation, invocation.Context.Log).ConfigureAwait(false);
        await invocation.ForEachAsync(ids, async id =>
        {
            if (await operation(client, id, invocation.Context).ConfigureAwait(false) && invocation.Arguments.Flag("pass-thru"))
            {
                invocation.Write(new AcsIdentityChange(id.Value, action, client.Endpoint.AbsoluteUri));
            }
        }).ConfigureAwait(false);
    }

    private static void Write(CliInvocation invocation, IReadOnlyList<WorkResult<AcsIdentity>> results)
    {
        foreach (var result in results)
        {
            if (result.Succeeded)
            {
                invocation.Write(result.Value!);
            }
            else if (result.Error is AcsTeamsAdminException { FailsEveryInput: false } failure)
            {
                // One failed identity does not stop the others (the cmdlet's non-terminating error); the run exits 1.
                invocation.ReportItemFailure(failure);
            }
            else
            {
                System.Runtime.ExceptionServices.ExceptionDispatchInfo.Throw(result.Error!);
            }
        }
    }

    internal static AcsTokenRequest? TokenRequest(ParsedArguments args, bool required)
    {
        var minutes = args.Has("expires-in-minutes") ? Number(args, "expires-in-minutes", "ExpiresInMinutes", 0, int.MinValue, int.MaxValue) : (int?)null;
        if (!args.Has("scope") && !required)
        {
            return minutes is null ? null
                : throw AcsTeamsAdminException.InvalidInput("ExpiresInMinutes", minutes, "applies to the first token, and no -Scope asks for one.",
                    "Add --scope (chat, voip, ...) to create each identity with a token, or drop --expires-in-minutes.", ErrorIds.ConflictingParameters);
        }

        return new AcsTokenRequest(AcsTokenScopes.Parse(args.Values("scope")), minutes is { } m ? AcsTokenLifetime.Parse(m) : null);
    }

    private static int Number(ParsedArguments args, string key, string name, int fallback, int min, int max)
    {
        var text = args.Value(key);
        if (text is null)
        {
            return fallback;
        }

        return int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var value) && value >= min && value <= max
            ? value
            : throw AcsTeamsAdminException.InvalidInput(name, text, $"'{text}' is not a whole number{(min == int.MinValue ? "" : $" from {min} to {max}")}.", $"Pass a whole number{(min == int.MinValue ? "" : $" from {min} to {max}")}.");
    }
}
