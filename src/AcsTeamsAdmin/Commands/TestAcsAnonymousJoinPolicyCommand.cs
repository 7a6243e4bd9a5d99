using System.Management.Automation;
using AcsTeamsAdmin.Engine.Failures;
using AcsTeamsAdmin.Engine.Meetings;
using AcsTeamsAdmin.Engine.Teams;
using AcsTeamsAdmin.Infrastructure;

namespace AcsTeamsAdmin.Commands;

/// <summary>
/// Says whether ACS (bring-your-own-identity) users can join an organizer's Teams meetings, whether
/// they wait in the lobby, what they lose, and which Set-Cs... command removes each block. Reads
/// the MicrosoftTeams objects (piped meeting policies, object parameters), a JSON export, or values
/// given as parameters; needs no connection and changes nothing.
/// </summary>
[Cmdlet(VerbsDiagnostic.Test, "AcsAnonymousJoinPolicy", DefaultParameterSetName = ObjectsSet)]
[OutputType(typeof(AnonymousJoinVerdict))]
[OutputType(typeof(JoinPolicyFinding))]
public sealed class TestAcsAnonymousJoinPolicyCommand : AsyncCmdlet
{
    private const string ObjectsSet = "Objects";
    private const string PathSet = "Path";

    private readonly HashSet<string> _warned = new(StringComparer.Ordinal);
    private TeamsSettingsDocument _document = new();
    private Guid? _acsResourceId;
    private bool _typedResourceId;

    /// <summary>A JSON file of the four objects, as ConvertTo-Json writes them.</summary>
    [Parameter(ParameterSetName = PathSet, Mandatory = true, Position = 0)]
    public string Path { get; set; } = string.Empty;

    /// <summary>The output of Get-CsTeamsMeetingConfiguration.</summary>
    [Parameter(ParameterSetName = ObjectsSet)]
    public PSObject? MeetingConfiguration { get; set; }

    /// <summary>The output of Get-CsTeamsAcsFederationConfiguration.</summary>
    [Parameter(ParameterSetName = ObjectsSet)]
    public PSObject? AcsFederationConfiguration { get; set; }

    /// <summary>The output of Get-CsExternalAccessPolicy (the organizer's, or all of them: Global is used).</summary>
    [Parameter(ParameterSetName = ObjectsSet)]
    public PSObject? ExternalAccessPolicy { get; set; }

    // The meeting policy's properties bind by name from Get-CsTeamsMeetingPolicy output; typed
    // explicitly, each takes precedence over the same setting from -Path.
    [Parameter(ValueFromPipelineByPropertyName = true)]
    [Alias("Identity")]
    public string? MeetingPolicyIdentity { get; set; }

    [Parameter(ValueFromPipelineByPropertyName = true)]
    public bool? AllowAnonymousUsersToJoinMeeting { get; set; }

    [Parameter(ValueFromPipelineByPropertyName = true)]
    public string[]? BlockedAnonymousJoinClientTypes { get; set; }

    [Parameter(ValueFromPipelineByPropertyName = true)]
    public string? AutoAdmittedUsers { get; set; }

    [Parameter(ValueFromPipelineByPropertyName = true)]
    public string? AnonymousUserAuthenticationMethod { get; set; }

    [Parameter(ValueFromPipelineByPropertyName = true)]
    public string? CaptchaVerificationForMeetingJoin { get; set; }

    [Parameter(ValueFromPipelineByPropertyName = true)]
    public string? MeetingChatEnabledType { get; set; }

    // Tenant-level values, to give them without the objects or to try a change before making it.
    [Parameter]
    public bool? DisableAnonymousJoin { get; set; }

    [Parameter]
    public bool? EnableAcsUsers { get; set; }

    [Parameter]
    public string[]? AllowedAcsResources { get; set; }

    [Parameter]
    public bool? RequireAcsFederationForMeeting { get; set; }

    [Parameter]
    public bool? EnableAcsFederationAccess { get; set; }

    /// <summary>The ACS resource's immutable resource id, to check the federation allow-list; binds Get-AcsResource's ImmutableResourceId by name.</summary>
    [Parameter(ValueFromPipelineByPropertyName = true)]
    [Alias("ImmutableResourceId")]
    public string? AcsResourceId { get; set; }

    /// <summary>A meeting from New-AcsTeamsMeeting: its own lobby and chat options are judged with the organizer's policy.</summary>
    [Parameter(ValueFromPipeline = true)]
    public TeamsMeeting? Meeting { get; set; }

    /// <summary>Write each finding as its own object instead of the verdict.</summary>
    [Parameter]
    public SwitchParameter Detailed { get; set; }

    protected override Task BeginProcessingAsync(PipelineStep pipeline)
    {
        // Everything the user gave once is checked before any verdict is written.
        _typedResourceId = MyInvocation.BoundParameters.ContainsKey(nameof(AcsResourceId));
        _acsResourceId = _typedResourceId ? AnonymousJoinCheck.ParseAcsResourceId(AcsResourceId) : null;
        _document = ParameterSetName == PathSet ? LoadFile(pipeline) : pipeline.OnPipelineThread(ReadObjects);
        return Task.CompletedTask;
    }

