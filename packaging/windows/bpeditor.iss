; Inno Setup script for bpeditor (绩效目标表编辑器): a per-user installer, no admin rights needed.
;
; Needs Inno Setup 6.4.1, the version pinned in packaging/windows/package.json (the npm package
; "innosetup" bundles that compiler; CI on Linux runs it under Wine, the Windows release job runs it
; natively), and the PyInstaller one-folder build (pyinstaller packaging/bpeditor.spec -> dist\bpeditor).
; The Simplified Chinese messages are ours, in languages\ChineseSimplified.isl beside this file.
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
;   SignToolName    sign with ISCC's /S<SignToolName>=... command (default: not signed)

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
  #error Inno Setup 6.3 or newer is needed (x64compatible); the pinned one is in packaging\windows\package.json
#endif

; The Simplified Chinese messages, written for bpeditor (Inno Setup ships no official translation
; before 7.0.2); tests/packaging/test_installer.py checks it against the compiler's Default.isl.
#define ChineseMessages AddBackslash(SourcePath) + "languages\ChineseSimplified.isl"
#if !FileExists(ChineseMessages)
  #error languages\ChineseSimplified.isl is missing beside bpeditor.iss
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
; Per-user by default: %LOCALAPPDATA%\Programs\bpeditor, shortcuts and file association for
; this user only, no admin rights. IT can install for all users into Program Files (where
; AppLocker/SRP default rules allow programs to run) with /ALLUSERS on the command line or the
; choice Setup offers; a clerk's /CURRENTUSER or the default stays per user. {autopf},
; {autoprograms} and {autodesktop} follow the mode, and so does the .bpe association (HKA).
PrivilegesRequired=lowest
PrivilegesRequiredOverridesAllowed=commandline dialog
DefaultDirName={autopf}\bpeditor
DisableProgramGroupPage=yes
UsePreviousAppDir=yes
; Qt 6 needs 64-bit Windows 10 1809 (build 17763) or later: refuse older builds such as
; Windows 10 LTSB 2016 (1607), where the program would not start.
MinVersion=10.0.17763
ArchitecturesAllowed=x64compatible
ArchitecturesInstallIn64BitMode=x64compatible
ChangesAssociations=yes
CloseApplications=yes
RestartApplications=no
SetupIconFile={#DistDir}\_internal\bpeditor.ico
UninstallDisplayIcon={app}\{#AppExe}
UninstallDisplayName={#AppName}
; Code signing (release workflow, only when a certificate is configured): /DSignToolName=NAME
; together with ISCC's /SNAME=command signs the setup and the uninstaller it contains.
#ifdef SignToolName
SignTool={#SignToolName}
SignedUninstaller=yes
#endif
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
; .bpe for the current user (HKCU\Software\Classes) or, installed for all users, for everyone
; (HKLM\Software\Classes); removed again on uninstall.
Root: HKA; Subkey: "Software\Classes\.bpe"; ValueType: string; ValueName: ""; ValueData: "{#ProgId}"; Flags: uninsdeletevalue uninsdeletekeyifempty; Tasks: associate
Root: HKA; Subkey: "Software\Classes\.bpe\OpenWithProgids"; ValueType: string; ValueName: "{#ProgId}"; ValueData: ""; Flags: uninsdeletevalue uninsdeletekeyifempty; Tasks: associate
Root: HKA; Subkey: "Software\Classes\{#ProgId}"; ValueType: string; ValueName: ""; ValueData: "{cm:BpeFileType}"; Flags: uninsdeletekey; Tasks: associate
Root: HKA; Subkey: "Software\Classes\{#ProgId}\DefaultIcon"; ValueType: string; ValueName: ""; ValueData: "{app}\{#AppExe},0"; Tasks: associate
Root: HKA; Subkey: "Software\Classes\{#ProgId}\shell\open\command"; ValueType: string; ValueName: ""; ValueData: """{app}\{#AppExe}"" ""%1"""; Tasks: associate
Root: HKA; Subkey: "Software\Classes\Applications\{#AppExe}\SupportedTypes"; ValueType: string; ValueName: ".bpe"; ValueData: ""; Flags: uninsdeletekey; Tasks: associate

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
