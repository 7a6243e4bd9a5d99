namespace AcsTeamsAdmin;
internal static class Placeholder { }
