# Module manifest for AcsTeamsAdmin.
#
# ModuleVersion is a placeholder: the build fills it in from <ModuleVersion> in Directory.Build.props,
# the one source of the version, when it lays out out/AcsTeamsAdmin/.
# CmdletsToExport is an explicit list, never '*': PowerShell reads it to auto-load the module without
# importing it, and a test compares it with the cmdlets the build compiled.

@{
    RootModule           = 'AcsTeamsAdmin.psm1'
    ModuleVersion        = '{{ModuleVersion}}'
    GUID                 = 'd1ad5817-e490-4b43-9f1f-5960384954e9'
    Author               = 'AcsTeamsAdmin contributors'
    CompanyName          = 'AcsTeamsAdmin contributors'
    Copyright            = 'Copyright (c) AcsTeamsAdmin contributors. MIT License.'
    Description          = 'Administers Azure Communication Services together with Microsoft Teams and Microsoft Entra ID: connects with Azure.Identity, manages the Teams and ACS service principals, and reads and changes what ACS-Teams interoperability needs. Its dependencies load in their own assembly load context, so it works beside Az and Microsoft.Graph in one session.'

    # The module is built for .NET 8, the runtime of PowerShell 7.4.
    PowerShellVersion    = '7.4'
    CompatiblePSEditions = @('Core')

    FormatsToProcess     = @('AcsTeamsAdmin.Format.ps1xml')

    CmdletsToExport      = @(
        'Connect-AcsTeamsAdmin'
        'Disconnect-AcsTeamsAdmin'
        'Get-AcsTeamsAdminContext'
        'Get-AcsTeamsServicePrincipal'
        'New-AcsTeamsServicePrincipal'
        'Get-AcsAdminConsentUrl'
        'Grant-AcsAdminConsent'
        'Get-AcsAdminConsent'
        'Test-AcsAnonymousJoinPolicy'
        'Get-AcsTeamsApplication'
        'New-AcsTeamsApplication'
        'Set-AcsVoipPermission'
        'Get-AcsTeamsUserAadToken'
        'Convert-AadTokenToTeamsToken'
        'New-AcsIdentity'
        'New-AcsAccessToken'
        'Revoke-AcsAccessToken'
        'Remove-AcsIdentity'
        'ConvertFrom-AcsToken'
        'Test-AcsTeamsReadiness'
        'Initialize-AcsTeams'
        'Get-AcsResource'
        'New-AcsTeamsMeeting'
    )
    FunctionsToExport    = @()
    AliasesToExport      = @()
    VariablesToExport    = @()

    PrivateData          = @{
        PSData = @{
            Tags         = @(
                'ACS'
                'AzureCommunicationServices'
                'Teams'
                'MicrosoftTeams'
                'Entra'
                'EntraID'
                'Graph'
                'Azure'
                'PSEdition_Core'
                'Windows'
                'Linux'
                'MacOS'
            )
            ProjectUri   = 'https://github.com/acsteamsadmin/AcsTeamsAdmin'
            LicenseUri   = 'https://github.com/acsteamsadmin/AcsTeamsAdmin/blob/main/LICENSE'
            ReleaseNotes = 'See https://github.com/acsteamsadmin/AcsTeamsAdmin/blob/main/CHANGELOG.md'
        }
    }
}
