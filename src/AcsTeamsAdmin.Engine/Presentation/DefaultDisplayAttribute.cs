namespace AcsTeamsAdmin.Engine.Presentation;

/// <summary>
/// How an output type shows by default, in one place: the module's format file (AcsTeamsAdmin.Format.ps1xml)
/// is generated from it at build, and the command line's readable output uses the same columns, so PowerShell
/// and acsteams show an object the same way.
/// </summary>
/// <param name="columns">
/// The properties shown, in order. In a table, "Name:12" makes a column 12 characters wide; columns without a width
/// share what the window leaves (so an 80-column window still shows them, wrapped); "Name:50:words" makes a text
/// column 50 wide that wraps between words (PowerShell's wrapping cuts a word at the width), and "Name:words" the last
/// column, which wraps between words at what the window leaves it. In a list, "Name:lines" puts each item of a
/// collection on a line of its own; other collections are joined with ", ".
/// </param>
[AttributeUsage(AttributeTargets.Class, Inherited = false)]
public sealed class DefaultDisplayAttribute(params string[] columns) : Attribute
{
    public IReadOnlyList<string> Columns { get; } = columns;

    /// <summary>The property names of <see cref="Columns"/>, in order.</summary>
    public IReadOnlyList<string> Properties => [.. Columns.Select(column => column.Split(':')[0])];

    /// <summary>Name : Value lines rather than a table: for objects that come one at a time, with long values.</summary>
    public bool AsList { get; init; }

    /// <summary>
    /// In PowerShell, one header per value of this property, which the table then leaves out (a column of the same
    /// 36-character id on every row is what wraps the others). The cmdlet writes objects grouped by it.
    /// </summary>
    public string? GroupBy { get; init; }

    /// <summary>The group header's value for objects whose <see cref="GroupBy"/> property is null.</summary>
    public string? GroupByNullText { get; init; }
}
