using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;
using AcsTeamsAdmin.Cli.Commands;

namespace AcsTeamsAdmin.Cli.Output;

/// <summary>
/// The output objects as JSON: always an array (so `jq '.[0]'` works whatever the count), property
/// names as the cmdlets' objects have them (as ConvertTo-Json writes them), enums as names. The array
/// is written as the objects come (<see cref="Stream"/>), so a long run that is interrupted or fails
/// half-way still leaves a complete, valid record of what it did.
/// </summary>
internal static class JsonOutput
{
    /// <summary>The options for what <paramref name="command"/> writes: its secrets hidden with a hint that fits it.</summary>
    public static JsonSerializerOptions Options(CliCommand command) => new()
    {
        WriteIndented = true,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        Converters = { new JsonStringEnumConverter(), new HiddenSecureStringConverter(HiddenSecureStringConverter.PlaceholderFor(command)) },
    };

    /// <summary>An array written one element at a time, each flushed at once; disposing closes it, whatever happened.</summary>
    public static ArrayStream Stream(TextWriter writer, CliCommand command) => new(writer, Options(command));

    internal sealed class ArrayStream(TextWriter writer, JsonSerializerOptions options) : IDisposable
    {
        private int _count;

        public void Add(object value)
        {
            var element = JsonSerializer.Serialize(value, value.GetType(), options).ReplaceLineEndings("\n  ");
            writer.Write(_count++ == 0 ? "[\n  " : ",\n  ");
            writer.Write(element);
            writer.Flush();
        }

        public void Dispose()
        {
            writer.WriteLine(_count == 0 ? "[]" : "\n]");
            writer.Flush();
        }
    }
}
