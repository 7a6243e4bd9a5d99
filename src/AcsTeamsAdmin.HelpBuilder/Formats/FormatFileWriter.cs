using System.Collections;
using System.Reflection;
using System.Xml.Linq;
using AcsTeamsAdmin.Engine.Presentation;

namespace AcsTeamsAdmin.HelpBuilder.Formats;

/// <summary>
/// Writes the module's format file from the [DefaultDisplay] attributes of the engine's output types: one table or
/// list view per type, so PowerShell's default view and acsteams' readable output cannot drift apart.
/// Collections are joined for display (", ", or one per line where a list column says ":lines").
/// </summary>
internal static class FormatFileWriter
{
    public static XDocument Build(Assembly engine)
    {
        ArgumentNullException.ThrowIfNull(engine);
        var views = engine.GetTypes()
            .Select(type => (Type: type, Display: type.GetCustomAttribute<DefaultDisplayAttribute>()))
            .Where(entry => entry.Display is not null)
            .OrderBy(entry => entry.Type.FullName, StringComparer.Ordinal)
            .Select(entry => View(entry.Type, entry.Display!));
        return new XDocument(
            new XDeclaration("1.0", "utf-8", null),
            new XComment(" Generated at build from the [DefaultDisplay] attributes of AcsTeamsAdmin.Engine's output types " +
                "(src/AcsTeamsAdmin.HelpBuilder/Formats): change those, not this file. "),
            new XElement("Configuration", new XElement("ViewDefinitions", views)));
    }

    public static void Save(XDocument document, string path)
    {
        ArgumentNullException.ThrowIfNull(document);
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(path))!);
        document.Save(path);
    }

    private static XElement View(Type type, DefaultDisplayAttribute display)
    {
        var columns = display.Columns.Select(spec => Column.Parse(type, spec)).ToArray();
        var view = new XElement("View",
            new XElement("Name", "AcsTeamsAdmin." + type.Name),
            new XElement("ViewSelectedBy", new XElement("TypeName", type.FullName)));
        if (display.GroupBy is { } group)
        {
            _ = Property(type, group);
            view.Add(new XElement("GroupBy",
                display.GroupByNullText is { } empty
                    ? new XElement(
                        "ScriptBlock",
                        $"if ($null -ne $_.{group}) {{ $_.{group} }} else {{ '{empty.Replace("'", "''", StringComparison.Ordinal)}' }}")
                    : new XElement("PropertyName", group),
                new XElement("Label", group)));
            columns = [.. columns.Where(column => column.Name != group)];
        }

        view.Add(display.AsList ? List(columns) : Table(columns));
        return view;
    }

    private static XElement Table(IReadOnlyList<Column> columns) =>
        new("TableControl",
            new XElement("TableHeaders", columns.Select(column => new XElement("TableColumnHeader",
                new XElement("Label", column.Name),
                column.Width is { } width ? new XElement("Width", width) : null))),
            new XElement("TableRowEntries", new XElement("TableRowEntry",
                new XElement("Wrap"),
                new XElement("TableColumnItems", columns.Select(column =>
                    new XElement("TableColumnItem", column.Value(", ", Reserved(columns, column))))))));

    // What the other columns of a table take, with the space between columns and the one PowerShell keeps free at the
    // end of a line: a words column without a width wraps at what the window leaves it.
    private static int Reserved(IReadOnlyList<Column> columns, Column column) =>
        columns.Where(other => other != column).Sum(other => other.Width ?? 0) + columns.Count;

    private static XElement List(IReadOnlyList<Column> columns) =>
        new("ListControl", new XElement("ListEntries", new XElement("ListEntry", new XElement("ListItems",
            columns.Select(column => new XElement("ListItem",
                column.IsCollection ? new XElement("Label", column.Name) : null,
                column.Value(column.OnePerLine ? "[Environment]::NewLine" : ", ")))))));

    private static PropertyInfo Property(Type type, string name) =>
        type.GetProperty(name) ?? throw new FormatException($"[DefaultDisplay] of {type.FullName} names '{name}', which is not one of its properties.");

    /// <summary>One column of a view, parsed from "Name", "Name:width", "Name:width:words", "Name:words" or "Name:lines".</summary>
    private sealed record Column(string Name, int? Width, bool OnePerLine, bool IsCollection, bool WrapWords = false)
    {
        public static Column Parse(Type type, string spec)
        {
            var parts = spec.Split(':');
            var property = Property(type, parts[0]);
            var collection = property.PropertyType != typeof(string) && typeof(IEnumerable).IsAssignableFrom(property.PropertyType);
            return parts switch
            {
                [var name] => new Column(name, null, false, collection),
                [var name, "lines"] => new Column(name, null, true, collection),
                [var name, "words"] when !collection => new Column(name, null, false, false, WrapWords: true),
                [var name, var width] when Chars(width) is { } chars => new Column(name, chars, false, collection),
                [var name, var width, "words"] when Chars(width) is { } chars && !collection => new Column(name, chars, false, false, WrapWords: true),
                _ => throw new FormatException(
                    $"[DefaultDisplay] of {type.FullName}: '{spec}' is not 'Name', 'Name:width', 'Name:width:words', 'Name:words' (a text) or 'Name:lines'."),
            };
        }

        /// <summary>
        /// The property itself; for a collection its items joined by <paramref name="separator"/> (a PowerShell
        /// expression); for a text wrapped at words, the text with a line break wherever the next word would pass the
        /// column's width (PowerShell's own wrapping cuts words at the width: "Azur" / "e Communication"). A words column
        /// without a width is the one that takes what the window leaves: <paramref name="reserved"/> characters less than
        /// the host's width (the width PowerShell formats to; at least 20).
        /// </summary>
        public XElement Value(string separator, int reserved = 0) =>
            WrapWords ? new XElement("ScriptBlock", WordWrap(Name, Width is { } width ? $"$width = {width}" : WindowLeft(reserved)))
            : IsCollection ? new XElement("ScriptBlock", $"$_.{Name} -join {(separator.StartsWith('[') ? separator : $"'{separator}'")}")
            : new XElement("PropertyName", Name);

        private static int? Chars(string width) => int.TryParse(width, out var chars) && chars > 0 ? chars : null;

        // The host's width, as PowerShell's formatter reads it (80 when output is redirected); 120 if it has none.
        private static string WindowLeft(int reserved) =>
            "$window = try { [int]$Host.UI.RawUI.BufferSize.Width } catch { 0 }; if ($window -le 0) { $window = 120 }; " +
            $"$width = [Math]::Max(20, $window - {reserved})";

        private static string WordWrap(string property, string widthStatement) =>
            $"{widthStatement}; $text = [string]$_.{property}; if ($text.Length -le $width) {{ return $text }}; " +
            "$out = [System.Text.StringBuilder]::new(); $line = 0; " +
            "foreach ($word in $text.Split(' ')) { " +
            "if ($line -gt 0 -and $line + 1 + $word.Length -gt $width) { [void]$out.Append([char]10); $line = 0 } " +
            "elseif ($line -gt 0) { [void]$out.Append(' '); $line++ }; " +
            "[void]$out.Append($word); $line += $word.Length }; $out.ToString()";
    }
}
