using System.Text.Json;
using System.Text.Json.Serialization;

namespace AcsTeamsAdmin.Sandbox;

/// <summary>The one set of JSON options the sandbox uses for its state, its hooks and its description.</summary>
public static class SandboxJson
{
    /// <summary>camelCase, enums as strings, and get-only collections populated in place so the model can keep them read-only.</summary>
    public static JsonSerializerOptions Options { get; } = CreateOptions();

    private static JsonSerializerOptions CreateOptions()
    {
        var options = new JsonSerializerOptions(JsonSerializerDefaults.Web)
        {
            PreferredObjectCreationHandling = JsonObjectCreationHandling.Populate,
            DefaultIgnoreCondition = JsonIgnoreCondition.Never,
        };
        options.Converters.Add(new JsonStringEnumConverter());
        options.MakeReadOnly(populateMissingResolver: true);
        return options;
    }
}
