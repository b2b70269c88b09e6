; Inno Setup 6 script of the WCIF Desktop installer (Windows). Build steps: docs/windows-build.md.
;   iscc /DAppVersion=0.1.0 packaging\wcif-desktop.iss      (scripts\build-windows.ps1 passes the version)
; Installs for the current user without administrator rights (PrivilegesRequired=lowest) into
; %LOCALAPPDATA%\Programs\WCIF Desktop, registers the .wcif file type (double-click opens it), adds a Start-menu
; entry, and uninstalls cleanly (files, registry keys, shortcuts). The user's own data (%APPDATA%\WCIF Desktop:
; settings, logs, signing identities) and evaluation files are kept.
; tests/packaging/test_windows_packaging.py checks this file against the bundle layout on Linux.

#ifndef AppVersion
  #define AppVersion "0.1.0"
#endif
#define AppName "WCIF Desktop"
#define AppExe "wcif-desktop.exe"
#define CliExe "wcif-desktop-cli.exe"
#define Bundle "..\dist\wcif-desktop"
#define ProgId "WCIFDesktop.Evaluation"

[Setup]
AppId={{6B0E7C52-3F1D-4C8B-9E51-57434946D351}
AppName={#AppName}
AppVersion={#AppVersion}
AppVerName={#AppName} {#AppVersion}
AppPublisher=WCIF
VersionInfoVersion={#AppVersion}
VersionInfoCompany=WCIF
VersionInfoProductName={#AppName}
PrivilegesRequired=lowest
DefaultDirName={autopf}\{#AppName}
DefaultGroupName={#AppName}
DisableProgramGroupPage=yes
ChangesAssociations=yes
ArchitecturesAllowed=x64compatible
ArchitecturesInstallIn64BitMode=x64compatible
OutputDir=..\dist
OutputBaseFilename=wcif-desktop-{#AppVersion}-setup
SetupIconFile=wcif-desktop.ico
UninstallDisplayIcon={app}\{#AppExe}
UninstallDisplayName={#AppName}
LicenseFile=..\resources\licenses\THIRD-PARTY-NOTICES.md
WizardStyle=modern
Compression=lzma2
SolidCompression=yes

[Languages]
Name: "english"; MessagesFile: "compiler:Default.isl"

[Tasks]
Name: "desktopicon"; Description: "{cm:CreateDesktopIcon}"; GroupDescription: "{cm:AdditionalIcons}"; Flags: unchecked

[Files]
Source: "{#Bundle}\{#AppExe}"; DestDir: "{app}"; Flags: ignoreversion
Source: "{#Bundle}\{#CliExe}"; DestDir: "{app}"; Flags: ignoreversion
Source: "{#Bundle}\_internal\*"; DestDir: "{app}\_internal"; Flags: ignoreversion recursesubdirs createallsubdirs

[Icons]
Name: "{autoprograms}\{#AppName}"; Filename: "{app}\{#AppExe}"; Comment: "工伤保险基金绩效评价"
Name: "{autodesktop}\{#AppName}"; Filename: "{app}\{#AppExe}"; Tasks: desktopicon

[Registry]
; per user (HKA = HKCU with PrivilegesRequired=lowest): .wcif -> WCIFDesktop.Evaluation -> "wcif-desktop.exe" "%1"
Root: HKA; Subkey: "Software\Classes\.wcif"; ValueType: string; ValueName: ""; ValueData: "{#ProgId}"; Flags: uninsdeletevalue
Root: HKA; Subkey: "Software\Classes\.wcif\OpenWithProgids"; ValueType: string; ValueName: "{#ProgId}"; ValueData: ""; Flags: uninsdeletevalue
Root: HKA; Subkey: "Software\Classes\{#ProgId}"; ValueType: string; ValueName: ""; ValueData: "WCIF 评价文件"; Flags: uninsdeletekey
Root: HKA; Subkey: "Software\Classes\{#ProgId}\DefaultIcon"; ValueType: string; ValueName: ""; ValueData: "{app}\{#AppExe},0"
Root: HKA; Subkey: "Software\Classes\{#ProgId}\shell\open\command"; ValueType: string; ValueName: ""; ValueData: """{app}\{#AppExe}"" ""%1"""
Root: HKA; Subkey: "Software\Classes\Applications\{#AppExe}\SupportedTypes"; ValueType: string; ValueName: ".wcif"; ValueData: ""; Flags: uninsdeletekey

[Run]
Filename: "{app}\{#AppExe}"; Description: "{cm:LaunchProgram,{#AppName}}"; Flags: nowait postinstall skipifsilent

[UninstallDelete]
; what the program itself writes into its folder (Python caches of the docxtpl sources)
Type: filesandordirs; Name: "{app}\_internal"
Type: dirifempty; Name: "{app}"