    protected override Task ProcessRecordAsync(PipelineStep pipeline)
    {
        var overrides = TeamsSettingsReader.ReadParameters(GivenValues()) with { Meeting = Meeting is null ? null : MeetingLobbyOptions.From(Meeting) };

        // A resource id typed once applies to every record; one bound from a piped object (Get-AcsResource) is that record's.
        var acsResourceId = _typedResourceId ? _acsResourceId : AnonymousJoinCheck.ParseAcsResourceId(AcsResourceId);
        var context = pipeline.Context;
        foreach (var verdict in AnonymousJoinCheck.Run(_document, overrides, acsResourceId))
        {
            if (AnonymousJoinCheck.AssumptionWarning(verdict) is { } warning && _warned.Add(warning))
            {
                context.Log.Warning(warning);
            }

            context.Log.Verbose($"Meeting policy {verdict.MeetingPolicy}: CanJoin {verdict.CanJoin}, WaitsInLobby {verdict.WaitsInLobby}.");
            if (Detailed)
            {
                pipeline.WriteObject(verdict.Findings, enumerate: true);
            }
            else
            {
                pipeline.WriteObject(verdict);
            }
        }

        return Task.CompletedTask;
    }

    private TeamsSettingsDocument LoadFile(PipelineStep pipeline)
    {
        var fullPath = pipeline.OnPipelineThread(() =>
        {
            try
            {
                // Relative to the PowerShell location, not the process's working directory.
                return SessionState.Path.GetUnresolvedProviderPathFromPSPath(Path);
            }
            catch (Exception error) when (error
                is ProviderNotFoundException
                or System.Management.Automation.DriveNotFoundException
                or NotSupportedException
                or PSArgumentException
                or ItemNotFoundException)
            {
                throw AcsTeamsAdminException.InvalidInput(
                    nameof(Path),
                    Path,
                    $"'{Path}' is not a file system path.",
                    "Give the path of the JSON file, such as ./teams-settings.json.",
                    ErrorIds.TeamsSettingsFileUnreadable);
            }
        });
        return TeamsSettingsFile.Load(fullPath, Path);
    }

    private TeamsSettingsDocument ReadObjects()
    {
        var collector = new TeamsSettingsCollector();
        AddObjects(collector, TeamsSettingsKind.MeetingConfiguration, MeetingConfiguration, nameof(MeetingConfiguration));
        AddObjects(collector, TeamsSettingsKind.AcsFederationConfiguration, AcsFederationConfiguration, nameof(AcsFederationConfiguration));
        AddObjects(collector, TeamsSettingsKind.ExternalAccessPolicy, ExternalAccessPolicy, nameof(ExternalAccessPolicy));
        return collector.Build();
    }

    private static void AddObjects(TeamsSettingsCollector collector, TeamsSettingsKind kind, PSObject? value, string parameterName)
    {
        var bags = PropertyBags.FromObjects(value);
        for (var i = 0; i < bags.Count; i++)
        {
            var origin = bags.Count == 1
                ? SettingsOrigin.ObjectParameter(parameterName)
                : SettingsOrigin.ObjectParameter(parameterName) with { Description = $"object [{i}] of -{parameterName}" };
            collector.Add(kind, bags[i], origin);
        }
    }

    private Dictionary<string, object?> GivenValues()
    {
        var values = new Dictionary<string, object?>(StringComparer.OrdinalIgnoreCase);
        void Given(string name, object? value)
        {
            if (value is not null)
            {
                values[name] = value;
            }
        }

        Given(nameof(MeetingPolicyIdentity), MeetingPolicyIdentity);
        Given(nameof(AllowAnonymousUsersToJoinMeeting), AllowAnonymousUsersToJoinMeeting);
        Given(nameof(BlockedAnonymousJoinClientTypes), BlockedAnonymousJoinClientTypes);
        Given(nameof(AutoAdmittedUsers), AutoAdmittedUsers);
        Given(nameof(AnonymousUserAuthenticationMethod), AnonymousUserAuthenticationMethod);
        Given(nameof(CaptchaVerificationForMeetingJoin), CaptchaVerificationForMeetingJoin);
        Given(nameof(MeetingChatEnabledType), MeetingChatEnabledType);
        Given(nameof(DisableAnonymousJoin), DisableAnonymousJoin);
        Given(nameof(EnableAcsUsers), EnableAcsUsers);
        Given(nameof(AllowedAcsResources), AllowedAcsResources);
        Given(nameof(RequireAcsFederationForMeeting), RequireAcsFederationForMeeting);
        Given(nameof(EnableAcsFederationAccess), EnableAcsFederationAccess);
        return values;
    }
}
