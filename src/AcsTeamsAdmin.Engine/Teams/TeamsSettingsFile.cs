using System.Text.Json;
using AcsTeamsAdmin.Engine.Failures;

namespace AcsTeamsAdmin.Engine.Teams;

/// <summary>
/// Reads the Teams settings from JSON written by ConvertTo-Json, in either shape:
/// an object keyed by kind, {"MeetingConfiguration":{...},"MeetingPolicy":{...} or [{...},...],
/// "AcsFederationConfiguration":{...},"ExternalAccessPolicy":{...}}; or the objects themselves
/// (one, or an array, nested arrays flattened), each recognised by its properties.
/// See docs/examples/teams-settings.json.
/// </summary>
public static class TeamsSettingsFile
{
    private const string PathParameter = "Path";

    // Exports of a tenant's policies are kilobytes; anything this large is the wrong file.
    private const long MaxBytes = 16 * 1024 * 1024;

    private static readonly JsonDocumentOptions Options = new() { AllowTrailingCommas = true, CommentHandling = JsonCommentHandling.Skip };

    /// <summary>The names a key may have for each kind: ours, the object's type name, and the cmdlet's noun.</summary>
    private static readonly Dictionary<string, TeamsSettingsKind> KeyNames = new(StringComparer.OrdinalIgnoreCase)
    {
        ["MeetingConfiguration"] = TeamsSettingsKind.MeetingConfiguration,
        ["TeamsMeetingConfiguration"] = TeamsSettingsKind.MeetingConfiguration,
        ["CsTeamsMeetingConfiguration"] = TeamsSettingsKind.MeetingConfiguration,
        ["MeetingPolicy"] = TeamsSettingsKind.MeetingPolicy,
        ["MeetingPolicies"] = TeamsSettingsKind.MeetingPolicy,
        ["TeamsMeetingPolicy"] = TeamsSettingsKind.MeetingPolicy,
        ["CsTeamsMeetingPolicy"] = TeamsSettingsKind.MeetingPolicy,
        ["AcsFederationConfiguration"] = TeamsSettingsKind.AcsFederationConfiguration,
        ["TeamsAcsFederationConfiguration"] = TeamsSettingsKind.AcsFederationConfiguration,
        ["CsTeamsAcsFederationConfiguration"] = TeamsSettingsKind.AcsFederationConfiguration,
        ["ExternalAccessPolicy"] = TeamsSettingsKind.ExternalAccessPolicy,
        ["CsExternalAccessPolicy"] = TeamsSettingsKind.ExternalAccessPolicy,
    };

    /// <summary>Reads <paramref name="fullPath"/>; <paramref name="shownAs"/> is the path as the user typed it, for messages.</summary>
    public static TeamsSettingsDocument Load(string fullPath, string shownAs)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(fullPath);
        string json;
        try
        {
            var info = new FileInfo(fullPath);
            if (!info.Exists)
            {
                throw Unreadable(shownAs, Directory.Exists(fullPath) ? "is a folder, not a file." : "does not exist.",
                    "Give the path of the JSON file written by ConvertTo-Json (see docs/examples/teams-settings.json).");
            }

            if (info.Length > MaxBytes)
            {
                throw Unreadable(
                    shownAs,
                    $"is {info.Length / (1024 * 1024)} MB, too large for a settings export.",
                    "Give the JSON file of the Teams settings.");
            }

            // ReadAllText honours a byte order mark: Windows PowerShell's Out-File writes UTF-16.
            json = File.ReadAllText(fullPath);
        }
        catch (Exception error) when (error is IOException or UnauthorizedAccessException)
        {
            throw Unreadable(shownAs, $"cannot be read: {error.Message}", "Check the path and that you may read the file.", error);
        }

