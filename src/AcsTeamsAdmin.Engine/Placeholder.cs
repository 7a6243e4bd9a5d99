namespace AcsTeamsAdmin.Engine;
internal static class Placeholder { }
