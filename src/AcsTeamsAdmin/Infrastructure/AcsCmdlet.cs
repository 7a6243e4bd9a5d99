using System.Management.Automation;
using AcsTeamsAdmin.Engine.Communication;
using AcsTeamsAdmin.Engine.Connections;
using AcsTeamsAdmin.Engine.Failures;
using AcsTeamsAdmin.Engine.Operations;

namespace AcsTeamsAdmin.Infrastructure;

/// <summary>
/// A cmdlet that calls an ACS resource's identity API. Which resource, and how, comes from its parameters:
/// -ConnectionString (access key; SecureString or string), or -Endpoint with the Connect-AcsTeamsAdmin session's
/// Entra credential (-Identity in runbooks), or neither after Connect-AcsTeamsAdmin -Sandbox.
/// Both also bind by property name, so a piped object names its own resource: Get-AcsResource's output (Endpoint, and
/// ConnectionString with -IncludeConnectionString), or an identity from New-AcsIdentity (its Endpoint). The rules:
/// a typed -ConnectionString or -Endpoint always wins, for every record, even over the session's sandbox; otherwise a
/// record's own values choose its resource (its connection string when it has both, the same resource's key); otherwise
/// the session's sandbox. Values that apply to the whole call are checked in BeginProcessing, before any request.
/// </summary>
public abstract class AcsCmdlet : AsyncCmdlet
{
    private readonly Dictionary<string, IAcsIdentityClient> _pipedClients = new(StringComparer.Ordinal);
    private IAcsIdentityClient? _callClient;
    private bool _typed;

    // No [ValidateNotNull]: a piped object whose ConnectionString is null (Get-AcsResource without
    // -IncludeConnectionString) simply names none. A typed $null is refused in PrepareClient.
    [Parameter(ValueFromPipelineByPropertyName = true)]
    public object? ConnectionString { get; set; }

    [Parameter(ValueFromPipelineByPropertyName = true)]
    public string? Endpoint { get; set; }

    [Parameter]
    [ArgumentCompleter(typeof(AcsApiVersionCompleter))]
    public string? ApiVersion { get; set; }

    /// <summary>This runspace's Connect-AcsTeamsAdmin session, if any (needed for -Endpoint and the sandbox only).</summary>
    protected AcsTeamsAdminConnection? Session => PipelineRunspace is { } runspace ? ConnectionStore.Get(runspace) : null;

    /// <summary>
    /// In BeginProcessing: checks what was typed and, unless piped records may name their own resource, builds the
    /// call's client (nothing is sent yet). Fails at once on a bad -ConnectionString, -Endpoint or -ApiVersion.
    /// </summary>
    protected void PrepareClient(IOperationLog log)
    {
        var bound = MyInvocation.BoundParameters;
        if (bound.ContainsKey(nameof(ConnectionString)) && ConnectionString is null)
        {
            throw AcsTeamsAdminException.InvalidInput(nameof(ConnectionString), null, "is null.",
                "Pass the resource's connection string (Azure portal > the Communication Services resource > Keys), or leave -ConnectionString out.",
                ErrorIds.MissingParameter);
        }

        if (bound.ContainsKey(nameof(Endpoint)) && string.IsNullOrWhiteSpace(Endpoint))
        {
            throw AcsTeamsAdminException.InvalidInput(nameof(Endpoint), Endpoint, "is empty.",
                "Pass the resource's endpoint, such as https://contoso-acs.communication.azure.com/, or leave -Endpoint out.", ErrorIds.MissingParameter);
        }

        _typed = bound.ContainsKey(nameof(ConnectionString)) || bound.ContainsKey(nameof(Endpoint));
        if (_typed || !MyInvocation.ExpectingInput)
        {
            _callClient = AcsConnectionFactory.Create(Request(ConnectionString, Endpoint), Session, log);
            return;
        }

        // Piped records may name their resources: only what applies to every record is checked now. The session's
        // sandbox, for records that name none, is set up when one comes (its verbose line would be wrong otherwise).
        _ = AcsApiVersion.Parse(ApiVersion);
    }

    /// <summary>The client for the current record: the typed resource, else the record's own, else the session's sandbox.</summary>
    protected IAcsIdentityClient ClientForRecord(IOperationLog log)
    {
        if (_typed)
        {
            return _callClient!;
        }

        var connectionString = SecretParameter.Read(ConnectionString, nameof(ConnectionString), "connection string");
        var endpoint = string.IsNullOrWhiteSpace(Endpoint) ? null : Endpoint;
        if (connectionString is null && endpoint is null)
        {
            _callClient ??= Session?.Sandbox is not null ? AcsConnectionFactory.Create(Request(null, null), Session, log) : null;
            return _callClient ?? throw NoResource();
        }

        // An object with both (Get-AcsResource -IncludeConnectionString) names one resource twice: its key is used.
        var key = connectionString is null ? "endpoint:" + endpoint : "key:" + connectionString;
        if (!_pipedClients.TryGetValue(key, out var client))
        {
            client = AcsConnectionFactory.Create(Request(connectionString, connectionString is null ? endpoint : null), Session, log);
            _pipedClients[key] = client;
        }

        return client;
    }

    private AcsConnectionRequest Request(object? connectionString, string? endpoint) => new()
    {
        ConnectionString = SecretParameter.Read(connectionString, nameof(ConnectionString), "connection string"),
        Endpoint = endpoint,
        ApiVersion = ApiVersion,
    };

    private AcsTeamsAdminException NoResource()
    {
        try
        {
            _ = AcsConnectionFactory.Create(Request(null, null), Session, OperationContext.Current.Log);
        }
        catch (AcsTeamsAdminException error)
        {
            // The same answer as with no pipeline: every record would get it, so the command stops.
            return new AcsTeamsAdminException(
                error.ErrorId,
                error.Category,
                error.Message + " The piped object names no ACS resource either (no Endpoint or ConnectionString property).",
                error.RecommendedAction,
                error.Target,
                error)
            {
                ParameterName = error.ParameterName,
                StopsCommand = true,
            };
        }

        throw new InvalidOperationException("A client without a resource was expected to fail.");
    }
}
