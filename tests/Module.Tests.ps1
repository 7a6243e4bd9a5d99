#Requires -Version 7.4
#Requires -Modules @{ ModuleName = 'Pester'; ModuleVersion = '5.5.0' }

# Tests of the built module folder, out/AcsTeamsAdmin, as it ships: the manifest, what importing
# exports and loads, and importing again. Run through ./build.ps1 -Task Test, which builds first and
# runs Pester in a pwsh of its own. Scenarios that depend on what a process has already loaded run
# in a fresh pwsh (Invoke-FreshPwsh), so this test process' history cannot decide them.

BeforeAll {
    $script:ModuleFolder = [System.IO.Path]::GetFullPath([System.IO.Path]::Combine($PSScriptRoot, '..', 'out', 'AcsTeamsAdmin'))
    $script:ManifestPath = [System.IO.Path]::Combine($script:ModuleFolder, 'AcsTeamsAdmin.psd1')
    if (-not (Test-Path -LiteralPath $script:ManifestPath)) {
        throw "The module is not built: $script:ManifestPath is missing. Run ./build.ps1 -Task Build first."
    }

    Import-Module -Name ([System.IO.Path]::Combine($PSScriptRoot, 'TestHelpers.psm1')) -Force

    $script:ListedCmdlets = @((Import-PowerShellDataFile -LiteralPath $script:ManifestPath).CmdletsToExport)

    # The cmdlet names a module exports, as one comparable string.
    function Join-Name([object[]]$Name) {
        ($Name | Sort-Object) -join ', '
    }

    # Runs a script block in a new pwsh (from $PSHOME: tests/TestHelpers.psm1) with the given arguments.
    # pwsh returns a script block's output to a calling PowerShell as deserialized objects.
    function Invoke-FreshPwsh {
        param(
            [Parameter(Mandatory)]
            [scriptblock]$ScriptBlock,

            [object[]]$ArgumentList = @()
        )

        $output = Invoke-ChildPwsh -ScriptBlock $ScriptBlock -ArgumentList $ArgumentList
        if ($LASTEXITCODE -ne 0) {
            throw "The fresh pwsh failed with exit code $LASTEXITCODE`: $($output | Out-String)"
        }

        $output
    }
}

Describe 'The module manifest' {
    It 'is valid for Test-ModuleManifest' {
        $manifest = Test-ModuleManifest -Path $script:ManifestPath -ErrorAction Stop

        $manifest.Name | Should -Be 'AcsTeamsAdmin'
        $manifest.Version | Should -BeGreaterThan ([version]'0.0')
        $manifest.RootModule | Should -Be 'AcsTeamsAdmin.psm1'
    }

    It 'lists cmdlets explicitly and exports nothing else' {
        $data = Import-PowerShellDataFile -LiteralPath $script:ManifestPath

        $script:ListedCmdlets | Should -Not -BeNullOrEmpty
        $script:ListedCmdlets | Should -Not -Match '\*'
        $data.FunctionsToExport | Should -BeNullOrEmpty
        $data.AliasesToExport | Should -BeNullOrEmpty
        $data.VariablesToExport | Should -BeNullOrEmpty
    }
}

