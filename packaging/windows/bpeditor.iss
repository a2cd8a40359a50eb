; Inno Setup script for bpeditor (绩效目标表编辑器): a per-user installer, no admin rights needed.
;
; Needs Inno Setup 6.5 or newer (its ChineseSimplified.isl is official from 6.5 on; see below) and
; the PyInstaller one-folder build (pyinstaller packaging/bpeditor.spec -> dist\bpeditor).
; This file is UTF-8 with a byte-order mark: without the BOM, ISCC reads it in the machine's ANSI
; code page and the Chinese text is garbled. Keep the BOM when editing.
;
; Compile from the repository root:
;   iscc /DAppVersion=0.1.0 packaging\windows\bpeditor.iss
; Defines (all optional; /Dname=value):
;   AppVersion      version shown and used in the file name (default: 0.0.0)
;   AppFileVersion  numeric a.b.c.d for the setup's version resource (default: AppVersion)
;   DistDir         the PyInstaller output folder (default: dist\bpeditor beside the repo root)
;   OutputDir       where bpeditor-setup-<AppVersion>.exe is written (default: dist)

#ifndef AppVersion
  #define AppVersion "0.0.0"
#endif
#ifndef AppFileVersion
  #define AppFileVersion AppVersion
#endif
#ifndef DistDir
  #define DistDir AddBackslash(SourcePath) + "..\..\dist\bpeditor"
#endif
#ifndef OutputDir
  #define OutputDir AddBackslash(SourcePath) + "..\..\dist"
#endif

#define AppName "绩效目标表编辑器"
#define AppExe "bpeditor.exe"
#define ProgId "bpeditor.bpe"

#if Ver < EncodeVer(6, 3, 0)
  #error Inno Setup 6.3 or newer is needed (6.5+ for its bundled Chinese messages)
#endif

; The Simplified Chinese messages: bundled with Inno Setup from 6.5 on ("compiler:Languages\");
; with an older Inno Setup, put the file from https://jrsoftware.org/files/istrans/ (or from
; github.com/jrsoftware/issrc, Files/Languages/) into packaging\windows\languages\.
#if FileExists(AddBackslash(CompilerPath) + "Languages\ChineseSimplified.isl")
  #define ChineseMessages "compiler:Languages\ChineseSimplified.isl"
#elif FileExists(AddBackslash(SourcePath) + "languages\ChineseSimplified.isl")
  #define ChineseMessages AddBackslash(SourcePath) + "languages\ChineseSimplified.isl"
#else
  #error ChineseSimplified.isl not found: use Inno Setup 6.5+, or see packaging\README.md
#endif

#if !FileExists(AddBackslash(DistDir) + AppExe)
  #error The PyInstaller build is missing: run pyinstaller packaging/bpeditor.spec first (or pass /DDistDir=...)
#endif

