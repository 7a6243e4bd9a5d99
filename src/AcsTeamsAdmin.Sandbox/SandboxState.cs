using System.Text.Json;

namespace AcsTeamsAdmin.Sandbox;

/// <summary>
/// The sandbox's data behind one lock. Every request reads and writes through here, so concurrent clients see
/// each operation whole; a callback must not keep references to the data after it returns.
/// </summary>
public sealed class SandboxState
{
    private readonly object _gate = new();
    private SandboxData _data;

    public SandboxState()
        : this(new SandboxData())
    {
    }

    public SandboxState(SandboxData data)
    {
        ArgumentNullException.ThrowIfNull(data);
        _data = data;
    }

    public T Read<T>(Func<SandboxData, T> reader)
    {
        ArgumentNullException.ThrowIfNull(reader);
        lock (_gate)
        {
            return reader(_data);
        }
    }

    public void Update(Action<SandboxData> updater)
    {
        ArgumentNullException.ThrowIfNull(updater);
        lock (_gate)
        {
            updater(_data);
        }
    }

    public T Update<T>(Func<SandboxData, T> updater)
    {
        ArgumentNullException.ThrowIfNull(updater);
        lock (_gate)
        {
            return updater(_data);
        }
    }

    /// <summary>A deep copy, safe to inspect at leisure.</summary>
    public SandboxData Snapshot() => FromJson(ToJson())._data;

    public string ToJson()
    {
        lock (_gate)
        {
            return JsonSerializer.Serialize(_data, SandboxJson.Options);
        }
    }

    public static SandboxState FromJson(string json)
    {
        ArgumentNullException.ThrowIfNull(json);
        var data = JsonSerializer.Deserialize<SandboxData>(json, SandboxJson.Options)
            ?? throw new JsonException("The sandbox state JSON is null.");
        return new SandboxState(data);
    }

    /// <summary>Swaps in other data wholesale (the PUT /_sandbox/state hook).</summary>
    public void Replace(SandboxData data)
    {
        ArgumentNullException.ThrowIfNull(data);
        lock (_gate)
        {
            _data = data;
        }
    }

    /// <summary>Swaps in the data of a saved state.</summary>
    public void ReplaceFromJson(string json)
    {
        ArgumentNullException.ThrowIfNull(json);
        var data = JsonSerializer.Deserialize<SandboxData>(json, SandboxJson.Options) ?? throw new JsonException("The sandbox state JSON is null.");
        Replace(data);
    }

    public void Save(string path) => File.WriteAllText(path, ToJson());

    public static SandboxState Load(string path) => FromJson(File.ReadAllText(path));
}
