using AcsTeamsAdmin.HelpBuilder;
using AcsTeamsAdmin.HelpBuilder.About;
using AcsTeamsAdmin.HelpBuilder.Cmdlets;
using AcsTeamsAdmin.HelpBuilder.Formats;
using AcsTeamsAdmin.HelpBuilder.Maml;
using AcsTeamsAdmin.HelpBuilder.Markdown;
using AcsTeamsAdmin.HelpBuilder.Packaging;

// Our own MAML, about-topic, nuspec and format builder, because platyPS is not in the package registry we build from.
// Usage:
//   AcsTeamsAdmin.HelpBuilder help <docs/en-US> <MAML file to write> <folder for about_*.help.txt>
//   AcsTeamsAdmin.HelpBuilder nuspec <shipped .psd1> <CHANGELOG.md> <license expression> <.nuspec to write>
//   AcsTeamsAdmin.HelpBuilder format <AcsTeamsAdmin.Format.ps1xml to write>
//   AcsTeamsAdmin.HelpBuilder commands <the module's bin folder> <docs/en-US> <C# file to write>
// Exit 0 on success, 1 (the file and the problem on stderr) when a source cannot be read, 2 on bad usage.
try
{
    return args switch
    {
        ["help", var docs, var helpFile, var aboutFolder] => WriteHelp(docs, helpFile, aboutFolder),
        ["nuspec", var manifest, var changelog, var license, var nuspec] => WriteNuspec(manifest, changelog, license, nuspec),
        ["format", var formatFile] => WriteFormat(formatFile),
        ["commands", var bin, var docs, var table] => WriteCommandTable(bin, docs, table),
        _ => Usage(),
    };
}
catch (Exception error) when (error is FormatException or IOException or UnauthorizedAccessException)
{
    Console.Error.WriteLine($"error ACSHELP001: {error.Message}");
    return 1;
}

static int WriteHelp(string docs, string helpFile, string aboutFolder)
{
    CmdletPage[] pages = HelpSources.CmdletPages(docs).Select(CmdletPageReader.Read).ToArray();
    MamlWriter.Save(MamlWriter.Build(pages), helpFile);

    Directory.CreateDirectory(aboutFolder);
    IReadOnlyList<string> topics = HelpSources.AboutTopics(docs);
    foreach (string topic in topics)
    {
        File.WriteAllText(Path.Combine(aboutFolder, AboutTopicWriter.OutputFileName(topic)), AboutTopicWriter.Convert(File.ReadAllText(topic)));
    }

    Console.WriteLine($"Help: {pages.Length} cmdlets -> {helpFile}; {topics.Count} about topics -> {aboutFolder}");
    return 0;
}

static int WriteNuspec(string manifest, string changelog, string license, string nuspec)
{
    // A package without the help would ship silently broken Get-Help: refuse to describe one.
    string moduleFolder = Path.GetDirectoryName(Path.GetFullPath(manifest))!;
    if (!Directory.Exists(Path.Combine(moduleFolder, "bin", "en-US"))
        || Directory.GetFiles(Path.Combine(moduleFolder, "bin", "en-US"), "*-Help.xml").Length == 0)
    {
        throw new FormatException($"{moduleFolder} has no bin/en-US/*-Help.xml: build the module (src/AcsTeamsAdmin) before packaging it.");
    }

    string version = (string)PowerShellDataFile.ReadHashtable(manifest)["ModuleVersion"]!;
    string notes = ChangelogReader.ReleaseNotes(File.ReadAllText(changelog), version);
    NuspecWriter.Save(NuspecWriter.Build(manifest, notes, license), nuspec);
    Console.WriteLine($"Nuspec: {nuspec} ({version})");
    return 0;
}

static int WriteFormat(string formatFile)
{
    var document = FormatFileWriter.Build(typeof(AcsTeamsAdmin.Engine.Presentation.DefaultDisplayAttribute).Assembly);
    FormatFileWriter.Save(document, formatFile);
    Console.WriteLine($"Formats: {document.Descendants("View").Count()} views -> {formatFile}");
    return 0;
}

static int WriteCommandTable(string bin, string docs, string table)
{
    string sma = Path.Combine(AppContext.BaseDirectory, "reference", "System.Management.Automation.dll");
    using var cmdlets = CompiledCmdlets.Load(bin, sma);
    CmdletPage[] pages = HelpSources.CmdletPages(docs).Select(CmdletPageReader.Read).ToArray();
    string code = CommandTableWriter.Write(cmdlets, pages);

    // Written only when it changed, so an unchanged table does not recompile acsteams.
    if (!File.Exists(table) || File.ReadAllText(table) != code)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(table))!);
        File.WriteAllText(table, code);
    }

    Console.WriteLine($"Commands: {cmdlets.Cmdlets.Count} cmdlets -> {table}");
    return 0;
}

static int Usage()
{
    Console.Error.WriteLine("Usage: AcsTeamsAdmin.HelpBuilder help <docs/en-US> <bin/en-US/AcsTeamsAdmin.dll-Help.xml> <en-US>");
    Console.Error.WriteLine("       AcsTeamsAdmin.HelpBuilder nuspec <AcsTeamsAdmin.psd1> <CHANGELOG.md> <license expression> <out.nuspec>");
    Console.Error.WriteLine("       AcsTeamsAdmin.HelpBuilder format <AcsTeamsAdmin.Format.ps1xml>");
    Console.Error.WriteLine("       AcsTeamsAdmin.HelpBuilder commands <module bin folder> <docs/en-US> <CommandTable.g.cs>");
    return 2;
}
