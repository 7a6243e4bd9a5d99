using AcsTeamsAdmin.HelpBuilder;
using AcsTeamsAdmin.HelpBuilder.About;
using AcsTeamsAdmin.HelpBuilder.Maml;
using AcsTeamsAdmin.HelpBuilder.Markdown;

// Usage: AcsTeamsAdmin.HelpBuilder <docs folder> <MAML file to write> <folder for about_*.help.txt>
// Exit 0 on success, 1 (with the page and the problem on stderr) when a page cannot be read.
if (args.Length != 3)
{
    Console.Error.WriteLine("Usage: AcsTeamsAdmin.HelpBuilder <docs/en-US> <bin/en-US/AcsTeamsAdmin.dll-Help.xml> <en-US>");
    return 2;
}

string docs = args[0];
string helpFile = args[1];
string aboutFolder = args[2];
try
{
    CmdletPage[] pages = HelpSources.CmdletPages(docs).Select(CmdletPageReader.Read).ToArray();
    MamlWriter.Save(MamlWriter.Build(pages), helpFile);

    Directory.CreateDirectory(aboutFolder);
    IReadOnlyList<string> topics = HelpSources.AboutTopics(docs);
    foreach (string topic in topics)
    {
        string text = AboutTopicWriter.Convert(File.ReadAllText(topic));
        File.WriteAllText(Path.Combine(aboutFolder, AboutTopicWriter.OutputFileName(topic)), text);
    }

    Console.WriteLine($"Help: {pages.Length} cmdlets -> {helpFile}; {topics.Count} about topics -> {aboutFolder}");
    return 0;
}
catch (Exception error) when (error is FormatException or IOException or UnauthorizedAccessException)
{
    Console.Error.WriteLine($"error ACSHELP001: {error.Message}");
    return 1;
}
