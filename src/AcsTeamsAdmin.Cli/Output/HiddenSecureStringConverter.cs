using System.Security;
using System.Text.Json;
using System.Text.Json.Serialization;
using AcsTeamsAdmin.Cli.Commands;

namespace AcsTeamsAdmin.Cli.Output;

/// <summary>
/// A SecureString on the command line stays hidden: the JSON says so instead of its Length (what System.Text.Json
/// would write), and how to get the text only where there is a way: commands that issue tokens print them with
/// --as-plain-text; the others (Get-AcsResource's ConnectionString) never print it.
/// </summary>
internal sealed class HiddenSecureStringConverter(string placeholder) : JsonConverter<SecureString>
{
    public const string PlainTextPlaceholder = "(hidden: add --as-plain-text to print it)";

    /// <summary>The text in place of a secret <paramref name="command"/> writes: --as-plain-text only when it has the option.</summary>
    public static string PlaceholderFor(CliCommand command)
    {
        ArgumentNullException.ThrowIfNull(command);
        return command.Parameters.Any(parameter => parameter.Name == "AsPlainText")
            ? PlainTextPlaceholder
            : $"(hidden: acsteams never prints it; in PowerShell, {command.Name} passes it on as a SecureString)";
    }

    public override SecureString Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        throw new NotSupportedException("acsteams writes JSON; it never reads a SecureString back.");

    public override void Write(Utf8JsonWriter writer, SecureString value, JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.WriteStringValue(placeholder);
    }
}
