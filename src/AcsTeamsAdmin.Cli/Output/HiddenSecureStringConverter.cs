using System.Security;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace AcsTeamsAdmin.Cli.Output;

/// <summary>
/// A SecureString on the command line stays hidden: the JSON says how to get the text instead of its Length
/// (what System.Text.Json would write). Commands that issue tokens print them with --as-plain-text.
/// </summary>
internal sealed class HiddenSecureStringConverter : JsonConverter<SecureString>
{
    public const string Placeholder = "(hidden: add --as-plain-text to print it)";

    public override SecureString Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        throw new NotSupportedException("acsteams writes JSON; it never reads a SecureString back.");

    public override void Write(Utf8JsonWriter writer, SecureString value, JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.WriteStringValue(Placeholder);
    }
}