Describe 'Importing the module' {
    BeforeAll {
        $script:Module = Import-Module -Name $script:ManifestPath -Force -PassThru -ErrorAction Stop
    }

    AfterAll {
        Remove-Module -Name AcsTeamsAdmin -Force -ErrorAction SilentlyContinue
    }

    It 'exports exactly the cmdlets the manifest lists' {
        Join-Name $script:Module.ExportedCmdlets.Keys | Should -Be (Join-Name $script:ListedCmdlets)
        Join-Name (Get-Command -Module AcsTeamsAdmin -CommandType Cmdlet).Name | Should -Be (Join-Name $script:ListedCmdlets)
    }

    It 'exports no functions, aliases or variables' {
        $script:Module.ExportedFunctions.Count | Should -Be 0
        $script:Module.ExportedAliases.Count | Should -Be 0
        $script:Module.ExportedVariables.Count | Should -Be 0
    }

    It 'runs its cmdlets from the AcsTeamsAdmin load context' {
        $assembly = (Get-Command -Name Get-AcsTeamsAdminContext).ImplementingType.Assembly

        [System.Runtime.Loader.AssemblyLoadContext]::GetLoadContext($assembly).Name | Should -Be 'AcsTeamsAdmin'
        $assembly.Location | Should -BeLike "$script:ModuleFolder*"
    }

    It 'loads only the loader into the default load context' {
        $ours = [System.Runtime.Loader.AssemblyLoadContext]::Default.Assemblies |
            Where-Object { -not $_.IsDynamic -and $_.Location -like "$script:ModuleFolder*" }

        $names = foreach ($assembly in $ours) { $assembly.GetName().Name }
        Join-Name $names | Should -Be 'AcsTeamsAdmin.Loader'
    }

    It 'keeps every cmdlet after Import-Module -Force' {
        # PowerShell issue 20710: a second Import-Module -Assembly of the same assembly exports nothing
        # unless the .psm1 hands the cmdlets over itself.
        $again = Import-Module -Name $script:ManifestPath -Force -PassThru -ErrorAction Stop

        Join-Name $again.ExportedCmdlets.Keys | Should -Be (Join-Name $script:ListedCmdlets)
        { Get-AcsTeamsAdminContext -ErrorAction Stop } | Should -Not -Throw
    }

    It 'can be removed and imported again, reusing the same cmdlet assembly' {
        $before = (Get-Command -Name Get-AcsTeamsAdminContext).ImplementingType.Assembly

        Remove-Module -Name AcsTeamsAdmin -Force -ErrorAction Stop
        Get-Module -Name AcsTeamsAdmin | Should -BeNullOrEmpty

        $again = Import-Module -Name $script:ManifestPath -PassThru -ErrorAction Stop
        Join-Name $again.ExportedCmdlets.Keys | Should -Be (Join-Name $script:ListedCmdlets)
        $after = (Get-Command -Name Get-AcsTeamsAdminContext).ImplementingType.Assembly
        [object]::ReferenceEquals($before, $after) | Should -BeTrue
    }

    It 'imports in a second runspace of the same process with the same cmdlets' {
        $ps = [powershell]::Create()
        try {
            $null = $ps.AddScript({
                    param($Path)
                    $module = Import-Module -Name $Path -PassThru -ErrorAction Stop
                    [pscustomobject]@{
                        Cmdlets  = @($module.ExportedCmdlets.Keys)
                        Assembly = (Get-Command -Name Get-AcsTeamsAdminContext).ImplementingType.Assembly
                    }
                }).AddArgument($script:ManifestPath)
            $result = $ps.Invoke()

            $ps.HadErrors | Should -BeFalse -Because ($ps.Streams.Error | Out-String)
            Join-Name $result[0].Cmdlets | Should -Be (Join-Name $script:ListedCmdlets)
            $ours = (Get-Command -Name Get-AcsTeamsAdminContext).ImplementingType.Assembly
            [object]::ReferenceEquals($result[0].Assembly, $ours) | Should -BeTrue
        }
        finally {
            $ps.Dispose()
        }
    }
}