        return Parse(json, Path.GetFileName(fullPath));
    }

    /// <summary>Reads JSON text; <paramref name="fileName"/> names it in messages.</summary>
    public static TeamsSettingsDocument Parse(string json, string fileName)
    {
        ArgumentNullException.ThrowIfNull(json);
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(json, Options);
        }
        catch (JsonException error)
        {
            var where = error.LineNumber is { } line ? $" at line {line + 1}, position {(error.BytePositionInLine ?? 0) + 1}" : string.Empty;
            throw Unreadable(fileName, $"is not valid JSON{where}.", "Write it with ConvertTo-Json -Depth 5 (see docs/examples/teams-settings.json).", error);
        }

        using (document)
        {
            var collector = new TeamsSettingsCollector();
            var root = document.RootElement;
            if (root.ValueKind == JsonValueKind.Object && root.EnumerateObject().Any(property => KeyNames.ContainsKey(property.Name)))
            {
                AddKeyed(collector, root, fileName);
            }
            else
            {
                AddObjects(collector, root, fileName, "the object");
            }

            return collector.Build();
        }
    }

    private static void AddKeyed(TeamsSettingsCollector collector, JsonElement root, string fileName)
    {
        foreach (var property in root.EnumerateObject())
        {
            if (!KeyNames.TryGetValue(property.Name, out var kind))
            {
                throw Unreadable(
                    fileName,
                    $"has the key '{property.Name}', which is not one of MeetingConfiguration, MeetingPolicy, " +
                    "AcsFederationConfiguration, ExternalAccessPolicy.",
                    "Rename or remove it (see docs/examples/teams-settings.json).",
                    errorId: ErrorIds.TeamsSettingsNotRecognized);
            }

            var objects = Flatten(property.Value).ToArray();
            for (var i = 0; i < objects.Length; i++)
            {
                var where = objects.Length == 1 ? property.Name : $"{property.Name}[{i}]";
                collector.Add(kind, ObjectAt(objects[i], fileName, where), SettingsOrigin.FileObject(fileName, where));
            }
        }
    }

    private static void AddObjects(TeamsSettingsCollector collector, JsonElement root, string fileName, string single)
    {
        var objects = Flatten(root).ToArray();
        if (objects.Length == 0)
        {
            throw Unreadable(
                fileName,
                "holds no settings.",
                "Export the objects with ConvertTo-Json (see docs/examples/teams-settings.json).",
                errorId: ErrorIds.TeamsSettingsNotRecognized);
        }

        for (var i = 0; i < objects.Length; i++)
        {
            var where = root.ValueKind == JsonValueKind.Array ? $"object [{i}]" : single;
            collector.Add(ObjectAt(objects[i], fileName, where), SettingsOrigin.FileObject(fileName, where));
        }
    }

    // ConvertTo-Json of @($a, $b) where $b is itself a list nests arrays; null entries carry nothing.
    private static IEnumerable<JsonElement> Flatten(JsonElement element) => element.ValueKind switch
    {
        JsonValueKind.Array => element.EnumerateArray().SelectMany(Flatten),
        JsonValueKind.Null => [],
        _ => [element],
    };

    private static Dictionary<string, object?> ObjectAt(JsonElement element, string fileName, string where) =>
        element.ValueKind == JsonValueKind.Object
            ? JsonPropertyBag.FromObject(element)
            : throw Unreadable(fileName, $"has {element.ValueKind.ToString().ToLowerInvariant()} where {where} should be an object.",
                "Give each setting object as ConvertTo-Json writes it (see docs/examples/teams-settings.json).", errorId: ErrorIds.TeamsSettingsNotRecognized);

    private static AcsTeamsAdminException Unreadable(
        string file,
        string problem,
        string fix,
        Exception? inner = null,
        string errorId = ErrorIds.TeamsSettingsFileUnreadable) =>
        new(errorId, FailureCategory.InvalidData, $"{AcsTeamsAdminException.Parameter(PathParameter)} '{file}' {problem} {fix}", fix, file, inner)
        {
            ParameterName = PathParameter,
        };
}
