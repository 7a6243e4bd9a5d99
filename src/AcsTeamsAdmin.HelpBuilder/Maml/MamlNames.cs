using System.Xml.Linq;

namespace AcsTeamsAdmin.HelpBuilder.Maml;

/// <summary>The namespaces of PowerShell's MAML help, as platyPS declares them on every command element.</summary>
internal static class MamlNames
{
    public static readonly XNamespace MshNs = "http://msh";
    public static readonly XNamespace MamlNs = "http://schemas.microsoft.com/maml/2004/10";
    public static readonly XNamespace CommandNs = "http://schemas.microsoft.com/maml/dev/command/2004/10";
    public static readonly XNamespace DevNs = "http://schemas.microsoft.com/maml/dev/2004/10";
    public static readonly XNamespace MSHelpNs = "http://msdn.microsoft.com/mshelp";
}
