#Requires -Modules Pester
# acsteams cannot drift from the cmdlets: its commands, options and help are generated from the compiled
# module at build time. Shown the way a contributor would meet it: add a parameter to a cmdlet (and its docs
# page, which the module's own help needs), build, and the command line has it, with no CLI code written.
# One build of a copy of the sources (about a minute on two cores).

BeforeAll {
    $script:Root = Split-Path -Parent $PSScriptRoot
    $script:Scratch = Join-Path ([IO.Path]::GetTempPath()) "acsteams-generated-$([guid]::NewGuid().ToString('n'))"

    # The sources as they are in this checkout (tracked and new files; not bin/obj or anything ignored).
    $files = git -C $Root ls-files --cached --others --exclude-standard '--' src docs module '*.props' NuGet.Config global.json .editorconfig CHANGELOG.md LICENSE
    foreach ($file in $files) {
        $target = Join-Path $Scratch $file
        $null = New-Item -ItemType Directory -Force -Path (Split-Path -Parent $target)
        Copy-Item -LiteralPath (Join-Path $Root $file) -Destination $target
    }

    $cmdlet = Join-Path $Scratch 'src/AcsTeamsAdmin/Commands/ServicePrincipalCommands.cs'
    $source = (Get-Content -Raw $cmdlet) -replace '\r\n', "`n"
    $anchor = "public sealed class GetAcsTeamsServicePrincipalCommand : ServicePrincipalCmdlet`n{"
    if (-not $source.Contains($anchor)) { throw "The test's anchor is gone from $cmdlet; update the test." }
    Set-Content -NoNewline -Path $cmdlet -Value $source.Replace($anchor, @"
$anchor
    [Parameter]
    [ValidateRange(1, 9)]
    public int ProbeCount { get; set; } = 1;

"@)

    $page = Join-Path $Scratch 'docs/en-US/Get-AcsTeamsServicePrincipal.md'
    $markdown = Get-Content -Raw $page
    Set-Content -NoNewline -Path $page -Value $markdown.Replace('### CommonParameters', @'
### -ProbeCount
How many times to probe for the service principal, 1 to 9.

```yaml
Type: Int32
Parameter Sets: (All)
Aliases:

Required: False
Position: Named
Default value: 1
Accept pipeline input: False
Accept wildcard characters: False
```

### CommonParameters
'@)

    $build = dotnet build (Join-Path $Scratch 'src/AcsTeamsAdmin.Cli/AcsTeamsAdmin.Cli.csproj') --framework net8.0 -v q -nologo 2>&1
    if ($LASTEXITCODE -ne 0) { throw "The copy with the new parameter did not build:`n$($build -join "`n")" }
    $script:Acsteams = Join-Path $Scratch 'src/AcsTeamsAdmin.Cli/bin/Debug/net8.0/acsteams.dll'
}

AfterAll {
    Remove-Item -Recurse -Force -LiteralPath $Scratch -ErrorAction SilentlyContinue
}

Describe 'acsteams is generated from the cmdlets' {
    It 'lists a parameter added to a cmdlet in its help, with its rules and its docs text' {
        $help = dotnet $Acsteams help Get-AcsTeamsServicePrincipal
        $LASTEXITCODE | Should -Be 0
        $line = $help | Where-Object { $_ -match '--probe-count' }
        $line | Should -Not -BeNullOrEmpty
        $line | Should -Match 'How many times to probe for the service principal, 1 to 9\.'
        $line | Should -Match 'default: 1'
    }

    It 'refuses the new option until a handler passes it on, instead of running as if it was not given' {
        $out = dotnet $Acsteams Get-AcsTeamsServicePrincipal --sandbox --probe-count 3 2>&1
        $LASTEXITCODE | Should -Be 2
        ($out -join "`n") | Should -Match '--probe-count has no effect here'
    }

    It 'still runs every other option of the command as before' {
        $json = dotnet $Acsteams Get-AcsTeamsServicePrincipal --sandbox --output json
        $LASTEXITCODE | Should -Be 0
        # The seeded customer tenant has no ACS service principal yet: an empty JSON array.
        ($json -join '') | Should -Match '^\s*\[\s*\]\s*$'
    }
}
