namespace AcsTeamsAdmin.Cli.Output;

/// <summary>--output: a readable table (the default) or the output objects as JSON.</summary>
internal enum OutputFormat
{
    Table,
    Json,
}
