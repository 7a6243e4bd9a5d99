namespace AcsTeamsAdmin.Cli.Commands;

/// <summary>
/// Secrets acsteams also takes from environment variables: on a command line, other users of the machine can
/// read them in the process list. An option always wins over its variable.
/// </summary>
internal static class SecretVariables
{
    public const string ClientSecret = "ACSTEAMS_CLIENT_SECRET";
    public const string AccessToken = "ACSTEAMS_ACCESS_TOKEN";
    public const string AcsConnectionString = "ACSTEAMS_ACS_CONNECTION_STRING";
    public const string AadToken = "ACSTEAMS_AAD_TOKEN";

    /// <summary>The variable that can stand in for the cmdlet parameter <paramref name="parameter"/>, if any.</summary>
    public static string? For(string parameter) => parameter switch
    {
        "ClientSecret" => ClientSecret,
        "AccessToken" => AccessToken,
        "ConnectionString" => AcsConnectionString,
        "AadToken" or "Token" => AadToken,
        _ => null,
    };
}
