using System.Collections;
using System.Globalization;

namespace AcsTeamsAdmin.Cli.Output;

/// <summary>
/// Readable output, as PowerShell would show it: one object as a list of "Name : Value" lines,
/// several as a table. With <c>plainTokens</c> (the command was given --as-plain-text), a token the
/// default columns leave out is shown too: the user asked for it, and a table has no .Token to read.
/// </summary>
internal static class TextOutput
{
    public static void Write(TextWriter writer, IReadOnlyList<object> values, bool plainTokens = false)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(values);
        foreach (var group in values.GroupBy(value => value.GetType()))
        {
            if (group.Key == typeof(string))
            {
                // A text result (a markdown report) is printed as is, as PowerShell prints a string.
                foreach (var text in group)
                {
                    writer.Write(text);
                }

                continue;
            }

            var columns = DisplayColumns.For(group.Key);
            if (plainTokens && group.Key.GetProperty("Token")?.PropertyType == typeof(string) && !columns.Contains("Token"))
            {
                columns = [.. columns, "Token"];
            }

            var rows = group.Select(value => columns.Select(column => Format(group.Key.GetProperty(column)?.GetValue(value))).ToArray()).ToArray();
            if (rows.Length == 1)
            {
                WriteList(writer, columns, rows[0]);
            }
            else
            {
                WriteTable(writer, columns, rows);
            }
        }
    }

    private static void WriteList(TextWriter writer, IReadOnlyList<string> columns, string[] row)
    {
        var width = columns.Max(column => column.Length);
        for (var i = 0; i < columns.Count; i++)
        {
            writer.WriteLine($"{columns[i].PadRight(width)} : {row[i]}");
        }

        writer.WriteLine();
    }

    private static void WriteTable(TextWriter writer, IReadOnlyList<string> columns, string[][] rows)
    {
        var widths = columns.Select((column, i) => Math.Max(column.Length, rows.Max(row => row[i].Length))).ToArray();
        writer.WriteLine(string.Join(' ', columns.Select((column, i) => column.PadRight(widths[i]))).TrimEnd());
        writer.WriteLine(string.Join(' ', widths.Select(width => new string('-', width))));
        foreach (var row in rows)
        {
            writer.WriteLine(string.Join(' ', row.Select((cell, i) => cell.PadRight(widths[i]))).TrimEnd());
        }

        writer.WriteLine();
    }

    private static string Format(object? value) => value switch
    {
        null => string.Empty,
        string text => text,
        DateTimeOffset time => time.ToUniversalTime().ToString("yyyy-MM-dd HH:mm:ss 'UTC'", CultureInfo.InvariantCulture),
        IEnumerable items => string.Join(", ", items.Cast<object?>().Select(Format)),
        IFormattable formattable => formattable.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString() ?? string.Empty,
    };
}
