namespace AcsTeamsAdmin.Loader;
internal static class Placeholder { }
