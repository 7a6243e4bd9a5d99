#Requires -Version 7.4
#Requires -Modules @{ ModuleName = 'Pester'; ModuleVersion = '5.5.0' }

# AcsTeamsAdmin imported AFTER Az.Accounts and Microsoft.Graph.Authentication, the two modules most
# likely to share a session with it, each carrying its own Azure.Core, Azure.Identity and MSAL.
# Skipped where those modules are not installed (CI installs them from the PowerShell Gallery).
# Everything runs in one fresh pwsh, so the import order is exactly the one described.

BeforeDiscovery {
    $script:OthersInstalled = [bool](Get-Module -ListAvailable -Name Az.Accounts) -and
        [bool](Get-Module -ListAvailable -Name Microsoft.Graph.Authentication)
}

Describe 'AcsTeamsAdmin beside Az.Accounts and Microsoft.Graph.Authentication' -Skip:(-not $script:OthersInstalled) {
    BeforeAll {
        $moduleFolder = [System.IO.Path]::GetFullPath([System.IO.Path]::Combine($PSScriptRoot, '..', 'out', 'AcsTeamsAdmin'))
        $script:Bin = [System.IO.Path]::Combine($moduleFolder, 'bin')
        $manifestPath = [System.IO.Path]::Combine($moduleFolder, 'AcsTeamsAdmin.psd1')

        Import-Module -Name ([System.IO.Path]::Combine($PSScriptRoot, 'TestHelpers.psm1')) -Force
        $script:Session = Invoke-ChildPwsh -ScriptBlock {
            param($ManifestPath)

            function Get-Copy {
                $names = 'Azure.Core', 'Azure.Identity', 'Microsoft.Identity.Client', 'System.Text.Json'
                foreach ($context in [System.Runtime.Loader.AssemblyLoadContext]::All) {
                    foreach ($assembly in $context.Assemblies) {
                        if (-not $assembly.IsDynamic -and $assembly.GetName().Name -in $names) {
                            [pscustomobject]@{
                                Name     = $assembly.GetName().Name
                                Version  = $assembly.GetName().Version.ToString()
                                Context  = $context.Name
                                Location = $assembly.Location
                            }
                        }
                    }
                }
            }

            # Step by step, so a failure says which step: the others' imports are not ours to judge.
            $result = [ordered]@{ OthersImportError = $null; ImportError = $null; ConnectError = $null; OthersAfterwardsError = $null; TenantId = $null }
            try {
                Import-Module -Name Az.Accounts -ErrorAction Stop
                Import-Module -Name Microsoft.Graph.Authentication -ErrorAction Stop
                # Touch both so their authentication libraries are really loaded before ours.
                $null = Get-AzContext -ErrorAction Stop
                $null = Get-MgContext -ErrorAction Stop
            }
            catch {
                $result.OthersImportError = $_.ToString()
            }

            try {
                Import-Module -Name $ManifestPath -ErrorAction Stop
                $connection = Connect-AcsTeamsAdmin -Sandbox -ErrorAction Stop
                $result.TenantId = $connection.TenantId

                # A client-secret sign-in (the sandbox's) no longer starts MSAL; the other sign-ins do. Resolve it by
                # name in our context, as they would, with the others' MSAL already loaded.
                $ours = [System.Runtime.Loader.AssemblyLoadContext]::All | Where-Object Name -EQ 'AcsTeamsAdmin'
                $null = $ours.LoadFromAssemblyName([System.Reflection.AssemblyName]::new('Microsoft.Identity.Client'))
            }
            catch {
                $result.ConnectError = $_.ToString()
            }

            try {
                # The others must still work with our libraries loaded beside theirs.
                $null = Get-AzContext -ErrorAction Stop
                $null = Get-MgContext -ErrorAction Stop
            }
            catch {
                $result.OthersAfterwardsError = $_.ToString()
            }

            $result.Copies = @(Get-Copy)
            [pscustomobject]$result
        } -ArgumentList $manifestPath

        # The other two modules sometimes cannot share a session with each other (their own conflict);
        # then there is nothing to learn about ours, and the test says so instead of failing.
        function Skip-WhenOthersUnusable {
            if ($script:Session.OthersImportError) {
                Set-ItResult -Skipped -Because "Az.Accounts and Microsoft.Graph.Authentication could not be used together here: $($script:Session.OthersImportError)"
            }
        }
    }

    It 'imports and connects to the sandbox after the other two' {
        Skip-WhenOthersUnusable
        $script:Session.ConnectError | Should -BeNullOrEmpty
        $script:Session.TenantId | Should -Not -BeNullOrEmpty
    }

    It 'uses its own <_> from its own load context' -ForEach @('Azure.Core', 'Microsoft.Identity.Client') {
        Skip-WhenOthersUnusable
        $name = $_
        $shipped = [System.Reflection.AssemblyName]::GetAssemblyName([System.IO.Path]::Combine($script:Bin, "$name.dll")).Version.ToString()

        $ours = @($script:Session.Copies | Where-Object { $_.Name -eq $name -and $_.Context -eq 'AcsTeamsAdmin' })

        $ours.Count | Should -Be 1
        $ours[0].Version | Should -Be $shipped
        $ours[0].Location | Should -BeLike "$script:Bin*"
    }

    It 'lends none of its assemblies to other load contexts' {
        Skip-WhenOthersUnusable
        $lent = @($script:Session.Copies | Where-Object { $_.Location -like "$script:Bin*" -and $_.Context -ne 'AcsTeamsAdmin' })

        $lent | Should -BeNullOrEmpty -Because ($lent | Out-String)
    }

    It 'leaves Az.Accounts and Microsoft.Graph.Authentication working' {
        Skip-WhenOthersUnusable
        $script:Session.OthersAfterwardsError | Should -BeNullOrEmpty
    }
}
