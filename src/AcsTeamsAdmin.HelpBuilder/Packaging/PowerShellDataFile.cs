using System.Globalization;
using System.Text;

namespace AcsTeamsAdmin.HelpBuilder.Packaging;

/// <summary>
/// Reads a PowerShell data file (.psd1) without PowerShell: the subset module manifests use,
/// hashtables @{ }, arrays @( ) and comma lists, single- and double-quoted strings, $true,
/// $false, $null, numbers and comments. Anything else is an error, not a guess.
/// </summary>
internal sealed class PowerShellDataFile
{
    private readonly string _text;
    private int _position;

    private PowerShellDataFile(string text) => _text = text;

    public static IReadOnlyDictionary<string, object?> ReadHashtable(string path)
    {
        var reader = new PowerShellDataFile(File.ReadAllText(path));
        reader.SkipTrivia();
        var table = reader.ReadValue() as IReadOnlyDictionary<string, object?>
            ?? throw new FormatException($"{path} does not hold a hashtable.");
        reader.SkipTrivia();
        return reader._position == reader._text.Length ? table : throw reader.Error("unexpected text after the hashtable");
    }

    private object? ReadValue()
    {
        object? first = ReadSingleValue();
        SkipTrivia(newlines: false);
        if (Peek() != ',')
        {
            return first;
        }

        // A bare comma list, as in: Tags = 'a', 'b'
        var items = new List<object?> { first };
        while (Peek() == ',')
        {
            _position++;
            SkipTrivia();
            items.Add(ReadSingleValue());
            SkipTrivia(newlines: false);
        }

        return items;
    }

    private object? ReadSingleValue()
    {
        if (StartsWith("@{"))
        {
            _position += 2;
            return ReadHashtableBody();
        }

        if (StartsWith("@("))
        {
            _position += 2;
            return ReadArrayBody();
        }

        return Peek() switch
        {
            '\'' => ReadSingleQuoted(),
            '"' => ReadDoubleQuoted(),
            '$' => ReadVariable(),
            _ => ReadBareword(),
        };
    }

    private Dictionary<string, object?> ReadHashtableBody()
    {
        var table = new Dictionary<string, object?>(StringComparer.OrdinalIgnoreCase);
        while (true)
        {
            SkipTrivia(separators: ";");
            if (Peek() == '}')
            {
                _position++;
                return table;
            }

            string key = Peek() is '\'' or '"' ? (string)ReadSingleValue()! : ReadBareword();
            SkipTrivia(newlines: false);
            Expect('=');
            SkipTrivia();
            if (!table.TryAdd(key, ReadValue()))
            {
                throw Error($"a second '{key}' key");
            }
        }
    }

    private List<object?> ReadArrayBody()
    {
        var items = new List<object?>();
        while (true)
        {
            SkipTrivia(separators: ",");
            if (Peek() == ')')
            {
                _position++;
                return items;
            }

            items.Add(ReadSingleValue());
        }
    }

    private string ReadSingleQuoted()
    {
        var value = new StringBuilder();
        _position++;
        while (true)
        {
            char c = Next();
            if (c == '\'')
            {
                if (Peek() != '\'')
                {
                    return value.ToString();
                }

                _position++;
            }

            value.Append(c);
        }
    }

    private string ReadDoubleQuoted()
    {
        var value = new StringBuilder();
        _position++;
        while (true)
        {
            char c = Next();
            if (c == '$' && Peek() is '(' or '{' || c == '$' && char.IsLetter(Peek()))
            {
                throw Error("a variable or subexpression inside a string; manifests are not evaluated");
            }

            if (c == '`')
            {
                char escaped = Next();
                value.Append(escaped switch { 'n' => '\n', 'r' => '\r', 't' => '\t', '0' => '\0', _ => escaped });
                continue;
            }

            if (c == '"')
            {
                if (Peek() != '"')
                {
                    return value.ToString();
                }

                _position++;
            }

            value.Append(c);
        }
    }

    private object? ReadVariable()
    {
        _position++;
        string name = ReadBareword();
        return name.ToUpperInvariant() switch
        {
            "TRUE" => true,
            "FALSE" => false,
            "NULL" => null,
            _ => throw Error($"the unsupported variable ${name}"),
        };
    }

    private string ReadBareword()
    {
        int start = _position;
        while (_position < _text.Length && (char.IsLetterOrDigit(_text[_position]) || _text[_position] is '_' or '.' or '-'))
        {
            _position++;
        }

        return _position > start ? _text[start.._position] : throw Error("no value where one was expected");
    }

    private void SkipTrivia(bool newlines = true, string separators = "")
    {
        while (_position < _text.Length)
        {
            char c = _text[_position];
            if (StartsWith("<#"))
            {
                int end = _text.IndexOf("#>", _position + 2, StringComparison.Ordinal);
                _position = end < 0 ? throw Error("an unclosed <# comment") : end + 2;
            }
            else if (c == '#')
            {
                while (_position < _text.Length && _text[_position] != '\n')
                {
                    _position++;
                }
            }
            else if (c is ' ' or '\t' or '\r' || (newlines && c == '\n') || separators.Contains(c, StringComparison.Ordinal))
            {
                _position++;
            }
            else
            {
                return;
            }
        }
    }

    private char Peek() => _position < _text.Length ? _text[_position] : '\0';

    private char Next() => _position < _text.Length ? _text[_position++] : throw Error("the end of the file inside a string");

    private bool StartsWith(string token) => string.CompareOrdinal(_text, _position, token, 0, token.Length) == 0;

    private void Expect(char c)
    {
        if (Next() != c)
        {
            throw Error($"something other than the expected '{c}'");
        }
    }

    private FormatException Error(string problem)
    {
        int line = _text.AsSpan(0, Math.Min(_position, _text.Length)).Count('\n') + 1;
        return new FormatException(string.Create(CultureInfo.InvariantCulture, $"Line {line} of the data file: {problem}."));
    }
}
