; Inno Setup script for the Windows installer of aktindsigt (one-folder PyInstaller build).
; Build steps (on a Windows build machine): see packaging/windows/README.md.
;   iscc /DAppVersion=0.1.0 packaging\windows\aktindsigt.iss
; Installs per machine (Program Files, needs administrator rights), adds a start-menu entry, and
; looks for Tesseract (with Danish data) and LibreOffice on PATH and in their default folders; what
; it finds is written to HKLM\Software\Aktindsigt (TesseractPath, SofficePath), where the program
; looks for them. What is missing is shown at the end (the program works without them, with less).

#ifndef AppVersion
  #define AppVersion "0.0.0"
#endif
#define AppName "Aktindsigt"
#define DistDir "..\..\dist\aktindsigt"

[Setup]
AppId={{6F1B3C2A-8D4E-4F7A-9C1B-2E5D7A9B0C14}
AppName={#AppName}
AppVersion={#AppVersion}
AppPublisher=aktindsigt
DefaultDirName={autopf}\Aktindsigt
DefaultGroupName={#AppName}
DisableProgramGroupPage=yes
PrivilegesRequired=admin
ArchitecturesAllowed=x64compatible
ArchitecturesInstallIn64BitMode=x64compatible
OutputDir=..\..\dist
OutputBaseFilename=aktindsigt-{#AppVersion}-installer
SetupIconFile=..\icons\aktindsigt.ico
UninstallDisplayIcon={app}\aktindsigt-app.exe
Compression=lzma2/max
SolidCompression=yes
WizardStyle=modern

[Languages]
Name: "danish"; MessagesFile: "compiler:Languages\Danish.isl"

[Files]
Source: "{#DistDir}\*"; DestDir: "{app}"; Flags: ignoreversion recursesubdirs createallsubdirs

[Icons]
Name: "{autoprograms}\{#AppName}"; Filename: "{app}\aktindsigt-app.exe"; Comment: "Behandling af anmodninger om aktindsigt"
Name: "{autoprograms}\Afinstallér {#AppName}"; Filename: "{uninstallexe}"

[Registry]
Root: HKLM; Subkey: "Software\Aktindsigt"; Flags: uninsdeletekey
Root: HKLM; Subkey: "Software\Aktindsigt"; ValueType: string; ValueName: "Version"; ValueData: "{#AppVersion}"
Root: HKLM; Subkey: "Software\Aktindsigt"; ValueType: string; ValueName: "TesseractPath"; ValueData: "{code:TesseractPath}"; Check: HasTesseract
Root: HKLM; Subkey: "Software\Aktindsigt"; ValueType: string; ValueName: "SofficePath"; ValueData: "{code:SofficePath}"; Check: HasSoffice

[Run]
Filename: "{app}\aktindsigt-app.exe"; Description: "Start {#AppName}"; Flags: nowait postinstall skipifsilent

[Code]
var
  FoundTesseract, FoundSoffice: String;
  TesseractWithoutDanish: Boolean;

function OnPath(const Exe: String): String;
var
  Paths, Dir: String;
  P: Integer;
begin
  Result := '';
  Paths := GetEnv('PATH') + ';';
  while (Result = '') and (Length(Paths) > 0) do
  begin
    P := Pos(';', Paths);
    Dir := Trim(Copy(Paths, 1, P - 1));
    Delete(Paths, 1, P);
    if (Dir <> '') and FileExists(AddBackslash(Dir) + Exe) then
      Result := AddBackslash(Dir) + Exe;
  end;
end;

function FirstExisting(const A, B: String): String;
begin
  if FileExists(A) then Result := A
  else if FileExists(B) then Result := B
  else Result := '';
end;

procedure FindTools();
begin
  FoundTesseract := OnPath('tesseract.exe');
  if FoundTesseract = '' then
    FoundTesseract := FirstExisting(ExpandConstant('{commonpf64}\Tesseract-OCR\tesseract.exe'),
                                    ExpandConstant('{commonpf32}\Tesseract-OCR\tesseract.exe'));
  TesseractWithoutDanish := (FoundTesseract <> '') and
    not FileExists(AddBackslash(ExtractFileDir(FoundTesseract)) + 'tessdata\dan.traineddata');
  FoundSoffice := OnPath('soffice.exe');
  if FoundSoffice = '' then
    FoundSoffice := FirstExisting(ExpandConstant('{commonpf64}\LibreOffice\program\soffice.exe'),
                                  ExpandConstant('{commonpf32}\LibreOffice\program\soffice.exe'));
end;

function HasTesseract(): Boolean;
begin
  Result := FoundTesseract <> '';
end;

function HasSoffice(): Boolean;
begin
  Result := FoundSoffice <> '';
end;

function TesseractPath(Param: String): String;
begin
  Result := FoundTesseract;
end;

function SofficePath(Param: String): String;
begin
  Result := FoundSoffice;
end;

function InitializeSetup(): Boolean;
begin
  FindTools();
  Result := True;
end;

procedure CurStepChanged(CurStep: TSetupStep);
var
  Missing: String;
begin
  if CurStep <> ssPostInstall then Exit;
  Missing := '';
  if FoundTesseract = '' then
    Missing := Missing + '- Tesseract OCR blev ikke fundet: scannede sider kan ikke læses eller overstreges automatisk.' + #13#10
  else if TesseractWithoutDanish then
    Missing := Missing + '- Tesseract mangler dansk sprogdata (dan.traineddata i ' + ExtractFileDir(FoundTesseract) + '\tessdata).' + #13#10;
  if FoundSoffice = '' then
    Missing := Missing + '- LibreOffice blev ikke fundet: Word-, Excel- og PowerPoint-filer vises uden deres layout.' + #13#10;
  if (Missing <> '') and not WizardSilent() then
    MsgBox('Aktindsigt er installeret, men:' + #13#10#13#10 + Missing + #13#10 +
           'Installér programmerne (Tesseract med dansk, LibreOffice), eller peg på dem i programmets indstillinger. ' +
           'Kommandoen "aktindsigt doctor" viser, hvad der mangler.', mbInformation, MB_OK);
end;
