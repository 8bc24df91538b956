; Inno Setup script for Annotator on Windows (Inno Setup 6.2 or later).
;
; NOT BUILT OR TESTED in this repository (no Windows machine here). To build, on Windows:
;   1. py -3.11 -m venv .venv && .venv\Scripts\pip install -e ".[package]"
;   2. bash packaging\build.sh      (Git Bash; or: .venv\Scripts\pyinstaller --noconfirm
;                                    --distpath dist packaging\annotator.spec)
;      -> dist\annotator\annotator.exe (console, the CLI) and annotatorw.exe (no console,
;         the desktop app), with dist\annotator\_internal\
;   3. "C:\Program Files (x86)\Inno Setup 6\ISCC.exe" packaging\installer\annotator.iss
;      -> dist\installer\Annotator-0.1.0-setup.exe
; Sign both the .exe files in dist\annotator and the setup .exe (signtool sign /fd sha256
; /tr http://timestamp.digicert.com /td sha256 /a FILE), or SmartScreen warns on every
; laptop of the team.
;
; Per-user install by default (no administrator rights needed on managed laptops); the
; user can choose "for all users" in the setup's first page.

#define AppName "Annotator"
#define AppVersion "0.1.0"
#define AppPublisher "The Annotator developers"
#define AppURL "https://github.com/annotator/annotator"
#define Root "..\.."

[Setup]
AppId={{6E0B8C1E-3B7A-4B8E-9E55-2F4F4C5A7A11}
AppName={#AppName}
AppVersion={#AppVersion}
AppVerName={#AppName} {#AppVersion}
AppPublisher={#AppPublisher}
AppPublisherURL={#AppURL}
DefaultDirName={autopf}\{#AppName}
DefaultGroupName={#AppName}
DisableProgramGroupPage=yes
PrivilegesRequired=lowest
PrivilegesRequiredOverridesAllowed=dialog
ArchitecturesAllowed=x64compatible
ArchitecturesInstallIn64BitMode=x64compatible
OutputDir={#Root}\dist\installer
OutputBaseFilename=Annotator-{#AppVersion}-setup
SetupIconFile={#Root}\packaging\icons\annotator.ico
UninstallDisplayIcon={app}\annotatorw.exe
LicenseFile={#Root}\LICENSE
Compression=lzma2/max
SolidCompression=yes
WizardStyle=modern
ChangesAssociations=yes
; A coder may have the app open while an update installs: ask to close it.
CloseApplications=yes

[Languages]
Name: "english"; MessagesFile: "compiler:Default.isl"
Name: "arabic"; MessagesFile: "compiler:Languages\Arabic.isl"

[Tasks]
Name: "desktopicon"; Description: "{cm:CreateDesktopIcon}"; GroupDescription: "{cm:AdditionalIcons}"; Flags: unchecked
Name: "associate"; Description: "Open .annot project files with {#AppName}"; GroupDescription: "File types:"

[Files]
; The whole PyInstaller folder: the two executables and _internal\ (Python, Qt, resources,
; migrations). recursesubdirs keeps the layout the executables expect.
Source: "{#Root}\dist\annotator\*"; DestDir: "{app}"; Flags: ignoreversion recursesubdirs createallsubdirs
Source: "{#Root}\packaging\icons\annotator.ico"; DestDir: "{app}"; Flags: ignoreversion

[Icons]
Name: "{group}\{#AppName}"; Filename: "{app}\annotatorw.exe"; IconFilename: "{app}\annotator.ico"
Name: "{group}\{cm:UninstallProgram,{#AppName}}"; Filename: "{uninstallexe}"
Name: "{autodesktop}\{#AppName}"; Filename: "{app}\annotatorw.exe"; IconFilename: "{app}\annotator.ico"; Tasks: desktopicon

[Registry]
; .annot -> Annotator.Project -> "annotatorw.exe open "%1"". HKA is HKCU for a per-user
; install and HKLM for an all-users one.
Root: HKA; Subkey: "Software\Classes\.annot"; ValueType: string; ValueName: ""; ValueData: "Annotator.Project"; Flags: uninsdeletevalue; Tasks: associate
Root: HKA; Subkey: "Software\Classes\.annot\OpenWithProgids"; ValueType: string; ValueName: "Annotator.Project"; ValueData: ""; Flags: uninsdeletevalue; Tasks: associate
Root: HKA; Subkey: "Software\Classes\Annotator.Project"; ValueType: string; ValueName: ""; ValueData: "Annotator project"; Flags: uninsdeletekey; Tasks: associate
Root: HKA; Subkey: "Software\Classes\Annotator.Project\DefaultIcon"; ValueType: string; ValueName: ""; ValueData: "{app}\annotator.ico,0"; Tasks: associate
Root: HKA; Subkey: "Software\Classes\Annotator.Project\shell\open\command"; ValueType: string; ValueName: ""; ValueData: """{app}\annotatorw.exe"" open ""%1"""; Tasks: associate
Root: HKA; Subkey: "Software\Classes\Applications\annotatorw.exe\SupportedTypes"; ValueType: string; ValueName: ".annot"; ValueData: ""; Flags: uninsdeletekey

[Run]
Filename: "{app}\annotatorw.exe"; Description: "{cm:LaunchProgram,{#AppName}}"; Flags: nowait postinstall skipifsilent

; Projects, their .backups folders and settings are the user's data: the uninstaller
; leaves them alone (it removes only what [Files] installed).
