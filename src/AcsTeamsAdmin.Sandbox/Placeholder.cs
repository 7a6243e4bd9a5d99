namespace AcsTeamsAdmin.Sandbox;
internal static class Placeholder { }
