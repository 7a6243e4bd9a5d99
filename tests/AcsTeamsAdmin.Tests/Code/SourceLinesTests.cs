namespace AcsTeamsAdmin.Tests.Code;

/// <summary>
/// Lines fit a screen: no line of the product's C# (src) is longer than 160 characters, so a review or a diff never
/// scrolls sideways. What the build generates (obj, bin) is not the product's text.
/// </summary>
public sealed class SourceLinesTests
{
    private const int Limit = 160;

    [Fact]
    public void No_line_of_the_products_CSharp_is_longer_than_160_characters()
    {
        var src = Path.Combine(RepositoryLayout.Root, "src");
        var files = Directory.EnumerateFiles(src, "*.cs", SearchOption.AllDirectories)
            .Where(path => !Path.GetRelativePath(src, path).Split(Path.DirectorySeparatorChar).Any(part => part is "obj" or "bin"))
            .ToArray();

        var tooLong = files
            .SelectMany(path => File.ReadLines(path).Select((line, index) => (Path: path, Number: index + 1, line.Length)))
            .Where(line => line.Length > Limit)
            .Select(line => $"{Path.GetRelativePath(RepositoryLayout.Root, line.Path)}:{line.Number}: {line.Length} characters")
            .ToArray();

        Assert.True(files.Length > 100, $"only {files.Length} C# files under {src}: is the layout stamp right?");
        Assert.Empty(tooLong);
    }
}
