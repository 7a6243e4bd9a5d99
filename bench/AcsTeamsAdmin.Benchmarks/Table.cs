using System.Globalization;
using System.Text;

namespace AcsTeamsAdmin.Benchmarks;

/// <summary>A plain-text table with aligned columns: what every scenario prints.</summary>
internal sealed class Table(string title, params string[] columns)
{
    private readonly List<string[]> _rows = [];

    public void Add(params object?[] cells) =>
        _rows.Add(cells.Select(cell => cell switch
        {
            null => "",
            double d => d.ToString("0.##", CultureInfo.InvariantCulture),
            IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
            _ => cell.ToString() ?? "",
        }).ToArray());

    public override string ToString()
    {
        var widths = columns.Select((column, i) => Math.Max(column.Length, _rows.Count == 0 ? 0 : _rows.Max(row => i < row.Length ? row[i].Length : 0))).ToArray();
        var text = new StringBuilder();
        text.AppendLine().AppendLine(title).AppendLine(new string('=', title.Length));
        text.AppendLine(Line(columns, widths));
        text.AppendLine(string.Join("  ", widths.Select(width => new string('-', width))));
        foreach (var row in _rows)
        {
            text.AppendLine(Line(row, widths));
        }

        return text.ToString();
    }

    public void Print() => Console.Write(ToString());

    private static string Line(string[] cells, int[] widths) =>
        string.Join("  ", widths.Select((width, i) => (i < cells.Length ? cells[i] : "").PadRight(width))).TrimEnd();
}