[Setup]
; AppId identifies the installation for upgrades and uninstall: never change it.
AppId={{A06521BC-52B5-438F-9DB2-4B4AE1C66C54}
AppName={#AppName}
AppVersion={#AppVersion}
AppVerName={#AppName} {#AppVersion}
AppPublisher=bpeditor
AppCopyright=MIT License
VersionInfoVersion={#AppFileVersion}
VersionInfoProductName={#AppName}
VersionInfoDescription={#AppName} 安装程序
; Per-user: %LOCALAPPDATA%\Programs\bpeditor, shortcuts and file association for this user only.
; ({autopf} is {userpf} when running without admin rights.)
PrivilegesRequired=lowest
DefaultDirName={autopf}\bpeditor
DisableProgramGroupPage=yes
UsePreviousAppDir=yes
MinVersion=10.0
ArchitecturesAllowed=x64compatible
ArchitecturesInstallIn64BitMode=x64compatible
ChangesAssociations=yes
CloseApplications=yes
RestartApplications=no
SetupIconFile={#DistDir}\_internal\bpeditor.ico
UninstallDisplayIcon={app}\{#AppExe}
UninstallDisplayName={#AppName}
OutputDir={#OutputDir}
OutputBaseFilename=bpeditor-setup-{#AppVersion}
Compression=lzma2/max
SolidCompression=yes
WizardStyle=modern
ShowLanguageDialog=auto

[Languages]
; The first entry is the fallback when the user's language matches neither.
Name: "chinesesimplified"; MessagesFile: "{#ChineseMessages}"
Name: "english"; MessagesFile: "compiler:Default.isl"

[CustomMessages]
chinesesimplified.BpeFileType=绩效目标表
english.BpeFileType=Performance target table
chinesesimplified.OtherTasks=文件关联：
english.OtherTasks=File association:
chinesesimplified.RemoveUserData=是否同时删除本程序的设置和自动恢复文件？%n%n如果还有未保存的工作需要恢复，请选择“否”。
english.RemoveUserData=Also delete the program's settings and auto-recovery files?%n%nChoose No if there is unsaved work you may still want to recover.

[Tasks]
Name: "desktopicon"; Description: "{cm:CreateDesktopIcon}"; GroupDescription: "{cm:AdditionalIcons}"; Flags: unchecked
Name: "associate"; Description: "{cm:AssocFileExtension,{#AppName},.bpe}"; GroupDescription: "{cm:OtherTasks}"

[InstallDelete]
; An upgrade replaces the whole runtime folder, so no file of an older version is left behind.
Type: filesandordirs; Name: "{app}\_internal"

[Files]
Source: "{#DistDir}\*"; DestDir: "{app}"; Flags: ignoreversion recursesubdirs createallsubdirs

[Icons]
Name: "{autoprograms}\{#AppName}"; Filename: "{app}\{#AppExe}"; Comment: "{#AppName}"
Name: "{autodesktop}\{#AppName}"; Filename: "{app}\{#AppExe}"; Tasks: desktopicon

[Registry]
; .bpe for the current user only (HKCU\Software\Classes), removed again on uninstall.
Root: HKCU; Subkey: "Software\Classes\.bpe"; ValueType: string; ValueName: ""; ValueData: "{#ProgId}"; Flags: uninsdeletevalue uninsdeletekeyifempty; Tasks: associate
Root: HKCU; Subkey: "Software\Classes\.bpe\OpenWithProgids"; ValueType: string; ValueName: "{#ProgId}"; ValueData: ""; Flags: uninsdeletevalue uninsdeletekeyifempty; Tasks: associate
Root: HKCU; Subkey: "Software\Classes\{#ProgId}"; ValueType: string; ValueName: ""; ValueData: "{cm:BpeFileType}"; Flags: uninsdeletekey; Tasks: associate
Root: HKCU; Subkey: "Software\Classes\{#ProgId}\DefaultIcon"; ValueType: string; ValueName: ""; ValueData: "{app}\{#AppExe},0"; Tasks: associate
Root: HKCU; Subkey: "Software\Classes\{#ProgId}\shell\open\command"; ValueType: string; ValueName: ""; ValueData: """{app}\{#AppExe}"" ""%1"""; Tasks: associate
Root: HKCU; Subkey: "Software\Classes\Applications\{#AppExe}\SupportedTypes"; ValueType: string; ValueName: ".bpe"; ValueData: ""; Flags: uninsdeletekey; Tasks: associate

[Run]
Filename: "{app}\{#AppExe}"; Description: "{cm:LaunchProgram,{#AppName}}"; Flags: nowait postinstall skipifsilent

[UninstallDelete]
; Anything the program may have left in its own folder (it writes its data elsewhere).
Type: filesandordirs; Name: "{app}\_internal"
Type: dirifempty; Name: "{app}"

[Code]
{ Settings (HKCU\Software\bpeditor, QSettings with organisation "bpeditor") and recovery files
  (%LOCALAPPDATA%\bpeditor) belong to the user: delete them only when asked, never silently. }
procedure CurUninstallStepChanged(CurUninstallStep: TUninstallStep);
begin
  if (CurUninstallStep = usPostUninstall) and not UninstallSilent then
    if MsgBox(CustomMessage('RemoveUserData'), mbConfirmation, MB_YESNO or MB_DEFBUTTON2) = IDYES then
    begin
      DelTree(ExpandConstant('{localappdata}\bpeditor'), True, True, True);
      RegDeleteKeyIncludingSubkeys(HKCU, 'Software\bpeditor');
    end;
end;
