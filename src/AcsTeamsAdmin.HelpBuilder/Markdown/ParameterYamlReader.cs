namespace AcsTeamsAdmin.HelpBuilder.Markdown;

/// <summary>Reads the flat "Key: value" YAML platyPS writes under a parameter. Every key is required.</summary>
internal static class ParameterYamlReader
{
    public static ParameterYaml Read(string yaml, string where)
    {
        ArgumentNullException.ThrowIfNull(yaml);
        var values = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (string line in yaml.Split('\n'))
        {
            int colon = line.IndexOf(':', StringComparison.Ordinal);
            if (colon > 0)
            {
                values[line[..colon].Trim()] = line[(colon + 1)..].Trim();
            }
        }

        string Get(string key) => values.TryGetValue(key, out string? value)
            ? value
            : throw new FormatException($"{where}: the yaml block has no '{key}:'.");

        return new ParameterYaml(
            Type: Get("Type"),
            ParameterSets: List(Get("Parameter Sets")),
            Aliases: List(Get("Aliases")),
            AcceptedValues: values.TryGetValue("Accepted values", out string? accepted) ? List(accepted) : [],
            Required: Boolean(Get("Required"), "Required", where),
            Position: Get("Position"),
            DefaultValue: Get("Default value"),
            PipelineInput: Get("Accept pipeline input"),
            Globbing: Boolean(Get("Accept wildcard characters"), "Accept wildcard characters", where));
    }

    private static string[] List(string value) =>
        value.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    private static bool Boolean(string value, string key, string where) =>
        bool.TryParse(value, out bool result) ? result : throw new FormatException($"{where}: '{key}: {value}' is not True or False.");
}
