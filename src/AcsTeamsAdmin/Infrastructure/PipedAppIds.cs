using AcsTeamsAdmin.Engine.Failures;
using AcsTeamsAdmin.Engine.Identifiers;

namespace AcsTeamsAdmin.Infrastructure;

/// <summary>
/// App ids gathered from every pipeline record into one run (readiness and setup batch them). A bad id is a
/// non-terminating error of the record that brought it and is left out, and the others go on, as for any
/// item-level error in PowerShell. A run that was given ids but kept none does not go on with none.
/// </summary>
internal sealed class PipedAppIds
{
    private readonly List<AppId> _ids = [];
    private int _rejected;

    public IReadOnlyList<AppId> Ids => _ids;

    public void Add(IEnumerable<string> values, PipelineStep pipeline)
    {
        foreach (var value in values)
        {
            try
            {
                var id = AppId.Parse(value);
                if (!_ids.Contains(id))
                {
                    _ids.Add(id);
                }
            }
            catch (AcsTeamsAdminException error)
            {
                _rejected++;
                pipeline.WriteError(ErrorRecordFactory.Create(error));
            }
        }
    }

    /// <summary>
    /// Throws when ids were expected (piped, or required) and none is left: an empty pipeline or one whose every
    /// id was bad must not run the tenant-wide steps as if no app had been named.
    /// </summary>
    public void RequireAny(bool required, bool fromPipeline)
    {
        if (_ids.Count == 0 && (required || fromPipeline || _rejected > 0))
        {
            throw AcsTeamsAdminException.InvalidInput("AppId", null,
                _rejected > 0 ? $"none of the {_rejected} app id(s) given was valid (see the errors above), so nothing was run."
                    : "no app id came through the pipeline, so nothing was run.",
                "Pass at least one Application (client) id, as -AppId or through the pipeline.", ErrorIds.MissingParameter);
        }
    }
}
