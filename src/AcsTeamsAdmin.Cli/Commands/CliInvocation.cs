using AcsTeamsAdmin.Cli.Parsing;
using AcsTeamsAdmin.Engine.Connections;
using AcsTeamsAdmin.Engine.Operations;

namespace AcsTeamsAdmin.Cli.Commands;

/// <summary>What a running command has: its arguments, the engine context, the connection (made on first use) and its output.</summary>
internal sealed class CliInvocation(ParsedArguments arguments, OperationContext context, Func<Task<AcsTeamsAdminConnection>> connect, Action<object> output)
{
    private AcsTeamsAdminConnection? _connection;

    public ParsedArguments Arguments { get; } = arguments;

    public OperationContext Context { get; } = context;

    /// <summary>The connection the command signed in with, if it needed one.</summary>
    public AcsTeamsAdminConnection? ConnectionIfMade => _connection;

    public async Task<AcsTeamsAdminConnection> ConnectAsync() => _connection ??= await connect().ConfigureAwait(false);

    public void Write(object value) => output(value);
}