Describe 'What importing loads' {
    BeforeAll {
        # Lists, in a fresh process, every loaded copy of the heavy dependencies (by name prefix, so a new Azure,
        # MSAL, IdentityModel, Graph or Kiota assembly is caught too): after the import, after a readiness check
        # against the built-in sandbox (its reads go as plain JSON, without the Graph SDK), and after a cmdlet
        # that reads through the Graph SDK.
        $script:Loaded = Invoke-FreshPwsh -ArgumentList $script:ManifestPath -ScriptBlock {
            param($ManifestPath)
            $ErrorActionPreference = 'Stop'
            $heavy = '^(Azure\.|Microsoft\.Identity|Microsoft\.IdentityModel|System\.IdentityModel|Microsoft\.Graph|Microsoft\.Kiota|Std\.UriTemplate|AcsTeamsAdmin\.Sandbox$)'
            function Get-HeavyCopy {
                foreach ($context in [System.Runtime.Loader.AssemblyLoadContext]::All) {
                    foreach ($assembly in $context.Assemblies) {
                        if ($assembly.GetName().Name -match $heavy) {
                            [pscustomobject]@{ Name = $assembly.GetName().Name; Context = $context.Name }
                        }
                    }
                }
            }

            Import-Module -Name $ManifestPath
            $afterImport = @(Get-HeavyCopy)
            $cmdletError = $null
            try {
                $null = Connect-AcsTeamsAdmin -Sandbox
                $null = Test-AcsTeamsReadiness
                $afterReadiness = @(Get-HeavyCopy)
                $null = Get-AcsTeamsServicePrincipal
            }
            catch {
                $cmdletError = $_.ToString()
            }

            [pscustomobject]@{
                AfterImport    = $afterImport
                AfterReadiness = $afterReadiness
                AfterCmdlet    = @(Get-HeavyCopy)
                CmdletError    = $cmdletError
            }
        }
    }

    It 'loads no Azure, MSAL, IdentityModel, Graph or Kiota assembly, nor the sandbox, into any load context' {
        @($script:Loaded.AfterImport) | Should -BeNullOrEmpty -Because ($script:Loaded.AfterImport | Out-String)
    }

    It 'checks readiness without loading the Graph SDK' {
        $script:Loaded.CmdletError | Should -BeNullOrEmpty
        $names = @($script:Loaded.AfterReadiness | ForEach-Object Name)
        $names | Should -Contain 'Azure.Core' -Because 'the sign-in needs it, which proves the listing sees the module context'
        @($names -match '^(Microsoft\.Graph|Microsoft\.Kiota|Std\.UriTemplate)') | Should -BeNullOrEmpty -Because ($names -join ', ')
    }

    It 'loads them into the AcsTeamsAdmin context once a cmdlet needs them' {
        # Proves the listing above can see them: the same listing after a Graph SDK read.
        $script:Loaded.CmdletError | Should -BeNullOrEmpty
        $names = @($script:Loaded.AfterCmdlet | Where-Object Context -EQ 'AcsTeamsAdmin' | ForEach-Object Name)
        $names | Should -Contain 'Azure.Core'
        $names | Should -Contain 'Microsoft.Graph'
        @($script:Loaded.AfterCmdlet | Where-Object Context -NE 'AcsTeamsAdmin') | Should -BeNullOrEmpty
    }
}

Describe 'The sandbox loads only for -Sandbox' {
    BeforeAll {
        # In a fresh process: a session signed in another way (a Graph token, no request at Connect), its Graph
        # call against an address that refuses it, then a -Sandbox session.
        $script:Sandbox = Invoke-FreshPwsh -ArgumentList $script:ManifestPath -ScriptBlock {
            param($ManifestPath)
            $ErrorActionPreference = 'Stop'
            function Test-SandboxLoaded {
                [bool]([System.Runtime.Loader.AssemblyLoadContext]::All.Assemblies | Where-Object { $_.GetName().Name -eq 'AcsTeamsAdmin.Sandbox' })
            }

            Import-Module -Name $ManifestPath
            $part = { param($json) [Convert]::ToBase64String([Text.Encoding]::UTF8.GetBytes($json)).TrimEnd('=').Replace('+', '-').Replace('/', '_') }
            $exp = [DateTimeOffset]::UtcNow.AddHours(1).ToUnixTimeSeconds()
            $token = '{0}.{1}.' -f (& $part '{"alg":"none"}'), (& $part "{`"aud`":`"https://graph.microsoft.com`",`"tid`":`"2f6b3c1a-6e0d-4a51-9a7e-3f1d5c2b8a01`",`"roles`":[`"Application.Read.All`"],`"exp`":$exp}")
            $null = Connect-AcsTeamsAdmin -AccessToken (ConvertTo-SecureString $token -AsPlainText -Force) -GraphEndpoint 'http://127.0.0.1:9/v1.0'
            $callError = try { Get-AcsTeamsServicePrincipal -ErrorAction Stop; $null } catch { $_.FullyQualifiedErrorId }
            $afterOtherSignIn = Test-SandboxLoaded
            $null = Connect-AcsTeamsAdmin -Sandbox
            [pscustomobject]@{ AfterOtherSignIn = $afterOtherSignIn; CallError = $callError; AfterSandbox = Test-SandboxLoaded }
        }
    }

    It 'is not loaded by another sign-in and its Graph calls' {
        $script:Sandbox.CallError | Should -BeLike 'EndpointUnreachable,*'
        $script:Sandbox.AfterOtherSignIn | Should -BeFalse
    }

    It 'is loaded by Connect-AcsTeamsAdmin -Sandbox' {
        $script:Sandbox.AfterSandbox | Should -BeTrue
    }
}
