using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace AcsTeamsAdmin.Cli.Output;

/// <summary>
/// The output objects as JSON: always an array (so `jq '.[0]'` works whatever the count), property
/// names as the cmdlets' objects have them (as ConvertTo-Json writes them), enums as names.
/// </summary>
internal static class JsonOutput
{
    public static JsonSerializerOptions Options { get; } = new()
    {
        WriteIndented = true,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        Converters = { new JsonStringEnumConverter(), new HiddenSecureStringConverter() },
    };

    public static void Write(TextWriter writer, IReadOnlyList<object> values)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.WriteLine(JsonSerializer.Serialize(values.ToArray(), Options));
    }
}
