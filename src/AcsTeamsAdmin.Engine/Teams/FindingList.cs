namespace AcsTeamsAdmin.Engine.Teams;

/// <summary>The findings of one evaluation, in check order, and the settings whose defaults were assumed.</summary>
internal sealed class FindingList(string meetingPolicy)
{
    private readonly List<JoinPolicyFinding> _findings = [];
    private readonly List<string> _assumed = [];

    public string MeetingPolicy { get; } = meetingPolicy;

    public IReadOnlyList<string> Assumed => _assumed;

    public void Add(string configuration, string setting, string value, SettingSource source, FindingEffect effect, string detail, string? remedy = null)
    {
        if (source == SettingSource.AssumedDefault)
        {
            _assumed.Add($"{setting}={value}");
        }

        _findings.Add(new JoinPolicyFinding
        {
            Configuration = configuration,
            Setting = setting,
            Value = value,
            Source = source,
            Effect = effect,
            Detail = detail,
            Remedy = remedy,
            MeetingPolicy = MeetingPolicy,
        });
    }

    /// <summary>Most severe first; checks of equal severity keep the order they ran in.</summary>
    public IReadOnlyList<JoinPolicyFinding> Sorted() => _findings.OrderBy(finding => finding.Effect).ToArray();

    public static SettingSource SourceOf(object? given) => given is null ? SettingSource.AssumedDefault : SettingSource.Given;

    public static string Show(bool value) => value ? "True" : "False";

    public static string Show(IReadOnlyList<string> values) => values.Count == 0 ? "(empty)" : string.Join(", ", values);
}
