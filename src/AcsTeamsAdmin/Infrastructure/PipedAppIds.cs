using AcsTeamsAdmin.Engine.Failures;
using AcsTeamsAdmin.Engine.Identifiers;

namespace AcsTeamsAdmin.Infrastructure;

/// <summary>
/// App ids gathered from every pipeline record into one run (readiness and setup batch them). A bad id is a
/// non-terminating error of the record that brought it and is left out; the others go on.
/// </summary>
internal sealed class PipedAppIds
{
    private readonly List<AppId> _ids = [];
    private int _rejected;

    public IReadOnlyList<AppId> Ids => _ids;

    /// <summary>True when every id given was bad: there is nothing left to run for.</summary>
    public bool AllRejected => _rejected > 0 && _ids.Count == 0;

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
}
