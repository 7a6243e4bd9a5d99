using AcsTeamsAdmin.Engine.Communication;
using AcsTeamsAdmin.Engine.Failures;
using AcsTeamsAdmin.Engine.Operations;

namespace AcsTeamsAdmin.Cli.Commands;

/// <summary>
/// New-AcsIdentity, New-AcsAccessToken, Revoke-AcsAccessToken, Remove-AcsIdentity. They may sign in (for
/// --endpoint or --sandbox), so the sign-in options apply; with --connection-string nothing signs in.
/// New-AcsIdentity's pipeline input has no command-line form: --count says how many.
/// </summary>
internal static class AcsIdentityCommands
{
    public static IReadOnlyList<CliHandler> All { get; } =
    [
        CliHandler.Connected("New-AcsIdentity", NewIdentities),
        CliHandler.Connected("New-AcsAccessToken", NewAccessTokens),
        CliHandler.Connected("Revoke-AcsAccessToken", args => ForEachIdentity(args, "Revoked", AcsIdentityOperations.RevokeAccessTokensAsync)),
        CliHandler.Connected("Remove-AcsIdentity", args => ForEachIdentity(args, "Deleted", AcsIdentityOperations.RemoveIdentityAsync)),
    ];

    private static CommandRun NewIdentities(CommandArguments args)
    {
        var token = AcsTokenRequest.ParseOptional(args.Has("Scope") ? args.List("Scope") : null, args.Number("ExpiresInMinutes"));
        var count = args.Number("Count") ?? 1;
        var throttle = AcsIdentityBatch.ParseThrottleLimit(args.Number("ThrottleLimit") ?? AcsIdentityBatch.DefaultThrottleLimit);
        var resource = AcsConnectionParameters.Read(args);
        return async invocation =>
        {
            var client = await resource.CreateClientAsync(invocation).ConfigureAwait(false);
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
        };
    }

    private static CommandRun NewAccessTokens(CommandArguments args)
    {
        var ids = args.List("IdentityId").Select(id => AcsIdentityId.Parse(id)).ToArray();
        var token = AcsTokenRequest.Parse(args.List("Scope"), args.Number("ExpiresInMinutes"));
        var plainText = args.Switch("AsPlainText");
        var resource = AcsConnectionParameters.Read(args);
        return async invocation =>
        {
            var client = await resource.CreateClientAsync(invocation).ConfigureAwait(false);
            await invocation.ForEachAsync(ids, async id =>
            {
                if (await AcsIdentityOperations.NewAccessTokenAsync(client, id, token, invocation.Context).ConfigureAwait(false) is { } issued)
                {
                    invocation.Write(plainText ? issued : AcsSecureAccessToken.From(issued));
                }
            }).ConfigureAwait(false);
        };
    }

    private static CommandRun ForEachIdentity(
        CommandArguments args,
        string action,
        Func<IAcsIdentityClient, AcsIdentityId, OperationContext, Task<bool>> operation)
    {
        var ids = args.List("IdentityId").Select(id => AcsIdentityId.Parse(id)).ToArray();
        var passThru = args.Switch("PassThru");
        var resource = AcsConnectionParameters.Read(args);
        return async invocation =>
        {
            var client = await resource.CreateClientAsync(invocation).ConfigureAwait(false);
            await invocation.ForEachAsync(ids, async id =>
            {
                if (await operation(client, id, invocation.Context).ConfigureAwait(false) && passThru)
                {
                    invocation.Write(new AcsIdentityChange(id.Value, action, client.Endpoint.AbsoluteUri));
                }
            }).ConfigureAwait(false);
        };
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
}
