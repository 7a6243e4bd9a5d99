namespace AcsTeamsAdmin.Engine.Connections;

/// <summary>The Microsoft clouds, named as Connect-MgGraph -Environment names them.</summary>
public enum CloudEnvironment
{
    Global,
    USGov,
    USGovDoD,
    China,
}
