<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="en_US">
<context>
    <name />
    <message>
        <location filename="../../aktindsigt/ui/case_window.py" line="110" />
        <location filename="../../aktindsigt/ui/documents.py" line="491" />
        <source>Akt</source>
        <translation>Doc.</translation>
    </message>
    <message>
        <location filename="../../aktindsigt/ui/case_window.py" line="111" />
        <location filename="../../aktindsigt/ui/documents.py" line="491" />
        <location filename="../../aktindsigt/ui/overview.py" line="166" />
        <source>Titel</source>
        <translation>Title</translation>
    </message>
    <message>
        <location filename="../../aktindsigt/ui/case_window.py" line="112" />
        <location filename="../../aktindsigt/ui/documents.py" line="124" />
        <source>Dato</source>
        <translation>Date</translation>
    </message>
    <message>
        <location filename="../../aktindsigt/ui/case_window.py" line="114" />
        <location filename="../../aktindsigt/ui/overview.py" line="174" />
        <source>Åbne</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../aktindsigt/ui/overview.py" line="171" />
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <location filename="../../aktindsigt/ui/case_window.py" line="113" />
        <location filename="../../aktindsigt/ui/outputs.py" line="775" />
        <source>Afgørelse</source>
        <translation>Decision</translation>
    </message>
    <message>
        <location filename="../../aktindsigt/ui/dialogs.py" line="49" />
        <source>Hjemmel</source>
        <translation>Legal ground</translation>
    </message>
    <message>
        <location filename="../../aktindsigt/ui/dialogs.py" line="54" />
        <source>Vælg hjemmel, eller skriv for at søge</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../aktindsigt/ui/dialogs.py" line="129" />
        <location filename="../../aktindsigt/ui/dialogs.py" line="343" />
        <location filename="../../aktindsigt/ui/documents.py" line="504" />
        <location filename="../../aktindsigt/ui/ops.py" line="156" />
        <source>Annullér</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <location filename="../../aktindsigt/ui/dialogs.py" line="148" />
        <location filename="../../aktindsigt/ui/dialogs.py" line="192" />
        <location filename="../../aktindsigt/ui/dialogs.py" line="225" />
        <source>&amp;Hjemmel:</source>
        <translation>Legal &amp;ground:</translation>
    </message>
    <message>
        <location filename="../../aktindsigt/ui/dialogs.py" line="150" />
        <source>OK</source>
        <translation>OK</translation>
    </message>
    <message>
        <location filename="../../aktindsigt/ui/dialogs.py" line="177" />
        <location filename="../../aktindsigt/ui/documents.py" line="176" />
        <source>Afgørelse for dokumentet</source>
        <translation>Decision for the document</translation>
    </message>
    <message>
        <location filename="../../aktindsigt/ui/dialogs.py" line="179" />
        <source>Aktindsigt</source>
        <translation>Access</translation>
    </message>
    <message>
        <location filename="../../aktindsigt/ui/dialogs.py" line="180" />
        <source>Ikke afgjort</source>
        <translation>Not decided</translation>
    </message>
    <message>
        <location filename="../../aktindsigt/ui/dialogs.py" line="181" />
        <source>Fuld aktindsigt</source>
        <translation>Full access</translation>
    </message>
    <message>
        <location filename="../../aktindsigt/ui/dialogs.py" line="182" />
        <source>Delvis aktindsigt</source>
        <translation>Partial access</translation>
    </message>
    <message>
        <location filename="../../aktindsigt/ui/dialogs.py" line="183" />
        <source>Undtaget (ingen aktindsigt)</source>
        <translation>Withheld (no access)</translation>
    </message>
    <message>
        <location filename="../../aktindsigt/ui/dialogs.py" line="191" />
        <source>&amp;Aktindsigt:</source>
        <translation>&amp;Access:</translation>
    </message>
    <message>
        <location filename="../../aktindsigt/ui/dialogs.py" line="193" />
        <location filename="../../aktindsigt/ui/outputs.py" line="165" />
        <source>&amp;Begrundelse:</source>
        <translation>&amp;Reason:</translation>
    </message>
    <message>
        <location filename="../../aktindsigt/ui/dialogs.py" line="196" />
        <location filename="../../aktindsigt/ui/outputs.py" line="423" />
        <location filename="../../aktindsigt/ui/outputs.py" line="532" />
        <source>Gem</source>
        <translation>Save</translation>
    </message>
    <message>
        <location filename="../../aktindsigt/ui/dialogs.py" line="218" />
        <source>Overstreg alle forekomster</source>
        <translation>Redact all occurrences</translation>
    </message>
    <message>
        <location filename="../../aktindsigt/ui/dialogs.py" line="220" />
        <source>&amp;Mønster (regulært udtryk)</source>
        <translation>&amp;Pattern (regular expression)</translation>
    </message>
    <message>
        <location filename="../../aktindsigt/ui/dialogs.py" line="223" />
        <source>&amp;Tekst:</source>
        <translation>&amp;Text:</translation>
    </message>
    <message>
        <location filename="../../aktindsigt/ui/dialogs.py" line="227" />
        <source>Alle forekomster i alle sagens dokumenter overstreges.</source>
        <translation>Every occurrence in every document of the case is redacted.</translation>
    </message>
    <message>
        <location filename="../../aktindsigt/ui/dialogs.py" line="229" />
        <source>Overstreg</source>
        <translation>Redact</translation>
    </message>
    <message>
        <location filename="../../aktindsigt/ui/dialogs.py" line="238" />
        <source>Resultat af importen</source>
        <translation>Import result</translation>
    </message>
    <message>
        <location filename="../../aktindsigt/ui/dialogs.py" line="240" />
        <source>{0} dokumenter importeret, {1} kunne ikke læses, {2} fandtes allerede i sagen.</source>
        <translation>{0} documents imported, {1} could not be read, {2} were already in the case.</translation>
    </message>
    <message>
        <location filename="../../aktindsigt/ui/dialogs.py" line="243" />
        <source>Importen blev annulleret; resten af filerne er ikke importeret.</source>
        <translation>The import was cancelled; the remaining files were not imported.</translation>
    </message>
    <message>
        <location filename="../../aktindsigt/ui/dialogs.py" line="249" />
        <source>Findes allerede som akt {0}.</source>
        <translation>Already in the case as document {0}.</translation>
    </message>
    <message>
        <location filename="../../aktindsigt/ui/dialogs.py" line="252" />
        <source>Fil</source>
        <translation>File</translation>
    </message>
    <message>
        <location filename="../../aktindsigt/ui/dialogs.py" line="252" />
        <source>Årsag</source>
        <translation>Reason</translation>
    </message>
    <message>
        <location filename="../../aktindsigt/ui/dialogs.py" line="264" />
        <location filename="../../aktindsigt/ui/help.py" line="113" />
        <location filename="../../aktindsigt/ui/outputs.py" line="107" />
        <location filename="../../aktindsigt/ui/outputs.py" line="294" />
        <location filename="../../aktindsigt/ui/viewer.py" line="1124" />
        <source>Luk</source>
        <translation>Close</translation>
    </message>
    <message>
        <location filename="../../aktindsigt/ui/dialogs.py" line="286" />
        <source>Punkter på tjeklisten</source>
        <translation>Checklist items</translation>
    </message>
    <message>
        <location filename="../../aktindsigt/ui/dialogs.py" line="355" />
        <source>Åbn med adgangskode</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../aktindsigt/ui/dialogs.py" line="356" />
        <source>“{0}” er beskyttet med en adgangskode. Adgangskoden bruges én gang til at læse filen og gemmes ikke.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../aktindsigt/ui/dialogs.py" line="362" />
        <source>Adgangskode</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../aktindsigt/ui/dialogs.py" line="364" />
        <source>&amp;Adgangskode:</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../aktindsigt/ui/dialogs.py" line="368" />
        <source>Åbn</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../aktindsigt/ui/ops.py" line="158" />
        <source>Arbejder …</source>
        <translation>Working …</translation>
    </message>
    <message>
        <location filename="../../aktindsigt/ui/ops.py" line="181" />
        <source>Annullerer …</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../aktindsigt/ui/ops.py" line="236" />
        <source>Annulleret.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../aktindsigt/ui/ops.py" line="264" />
        <source>Det lykkedes ikke</source>
        <translation>That did not work</translation>
    </message>
    <message>
        <location filename="../../aktindsigt/ui/ops.py" line="275" />
        <source>Der opstod en uventet fejl. Detaljer er skrevet i logfilen {0}.</source>
        <translation>An unexpected error occurred. Details were written to the log file {0}.</translation>
    </message>
    <message>
        <location filename="../../aktindsigt/ui/overview.py" line="151" />
        <source>Alle sager</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../aktindsigt/ui/overview.py" line="152" />
        <source>Mine sager</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../aktindsigt/ui/overview.py" line="153" />
        <source>Ikke udleveret</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../aktindsigt/ui/overview.py" line="165" />
        <source>Sagsnr.</source>
        <translation>Case no.</translation>
    </message>
    <message>
        <location filename="../../aktindsigt/ui/overview.py" line="167" />
        <source>Anmoder</source>
        <translation>Requester</translation>
    </message>
    <message>
        <location filename="../../aktindsigt/ui/overview.py" line="168" />
        <source>Retsgrundlag</source>
        <translation>Legal basis</translation>
    </message>
    <message>
        <location filename="../../aktindsigt/ui/overview.py" line="169" />
        <source>Modtaget</source>
        <translation>Received</translation>
    </message>
    <message>
        <location filename="../../aktindsigt/ui/overview.py" line="170" />
        <source>Frist</source>
        <translation>Deadline</translation>
    </message>
    <message>
        <location filename="../../aktindsigt/ui/overview.py" line="172" />
        <source>Sagsbehandler</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../aktindsigt/ui/overview.py" line="173" />
        <source>Dok.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../aktindsigt/ui/overview.py" line="177" />
        <source>Der er ingen sager endnu. Opret en med “Ny sag” (Ctrl+N).</source>
        <translation>There are no cases yet. Create one with “New case” (Ctrl+N).</translation>
    </message>
    <message>
        <location filename="../../aktindsigt/ui/viewer.py" line="419" />
        <source>Dokumentvisning</source>
        <translation>Document view</translation>
    </message>
    <message>
        <location filename="../../aktindsigt/ui/viewer.py" line="555" />
        <source>Side {0} indlæses …</source>
        <translation>Loading page {0} …</translation>
    </message>
    <message>
        <location filename="../../aktindsigt/ui/viewer.py" line="588" />
        <source>Siden undtages ({0})</source>
        <translation>Page withheld ({0})</translation>
    </message>
    <message>
        <location filename="../../aktindsigt/ui/viewer.py" line="788" />
        <location filename="../../aktindsigt/ui/viewer.py" line="835" />
        <source>Vælg et dokument i listen.</source>
        <translation>Choose a document in the list.</translation>
    </message>
    <message>
        <location filename="../../aktindsigt/ui/viewer.py" line="334" />
        <source>{0} · score {1:.2f} · {2} · hjemmel: {3} · {4}</source>
        <translation>{0} · score {1:.2f} · {2} · ground: {3} · {4}</translation>
    </message>
    <message>
        <location filename="../../aktindsigt/ui/viewer.py" line="335" />
        <source>ingen</source>
        <translation>none</translation>
    </message>
    <message>
        <location filename="../../aktindsigt/ui/viewer.py" line="336" />
        <source>afventer</source>
        <translation>pending</translation>
    </message>
    <message>
        <location filename="../../aktindsigt/ui/viewer.py" line="336" />
        <source>overstreges</source>
        <translation>redacted</translation>
    </message>
    <message>
        <location filename="../../aktindsigt/ui/viewer.py" line="336" />
        <source>frigives</source>
        <translation>released</translation>
    </message>
    <message>
        <location filename="../../aktindsigt/ui/viewer.py" line="343" />
        <source>Manuel overstregning · hjemmel: {0}</source>
        <translation>Manual redaction · ground: {0}</translation>
    </message>
    <message>
        <location filename="../../aktindsigt/ui/viewer.py" line="1119" />
        <location filename="../../aktindsigt/ui/viewer.py" line="1120" />
        <source>Søg i dokumentet</source>
        <translation>Find in document</translation>
    </message>
    <message>
        <location filename="../../aktindsigt/ui/viewer.py" line="1122" />
        <source>Forrige</source>
        <translation>Previous</translation>
    </message>
    <message>
        <location filename="../../aktindsigt/ui/viewer.py" line="1123" />
        <source>Næste</source>
        <translation>Next</translation>
    </message>
    <message>
        <location filename="../../aktindsigt/ui/viewer.py" line="1127" />
        <source>Søg:</source>
        <translation>Find:</translation>
    </message>
    <message>
        <location filename="../../aktindsigt/ui/viewer.py" line="1164" />
        <source>Ingen fund</source>
        <translation>No matches</translation>
    </message>
    <message>
        <location filename="../../aktindsigt/ui/ops.py" line="201" />
        <location filename="../../aktindsigt/ui/viewer.py" line="1166" />
        <source>{0} af {1}</source>
        <translation>{0} of {1}</translation>
    </message>
    <message>
        <location filename="../../aktindsigt/ui/viewer.py" line="1236" />
        <source>Sideminiaturer</source>
        <translation>Page thumbnails</translation>
    </message>
    <message>
        <location filename="../../aktindsigt/ui/outputs.py" line="266" />
        <location filename="../../aktindsigt/ui/viewer.py" line="1215" />
        <source>Side {0}</source>
        <translation>Page {0}</translation>
    </message>
    <message>
        <location filename="../../aktindsigt/ui/viewer.py" line="1297" />
        <source>Zoom</source>
        <translation>Zoom</translation>
    </message>
    <message>
        <location filename="../../aktindsigt/ui/viewer.py" line="1298" />
        <source>Zoom (Ctrl++ / Ctrl+-)</source>
        <translation>Zoom (Ctrl++ / Ctrl+-)</translation>
    </message>
    <message>
        <location filename="../../aktindsigt/ui/viewer.py" line="1299" />
        <source>Tilpas bredde</source>
        <translation>Fit width</translation>
    </message>
    <message>
        <location filename="../../aktindsigt/ui/viewer.py" line="1300" />
        <source>Hele siden</source>
        <translation>Fit page</translation>
    </message>
    <message>
        <location filename="../../aktindsigt/ui/outputs.py" line="110" />
        <source>Åbn &amp;mappe</source>
        <translation>Open &amp;folder</translation>
    </message>
    <message>
        <location filename="../../aktindsigt/ui/outputs.py" line="585" />
        <source>&amp;Tjekliste før afsendelse …</source>
        <translation>Pre-send &amp;checklist …</translation>
    </message>
    <message>
        <location filename="../../aktindsigt/ui/outputs.py" line="597" />
        <source>&amp;Overstreg og kontrollér dokumenterne …</source>
        <translation>&amp;Redact and verify the documents …</translation>
    </message>
    <message>
        <location filename="../../aktindsigt/ui/outputs.py" line="591" />
        <source>Dan &amp;afgørelse (udkast) …</source>
        <translation>Create &amp;decision letter (draft) …</translation>
    </message>
    <message>
        <location filename="../../aktindsigt/ui/outputs.py" line="162" />
        <location filename="../../aktindsigt/ui/outputs.py" line="760" />
        <source>Fristbrev</source>
        <translation>Deadline letter</translation>
    </message>
    <message>
        <location filename="../../aktindsigt/ui/outputs.py" line="168" />
        <source>Forventet afgørelse senest</source>
        <translation>Decision expected by</translation>
    </message>
    <message>
        <location filename="../../aktindsigt/ui/outputs.py" line="170" />
        <source>Tom: brevets standardbegrundelse (sagens omfang eller kompleksitet)</source>
        <translation>Empty: the letter's standard reason (the size or complexity of the case)</translation>
    </message>
    <message>
        <location filename="../../aktindsigt/ui/outputs.py" line="171" />
        <source>Hvorfor afgørelsen ikke er truffet endnu</source>
        <translation>Why the decision has not been made yet</translation>
    </message>
    <message>
        <location filename="../../aktindsigt/ui/outputs.py" line="163" />
        <source>Fristbrevet fortæller anmoderen, hvorfor der endnu ikke er truffet afgørelse, og hvornår den kan forventes.</source>
        <translation>The deadline letter tells the requester why no decision has been made yet, and when to expect it.</translation>
    </message>
    <message>
        <location filename="../../aktindsigt/ui/outputs.py" line="165" />
        <source>&amp;Forventet afgørelse senest:</source>
        <translation>&amp;Decision expected by:</translation>
    </message>
    <message>
        <location filename="../../aktindsigt/ui/outputs.py" line="150" />
        <source>Vis brevet</source>
        <translation>Show the letter</translation>
    </message>
    <message>
        <location filename="../../aktindsigt/ui/outputs.py" line="179" />
        <source>Videresend klage</source>
        <translation>Forward complaint</translation>
    </message>
    <message>
        <location filename="../../aktindsigt/ui/outputs.py" line="185" />
        <source>Klagen modtaget</source>
        <translation>Complaint received</translation>
    </message>
    <message>
        <location filename="../../aktindsigt/ui/outputs.py" line="187" />
        <source>Kan udelades</source>
        <translation>Optional</translation>
    </message>
    <message>
        <location filename="../../aktindsigt/ui/outputs.py" line="188" />
        <source>Kommunens bemærkninger til klagen</source>
        <translation>The municipality's remarks on the complaint</translation>
    </message>
    <message>
        <location filename="../../aktindsigt/ui/outputs.py" line="180" />
        <source>Kommunen har genvurderet afgørelsen og fastholder den. Brevet sender klagen til klageinstansen med kopi til anmoderen.</source>
        <translation>The municipality has reconsidered the decision and upholds it. The letter sends the complaint to the complaint body with a copy to the requester.</translation>
    </message>
    <message>
        <location filename="../../aktindsigt/ui/outputs.py" line="122" />
        <source>{0}
Dokument {1} af {2}</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../aktindsigt/ui/outputs.py" line="182" />
        <source>Klagen &amp;modtaget:</source>
        <translation>Complaint &amp;received:</translation>
    </message>
    <message>
        <location filename="../../aktindsigt/ui/outputs.py" line="182" />
        <source>&amp;Bemærkninger:</source>
        <translation>&amp;Remarks:</translation>
    </message>
    <message>
        <location filename="../../aktindsigt/ui/outputs.py" line="245" />
        <source>{0} — forhåndsvisning</source>
        <translation>{0} — preview</translation>
    </message>
    <message>
        <location filename="../../aktindsigt/ui/outputs.py" line="273" />
        <location filename="../../aktindsigt/ui/outputs.py" line="283" />
        <source>Forhåndsvisning</source>
        <translation>Preview</translation>
    </message>
    <message>
        <location filename="../../aktindsigt/ui/outputs.py" line="276" />
        <source>Forhåndsvisningen viser de første {0} af {1} sider.</source>
        <translation>The preview shows the first {0} of {1} pages.</translation>
    </message>
    <message>
        <location filename="../../aktindsigt/ui/outputs.py" line="286" />
        <source>Gem lægger filerne ({0}) i den mappe, du vælger, og noterer dem i sagens log.</source>
        <translation>Save puts the files ({0}) in the folder you choose and notes them in the case log.</translation>
    </message>
    <message>
        <location filename="../../aktindsigt/ui/outputs.py" line="291" />
        <source>&amp;Gem …</source>
        <translation>&amp;Save …</translation>
    </message>
    <message>
        <location filename="../../aktindsigt/ui/outputs.py" line="302" />
        <source>Vælg mappe til {0}</source>
        <translation>Choose a folder for {0}</translation>
    </message>
    <message>
        <location filename="../../aktindsigt/ui/outputs.py" line="341" />
        <source>Dialog med anmoderen om afgrænsningen</source>
        <translation>Dialogue with the requester about the scope</translation>
    </message>
    <message>
        <location filename="../../aktindsigt/ui/outputs.py" line="342" />
        <source>Tredjeparter hørt</source>
        <translation>Third parties consulted</translation>
    </message>
    <message>
        <location filename="../../aktindsigt/ui/outputs.py" line="343" />
        <source>Kvalitetssikring</source>
        <translation>Quality review</translation>
    </message>
    <message>
        <location filename="../../aktindsigt/ui/outputs.py" line="344" />
        <source>Afsendelse</source>
        <translation>Dispatch</translation>
    </message>
    <message>
        <location filename="../../aktindsigt/ui/outputs.py" line="345" />
        <source>Senere klager</source>
        <translation>Later complaints</translation>
    </message>
    <message>
        <location filename="../../aktindsigt/ui/outputs.py" line="358" />
        <source>Afgørelsens tekster</source>
        <translation>Texts of the decision</translation>
    </message>
    <message>
        <location filename="../../aktindsigt/ui/outputs.py" line="360" />
        <source>Afgrænsning af anmodningen</source>
        <translation>Scope of the request</translation>
    </message>
    <message>
        <location filename="../../aktindsigt/ui/outputs.py" line="361" />
        <source>Hvordan anmodningen er forstået og afgrænset: periode, sager og typer af dokumenter</source>
        <translation>How the request was understood and delimited: period, cases and types of documents</translation>
    </message>
    <message>
        <location filename="../../aktindsigt/ui/outputs.py" line="364" />
        <source>Meroffentlighed (§ 14)</source>
        <translation>Extended access (§ 14)</translation>
    </message>
    <message>
        <location filename="../../aktindsigt/ui/outputs.py" line="365" />
        <source>At meroffentlighed er overvejet, og hvorfor der ikke gives mere</source>
        <translation>That extended access was considered, and why no more is given</translation>
    </message>
    <message>
        <location filename="../../aktindsigt/ui/outputs.py" line="367" />
        <source>Ekstrahering (§§ 28-29)</source>
        <translation>Extraction (§§ 28-29)</translation>
    </message>
    <message>
        <location filename="../../aktindsigt/ui/outputs.py" line="368" />
        <source>Hvad der er ekstraheret af de undtagne dokumenter, eller hvorfor intet er</source>
        <translation>What was extracted from the withheld documents, or why nothing was</translation>
    </message>
    <message>
        <location filename="../../aktindsigt/ui/outputs.py" line="372" />
        <source>Klageinstans</source>
        <translation>Complaint body</translation>
    </message>
    <message>
        <location filename="../../aktindsigt/ui/outputs.py" line="373" />
        <source>Tom: klageinstansen for sagens regime</source>
        <translation>Empty: the complaint body of the case's regime</translation>
    </message>
    <message>
        <location filename="../../aktindsigt/ui/outputs.py" line="375" />
        <source>Modtagerens adresse</source>
        <translation>Recipient's address</translation>
    </message>
    <message>
        <location filename="../../aktindsigt/ui/outputs.py" line="379" />
        <source>Underskriver</source>
        <translation>Signer</translation>
    </message>
    <message>
        <location filename="../../aktindsigt/ui/outputs.py" line="382" />
        <source>Underskriverens titel</source>
        <translation>Signer's title</translation>
    </message>
    <message>
        <location filename="../../aktindsigt/ui/outputs.py" line="388" />
        <source>&amp;Afgrænsning:</source>
        <translation>&amp;Scope:</translation>
    </message>
    <message>
        <location filename="../../aktindsigt/ui/outputs.py" line="389" />
        <source>&amp;Meroffentlighed (§ 14):</source>
        <translation>&amp;Extended access (§ 14):</translation>
    </message>
    <message>
        <location filename="../../aktindsigt/ui/outputs.py" line="390" />
        <source>&amp;Ekstrahering (§§ 28-29):</source>
        <translation>E&amp;xtraction (§§ 28-29):</translation>
    </message>
    <message>
        <location filename="../../aktindsigt/ui/outputs.py" line="391" />
        <source>&amp;Klageinstans:</source>
        <translation>&amp;Complaint body:</translation>
    </message>
    <message>
        <location filename="../../aktindsigt/ui/outputs.py" line="392" />
        <source>Mod&amp;tagerens adresse:</source>
        <translation>Recipien&amp;t's address:</translation>
    </message>
    <message>
        <location filename="../../aktindsigt/ui/outputs.py" line="393" />
        <source>&amp;Underskriver:</source>
        <translation>Si&amp;gner:</translation>
    </message>
    <message>
        <location filename="../../aktindsigt/ui/outputs.py" line="394" />
        <source>Underskriverens &amp;titel:</source>
        <translation>Signer's &amp;title:</translation>
    </message>
    <message>
        <location filename="../../aktindsigt/ui/outputs.py" line="400" />
        <source>Loven, der fastsætter tavshedspligten, skal nævnes for hver hjemmel efter § 35 (fx sundhedslovens § 40):</source>
        <translation>Name the law imposing the duty of confidentiality for each ground under § 35 (e.g. sundhedslovens § 40):</translation>
    </message>
    <message>
        <location filename="../../aktindsigt/ui/outputs.py" line="419" />
        <source>Afgørelsen</source>
        <translation>The decision</translation>
    </message>
    <message>
        <location filename="../../aktindsigt/ui/outputs.py" line="420" />
        <source>Journalnotatet</source>
        <translation>The journal note</translation>
    </message>
    <message>
        <location filename="../../aktindsigt/ui/outputs.py" line="445" />
        <source>Lov for {0}</source>
        <translation>Law for {0}</translation>
    </message>
    <message>
        <location filename="../../aktindsigt/ui/outputs.py" line="493" />
        <source>&amp;Navn:</source>
        <translation>&amp;Name:</translation>
    </message>
    <message>
        <location filename="../../aktindsigt/ui/outputs.py" line="493" />
        <source>Kommunens navn</source>
        <translation>The municipality's name</translation>
    </message>
    <message>
        <location filename="../../aktindsigt/ui/outputs.py" line="494" />
        <source>&amp;Enhed:</source>
        <translation>&amp;Unit:</translation>
    </message>
    <message>
        <location filename="../../aktindsigt/ui/outputs.py" line="494" />
        <source>Enhed eller afdeling</source>
        <translation>Unit or department</translation>
    </message>
    <message>
        <location filename="../../aktindsigt/ui/outputs.py" line="495" />
        <source>&amp;Adresse:</source>
        <translation>&amp;Address:</translation>
    </message>
    <message>
        <location filename="../../aktindsigt/ui/outputs.py" line="495" />
        <source>Adresse</source>
        <translation>Address</translation>
    </message>
    <message>
        <location filename="../../aktindsigt/ui/outputs.py" line="496" />
        <source>&amp;CVR-nummer:</source>
        <translation>&amp;CVR number:</translation>
    </message>
    <message>
        <location filename="../../aktindsigt/ui/outputs.py" line="496" />
        <source>CVR-nummer (8 cifre)</source>
        <translation>CVR number (8 digits)</translation>
    </message>
    <message>
        <location filename="../../aktindsigt/ui/outputs.py" line="497" />
        <source>&amp;Kommunekode:</source>
        <translation>Municipality &amp;code:</translation>
    </message>
    <message>
        <location filename="../../aktindsigt/ui/outputs.py" line="497" />
        <source>Kommunekode (3 cifre)</source>
        <translation>Municipality code (3 digits)</translation>
    </message>
    <message>
        <location filename="../../aktindsigt/ui/outputs.py" line="498" />
        <source>&amp;Telefon:</source>
        <translation>&amp;Phone:</translation>
    </message>
    <message>
        <location filename="../../aktindsigt/ui/outputs.py" line="498" />
        <source>Telefon</source>
        <translation>Phone</translation>
    </message>
    <message>
        <location filename="../../aktindsigt/ui/outputs.py" line="499" />
        <source>&amp;E-mail:</source>
        <translation>&amp;E-mail:</translation>
    </message>
    <message>
        <location filename="../../aktindsigt/ui/outputs.py" line="499" />
        <source>E-mail</source>
        <translation>E-mail</translation>
    </message>
    <message>
        <location filename="../../aktindsigt/ui/outputs.py" line="500" />
        <source>&amp;Hjemmeside:</source>
        <translation>&amp;Website:</translation>
    </message>
    <message>
        <location filename="../../aktindsigt/ui/outputs.py" line="500" />
        <source>Hjemmeside</source>
        <translation>Website</translation>
    </message>
    <message>
        <location filename="../../aktindsigt/ui/outputs.py" line="512" />
        <source>Kommuneprofil</source>
        <translation>Municipality profile</translation>
    </message>
    <message>
        <location filename="../../aktindsigt/ui/outputs.py" line="513" />
        <source>Brevene bruger kommunens navn, enhed, adresse og kontaktoplysninger. Kommunekoden indgår i navnet på eksportpakken.</source>
        <translation>The letters use the municipality's name, unit, address and contact details. The municipality code is part of the export bundle's name.</translation>
    </message>
    <message>
        <location filename="../../aktindsigt/ui/outputs.py" line="522" />
        <source>Gade og nummer, postnummer og by (en linje hver)</source>
        <translation>Street and number, postcode and town (one line each)</translation>
    </message>
    <message>
        <location filename="../../aktindsigt/ui/outputs.py" line="586" />
        <source>Afgørelsens &amp;tekster …</source>
        <translation>&amp;Texts of the decision …</translation>
    </message>
    <message>
        <location filename="../../aktindsigt/ui/outputs.py" line="587" />
        <source>Kommune&amp;profil …</source>
        <translation>Municipality &amp;profile …</translation>
    </message>
    <message>
        <location filename="../../aktindsigt/ui/outputs.py" line="589" />
        <source>Dan &amp;kvittering …</source>
        <translation>Make &amp;receipt …</translation>
    </message>
    <message>
        <location filename="../../aktindsigt/ui/outputs.py" line="590" />
        <source>Dan &amp;fristbrev …</source>
        <translation>Make &amp;deadline letter …</translation>
    </message>
    <message>
        <location filename="../../aktindsigt/ui/outputs.py" line="592" />
        <source>Dan afgørelse (&amp;endelig) …</source>
        <translation>Create decision letter (&amp;final) …</translation>
    </message>
    <message>
        <location filename="../../aktindsigt/ui/outputs.py" line="593" />
        <source>Dan a&amp;ktliste …</source>
        <translation>Create document &amp;list …</translation>
    </message>
    <message>
        <location filename="../../aktindsigt/ui/outputs.py" line="594" />
        <source>Dan &amp;journalnotat …</source>
        <translation>Create &amp;journal note …</translation>
    </message>
    <message>
        <location filename="../../aktindsigt/ui/outputs.py" line="595" />
        <source>&amp;Videresend klage …</source>
        <translation>&amp;Forward complaint …</translation>
    </message>
    <message>
        <location filename="../../aktindsigt/ui/outputs.py" line="598" />
        <source>&amp;Eksportér pakke til ESDH …</source>
        <translation>&amp;Export bundle for the ESDH …</translation>
    </message>
    <message>
        <location filename="../../aktindsigt/ui/outputs.py" line="618" />
        <source>&amp;Udlevering</source>
        <translation>&amp;Release</translation>
    </message>
    <message>
        <location filename="../../aktindsigt/ui/outputs.py" line="861" />
        <source>{0} kontrollen og er ikke udleveret. Se listen.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../aktindsigt/ui/outputs.py" line="862" />
        <source>dokument fejlede</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../aktindsigt/ui/outputs.py" line="862" />
        <source>dokumenter fejlede</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../aktindsigt/ui/outputs.py" line="749" />
        <source>Kvittering</source>
        <translation>Receipt</translation>
    </message>
    <message>
        <location filename="../../aktindsigt/ui/outputs.py" line="750" />
        <source>Danner kvitteringen …</source>
        <translation>Making the receipt …</translation>
    </message>
    <message>
        <location filename="../../aktindsigt/ui/outputs.py" line="761" />
        <source>Danner fristbrevet …</source>
        <translation>Making the deadline letter …</translation>
    </message>
    <message>
        <location filename="../../aktindsigt/ui/outputs.py" line="769" />
        <source>Klage videresendt</source>
        <translation>Complaint forwarded</translation>
    </message>
    <message>
        <location filename="../../aktindsigt/ui/outputs.py" line="771" />
        <source>Danner brevet til klageinstansen …</source>
        <translation>Making the letter to the complaint body …</translation>
    </message>
    <message>
        <location filename="../../aktindsigt/ui/outputs.py" line="775" />
        <source>Afgørelse (udkast)</source>
        <translation>Decision (draft)</translation>
    </message>
    <message>
        <location filename="../../aktindsigt/ui/outputs.py" line="780" />
        <source>Aktliste</source>
        <translation>Document list</translation>
    </message>
    <message>
        <location filename="../../aktindsigt/ui/outputs.py" line="785" />
        <source>Journalnotat</source>
        <translation>Journal note</translation>
    </message>
    <message>
        <location filename="../../aktindsigt/ui/outputs.py" line="661" />
        <source>Tjeklisten er tom: sagen er klar til afsendelse.</source>
        <translation>The checklist is empty: the case is ready to be sent.</translation>
    </message>
    <message>
        <location filename="../../aktindsigt/ui/outputs.py" line="376" />
        <source>Postadresse (hver linje for sig) eller e-mail</source>
        <translation>Postal address (each line on its own) or e-mail</translation>
    </message>
    <message>
        <location filename="../../aktindsigt/ui/outputs.py" line="634" />
        <source>Tjekliste</source>
        <translation>Checklist</translation>
    </message>
    <message>
        <location filename="../../aktindsigt/ui/outputs.py" line="657" />
        <source>{0} skal løses, før afgørelsen kan sendes. Dobbeltklik på et punkt (eller tryk Enter) for at gå til feltet, hvor det rettes; punktet forsvinder, når det er rettet.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../aktindsigt/ui/outputs.py" line="659" />
        <source>punkt</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../aktindsigt/ui/outputs.py" line="659" />
        <source>punkter</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../aktindsigt/ui/outputs.py" line="687" />
        <source>Punktet rettes i programmets tekstskabeloner ({0}). Kontakt den, der vedligeholder dem.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../aktindsigt/ui/outputs.py" line="776" />
        <source>Danner afgørelsen …</source>
        <translation>Creating the decision letter …</translation>
    </message>
    <message>
        <location filename="../../aktindsigt/ui/outputs.py" line="781" />
        <source>Danner aktlisten …</source>
        <translation>Creating the document list …</translation>
    </message>
    <message>
        <location filename="../../aktindsigt/ui/outputs.py" line="786" />
        <source>Danner journalnotatet …</source>
        <translation>Creating the journal note …</translation>
    </message>
    <message>
        <location filename="../../aktindsigt/ui/outputs.py" line="804" />
        <source>Vælg mappe til de overstregede dokumenter</source>
        <translation>Choose a folder for the redacted documents</translation>
    </message>
    <message>
        <location filename="../../aktindsigt/ui/outputs.py" line="807" />
        <source>Overstreger og kontrollerer …</source>
        <translation>Redacting and verifying …</translation>
    </message>
    <message>
        <location filename="../../aktindsigt/ui/outputs.py" line="819" />
        <source>Eksportér trods tjeklisten eller godkendelsen</source>
        <translation>Export despite the checklist or the approval</translation>
    </message>
    <message>
        <location filename="../../aktindsigt/ui/outputs.py" line="820" />
        <source>Som teamleder kan du eksportere sagen alligevel. Skriv begrundelsen; den gemmes i loggen og i pakkens manifest:</source>
        <translation>As a team lead you can export the case anyway. Write the reason; it is kept in the log and in the bundle's manifest:</translation>
    </message>
    <message>
        <location filename="../../aktindsigt/ui/outputs.py" line="821" />
        <source>Eksportér alligevel</source>
        <translation>Export anyway</translation>
    </message>
    <message>
        <location filename="../../aktindsigt/ui/outputs.py" line="831" />
        <source>Vælg mappe til ESDH-pakken</source>
        <translation>Choose a folder for the ESDH bundle</translation>
    </message>
    <message>
        <location filename="../../aktindsigt/ui/outputs.py" line="834" />
        <source>Eksporterer …</source>
        <translation>Exporting …</translation>
    </message>
    <message>
        <location filename="../../aktindsigt/ui/outputs.py" line="842" />
        <source>Filerne er skrevet i {0}.</source>
        <translation>The files were written to {0}.</translation>
    </message>
    <message>
        <location filename="../../aktindsigt/ui/outputs.py" line="846" />
        <source>kontrolleret</source>
        <translation>verified</translation>
    </message>
    <message>
        <location filename="../../aktindsigt/ui/outputs.py" line="846" />
        <source>FEJLEDE kontrollen</source>
        <translation>FAILED verification</translation>
    </message>
    <message>
        <location filename="../../aktindsigt/ui/outputs.py" line="847" />
        <source>Akt {0}: {1} — {2}</source>
        <translation>Doc. {0}: {1} — {2}</translation>
    </message>
    <message>
        <location filename="../../aktindsigt/ui/outputs.py" line="851" />
        <source>Akt {0}: {1} — ikke udleveret: {2}</source>
        <translation>Doc. {0}: {1} — not released: {2}</translation>
    </message>
    <message>
        <location filename="../../aktindsigt/ui/outputs.py" line="853" />
        <source>Annulleret. De dokumenter, der nåede at blive færdige, ligger i {0}.</source>
        <translation>Cancelled. The documents that were finished are in {0}.</translation>
    </message>
    <message>
        <location filename="../../aktindsigt/ui/outputs.py" line="855" />
        <source>Alle {0} dokumenter er overstreget og kontrolleret. De ligger i {1}.</source>
        <translation>All {0} documents are redacted and verified. They are in {1}.</translation>
    </message>
    <message>
        <location filename="../../aktindsigt/ui/documents.py" line="92" />
        <source>Tjeklistens punkter for dokumentet</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../aktindsigt/ui/documents.py" line="97" />
        <source>Tjeklisten</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../aktindsigt/ui/documents.py" line="103" />
        <source>Filen kunne ikke læses</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../aktindsigt/ui/documents.py" line="122" />
        <source>Titel (intern)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../aktindsigt/ui/documents.py" line="123" />
        <source>Offentlig titel (står i aktlisten)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../aktindsigt/ui/documents.py" line="124" />
        <location filename="../../aktindsigt/ui/documents.py" line="323" />
        <source>dd.mm.åååå</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../aktindsigt/ui/documents.py" line="127" />
        <source>Retning</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../aktindsigt/ui/documents.py" line="131" />
        <source>Afsender</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../aktindsigt/ui/documents.py" line="132" />
        <source>Modtager</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../aktindsigt/ui/documents.py" line="133" />
        <source>Afsender/modtager i aktlisten</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../aktindsigt/ui/documents.py" line="134" />
        <source>Det, anmoderen ser i aktlistens kolonne Afsender/modtager. Tomt: programmet skriver selv en værdi ud fra retning, afsender og modtager (private personers navne erstattes).</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../aktindsigt/ui/documents.py" line="137" />
        <location filename="../../aktindsigt/ui/documents.py" line="491" />
        <source>ESDH dok-ID</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../aktindsigt/ui/documents.py" line="145" />
        <source>Omfattet af anmodningen</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../aktindsigt/ui/documents.py" line="146" />
        <source>Offentlighedslovens § 26 er overvejet</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../aktindsigt/ui/documents.py" line="147" />
        <source>For et internt dokument: at det er overvejet, om det alligevel skal udleveres (fx fordi det er sendt til udenforstående).</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../aktindsigt/ui/documents.py" line="153" />
        <source>&amp;Titel:</source>
        <translation>&amp;Title:</translation>
    </message>
    <message>
        <location filename="../../aktindsigt/ui/documents.py" line="154" />
        <source>&amp;Offentlig titel:</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../aktindsigt/ui/documents.py" line="155" />
        <source>Da&amp;to:</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../aktindsigt/ui/documents.py" line="156" />
        <source>&amp;Retning:</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../aktindsigt/ui/documents.py" line="157" />
        <source>A&amp;fsender:</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../aktindsigt/ui/documents.py" line="158" />
        <source>&amp;Modtager:</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../aktindsigt/ui/documents.py" line="159" />
        <source>I a&amp;ktlisten:</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../aktindsigt/ui/documents.py" line="160" />
        <source>&amp;ESDH dok-ID:</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../aktindsigt/ui/documents.py" line="171" />
        <source>Ret afgørelsen …</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../aktindsigt/ui/documents.py" line="182" />
        <source>&amp;Gem egenskaber</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../aktindsigt/ui/documents.py" line="184" />
        <source>Gem ændringerne (Enter i et felt gør det samme; Ctrl+Z fortryder)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../aktindsigt/ui/documents.py" line="186" />
        <source>Fortr&amp;yd ændringer</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../aktindsigt/ui/documents.py" line="250" />
        <source>Ændringerne er ikke gemt endnu.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../aktindsigt/ui/documents.py" line="285" />
        <source>Vælg et dokument i listen for at se og rette dets egenskaber.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../aktindsigt/ui/documents.py" line="288" />
        <source>Akt {0}: {1}</source>
        <translation>Doc. {0}: {1}</translation>
    </message>
    <message>
        <location filename="../../aktindsigt/ui/documents.py" line="291" />
        <source>{0} valgt (akt {1}). Felter med forskellige værdier er tomme; kun det, du ændrer, gemmes for dem alle.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../aktindsigt/ui/documents.py" line="292" />
        <location filename="../../aktindsigt/ui/documents.py" line="538" />
        <location filename="../../aktindsigt/ui/documents.py" line="541" />
        <source>dokument</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../aktindsigt/ui/documents.py" line="292" />
        <location filename="../../aktindsigt/ui/documents.py" line="538" />
        <location filename="../../aktindsigt/ui/documents.py" line="541" />
        <source>dokumenter</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../aktindsigt/ui/documents.py" line="300" />
        <source>“{0}”: {1}</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../aktindsigt/ui/documents.py" line="315" />
        <source>Vælg ét dokument</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../aktindsigt/ui/documents.py" line="316" />
        <source>Brug “Indsæt kolonne …” for flere dokumenter</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../aktindsigt/ui/documents.py" line="322" />
        <location filename="../../aktindsigt/ui/documents.py" line="368" />
        <source>(forskellige værdier)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../aktindsigt/ui/documents.py" line="342" />
        <source>Ikke afgjort endnu.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../aktindsigt/ui/documents.py" line="345" />
        <source>Aktindsigt: {0}</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../aktindsigt/ui/documents.py" line="347" />
        <source>Begrundelse: {0}</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../aktindsigt/ui/documents.py" line="370" />
        <source>Automatisk: {0}</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../aktindsigt/ui/documents.py" line="372" />
        <source>Automatisk ud fra retning, afsender og modtager</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../aktindsigt/ui/documents.py" line="390" />
        <source>Dobbeltklik eller tryk Enter for at gå til feltet, hvor punktet rettes.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../aktindsigt/ui/documents.py" line="480" />
        <source>ESDH dok-ID'er fra en kolonne</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../aktindsigt/ui/documents.py" line="482" />
        <source>Kopiér kolonnen med dok-ID'erne (ét pr. linje, i aktnummerorden), og indsæt den herunder. Der skal være lige så mange ID'er som dokumenter ({0}).</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../aktindsigt/ui/documents.py" line="487" />
        <source>ESDH dok-ID'er, ét pr. linje</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../aktindsigt/ui/documents.py" line="503" />
        <source>Gem ID'erne</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../aktindsigt/ui/documents.py" line="535" />
        <source>Ingen ID'er indsat endnu.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../aktindsigt/ui/documents.py" line="537" />
        <source>{0} til {1}.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../aktindsigt/ui/documents.py" line="537" />
        <location filename="../../aktindsigt/ui/documents.py" line="541" />
        <source>ID</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../aktindsigt/ui/documents.py" line="537" />
        <location filename="../../aktindsigt/ui/documents.py" line="541" />
        <source>ID'er</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../aktindsigt/ui/documents.py" line="540" />
        <source>{0}, men {1}: der skal være ét ID pr. dokument.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../aktindsigt/ui/help.py" line="56" />
        <source>Farvet ramme: afventer · sort felt med hjemmel: overstreges · svag, prikket ramme: frigives · lilla ramme: valgt</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../aktindsigt/ui/help.py" line="69" />
        <source>Farveforklaring</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../aktindsigt/ui/help.py" line="82" />
        <source>Tastaturgenveje og farver</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../aktindsigt/ui/help.py" line="83" />
        <source>Gennemgangens taster virker, uanset hvor i sagsvinduet du er, undtagen når du skriver i et felt.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../aktindsigt/ui/help.py" line="89" />
        <source>Handling</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../aktindsigt/ui/help.py" line="89" />
        <source>Tast</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../aktindsigt/ui/help.py" line="110" />
        <source>Farverne i dokumentet og i listen over forslag:</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>CaseOverviewWidget</name>
    <message>
        <location filename="../../aktindsigt/ui/overview.py" line="185" />
        <source>Søg i sagsnummer, titel, anmoder og sagsbehandler</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../aktindsigt/ui/overview.py" line="186" />
        <source>Søg i sagerne</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../aktindsigt/ui/overview.py" line="191" />
        <source>Vis sager</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../aktindsigt/ui/overview.py" line="196" />
        <source>Status: {0}</source>
        <translation>Status: {0}</translation>
    </message>
    <message>
        <location filename="../../aktindsigt/ui/overview.py" line="221" />
        <source>Dokumenter i sagen</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../aktindsigt/ui/overview.py" line="221" />
        <source>Åbne forslag til overstregning</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../aktindsigt/ui/overview.py" line="270" />
        <source>Fristbrev senest {0}</source>
        <translation>Delay letter due {0}</translation>
    </message>
    <message>
        <location filename="../../aktindsigt/ui/overview.py" line="272" />
        <source>Fristbrev skal sendes (frist {0})</source>
        <translation>Delay letter must be sent (due {0})</translation>
    </message>
    <message>
        <location filename="../../aktindsigt/ui/overview.py" line="274" />
        <source>§ 39: over 14 arbejdsdage</source>
        <translation>§ 39: over 14 working days</translation>
    </message>
    <message>
        <location filename="../../aktindsigt/ui/overview.py" line="276" />
        <source>Afgjort</source>
        <translation>Decided</translation>
    </message>
    <message>
        <location filename="../../aktindsigt/ui/overview.py" line="291" />
        <source>{0}. {1} arbejdsdage siden modtagelsen; fristbrev {2}; § 39 fra {3}.</source>
        <translation>{0}. {1} working days since receipt; delay letter {2}; § 39 from {3}.</translation>
    </message>
    <message>
        <location filename="../../aktindsigt/ui/overview.py" line="296" />
        <source>{0} kunne ikke importeres</source>
        <translation>{0} could not be imported</translation>
    </message>
    <message>
        <location filename="../../aktindsigt/ui/overview.py" line="297" />
        <source>dokument</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../aktindsigt/ui/overview.py" line="297" />
        <source>dokumenter</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../aktindsigt/ui/overview.py" line="336" />
        <source>{0} af {1}</source>
        <translation>{0} of {1}</translation>
    </message>
    <message>
        <location filename="../../aktindsigt/ui/overview.py" line="336" />
        <location filename="../../aktindsigt/ui/overview.py" line="337" />
        <source>sag</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../aktindsigt/ui/overview.py" line="336" />
        <location filename="../../aktindsigt/ui/overview.py" line="337" />
        <source>sager</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>CaseWindow</name>
    <message>
        <location filename="../../aktindsigt/ui/case_window.py" line="258" />
        <source>Sag</source>
        <translation>Case</translation>
    </message>
    <message>
        <location filename="../../aktindsigt/ui/case_window.py" line="281" />
        <source>Dokumenter</source>
        <translation>Documents</translation>
    </message>
    <message>
        <location filename="../../aktindsigt/ui/case_window.py" line="282" />
        <source>Sider</source>
        <translation>Pages</translation>
    </message>
    <message>
        <location filename="../../aktindsigt/ui/case_window.py" line="546" />
        <source>Sagens status og godkendelse</source>
        <translation>Case status and approval</translation>
    </message>
    <message>
        <location filename="../../aktindsigt/ui/case_window.py" line="367" />
        <source>Importér &amp;filer …</source>
        <translation>Import &amp;files …</translation>
    </message>
    <message>
        <location filename="../../aktindsigt/ui/case_window.py" line="370" />
        <source>Importér &amp;mappe …</source>
        <translation>Import f&amp;older …</translation>
    </message>
    <message>
        <location filename="../../aktindsigt/ui/case_window.py" line="374" />
        <source>&amp;Find personoplysninger</source>
        <translation>&amp;Find personal data</translation>
    </message>
    <message>
        <location filename="../../aktindsigt/ui/case_window.py" line="376" />
        <source>&amp;Fortryd</source>
        <translation>&amp;Undo</translation>
    </message>
    <message>
        <location filename="../../aktindsigt/ui/case_window.py" line="377" />
        <source>&amp;Gentag</source>
        <translation>&amp;Redo</translation>
    </message>
    <message>
        <location filename="../../aktindsigt/ui/case_window.py" line="379" />
        <source>&amp;Overstreg markering …</source>
        <translation>&amp;Redact selection …</translation>
    </message>
    <message>
        <location filename="../../aktindsigt/ui/case_window.py" line="380" />
        <source>Overstreg den markerede tekst (træk med musen i dokumentet)</source>
        <translation>Redact the selected text (drag with the mouse in the document)</translation>
    </message>
    <message>
        <location filename="../../aktindsigt/ui/case_window.py" line="381" />
        <source>Overstreg &amp;område</source>
        <translation>Redact &amp;area</translation>
    </message>
    <message>
        <location filename="../../aktindsigt/ui/case_window.py" line="382" />
        <source>Træk et rektangel på siden (underskrift, billede, stempel)</source>
        <translation>Draw a rectangle on the page (signature, picture, stamp)</translation>
    </message>
    <message>
        <location filename="../../aktindsigt/ui/case_window.py" line="383" />
        <source>Område</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../aktindsigt/ui/case_window.py" line="386" />
        <source>Overstreg &amp;alle forekomster …</source>
        <translation>Redact &amp;all occurrences …</translation>
    </message>
    <message>
        <location filename="../../aktindsigt/ui/case_window.py" line="387" />
        <source>Find en tekst i alle sagens dokumenter, og overstreg den</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../aktindsigt/ui/case_window.py" line="389" />
        <source>Alle forekomster …</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../aktindsigt/ui/case_window.py" line="390" />
        <source>&amp;Afgørelse for dokumentet …</source>
        <translation>&amp;Decision for the document …</translation>
    </message>
    <message>
        <location filename="../../aktindsigt/ui/case_window.py" line="391" />
        <source>Fuld, delvis eller ingen aktindsigt i dokumentet, med hjemmel og begrundelse</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../aktindsigt/ui/case_window.py" line="392" />
        <source>Afgørelse …</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../aktindsigt/ui/case_window.py" line="393" />
        <source>Dokumentets &amp;egenskaber</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../aktindsigt/ui/case_window.py" line="394" />
        <source>Titel, offentlig titel, dato, retning, ESDH dok-ID og omfang for de valgte dokumenter</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../aktindsigt/ui/case_window.py" line="396" />
        <source>ESDH dok-ID'er fra en &amp;kolonne …</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../aktindsigt/ui/case_window.py" line="397" />
        <source>Indsæt en kolonne med dok-ID'er for de valgte (eller alle) dokumenter</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../aktindsigt/ui/case_window.py" line="398" />
        <source>Indsæt kolonne …</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../aktindsigt/ui/case_window.py" line="399" />
        <source>Fjern fra sagen</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../aktindsigt/ui/case_window.py" line="400" />
        <source>Tag dokumentet ud af sagen (kan fortrydes)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../aktindsigt/ui/case_window.py" line="401" />
        <source>Erstat fil …</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../aktindsigt/ui/case_window.py" line="402" />
        <source>Læs en anden fil i stedet; akt nr. og ESDH dok-ID bevares</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../aktindsigt/ui/case_window.py" line="403" />
        <source>Prøv igen</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../aktindsigt/ui/case_window.py" line="404" />
        <source>Læs den gemte originale fil igen</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../aktindsigt/ui/case_window.py" line="405" />
        <source>Åbn med adgangskode …</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../aktindsigt/ui/case_window.py" line="406" />
        <source>Læs en krypteret PDF-fil med dens adgangskode (den gemmes ikke)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../aktindsigt/ui/case_window.py" line="408" />
        <source>&amp;Undtag aktuel side …</source>
        <translation>&amp;Withhold current page …</translation>
    </message>
    <message>
        <location filename="../../aktindsigt/ui/case_window.py" line="410" />
        <source>&amp;Søg i dokumentet</source>
        <translation>&amp;Find in document</translation>
    </message>
    <message>
        <location filename="../../aktindsigt/ui/case_window.py" line="411" />
        <source>Søg</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../aktindsigt/ui/case_window.py" line="412" />
        <source>Zoom &amp;ind</source>
        <translation>Zoom &amp;in</translation>
    </message>
    <message>
        <location filename="../../aktindsigt/ui/case_window.py" line="414" />
        <source>Zoom &amp;ud</source>
        <translation>Zoom &amp;out</translation>
    </message>
    <message>
        <location filename="../../aktindsigt/ui/case_window.py" line="416" />
        <source>Tilpas &amp;bredde</source>
        <translation>Fit &amp;width</translation>
    </message>
    <message>
        <location filename="../../aktindsigt/ui/case_window.py" line="418" />
        <source>&amp;Hele siden</source>
        <translation>Fit &amp;page</translation>
    </message>
    <message>
        <location filename="../../aktindsigt/ui/case_window.py" line="420" />
        <source>Gå til dokumentlisten</source>
        <translation>Go to the document list</translation>
    </message>
    <message>
        <location filename="../../aktindsigt/ui/case_window.py" line="421" />
        <source>Gå til dokumentet</source>
        <translation>Go to the document</translation>
    </message>
    <message>
        <location filename="../../aktindsigt/ui/case_window.py" line="422" />
        <source>Gå til forslagene</source>
        <translation>Go to the suggestions</translation>
    </message>
    <message>
        <location filename="../../aktindsigt/ui/case_window.py" line="423" />
        <source>Gå til dokumentets egenskaber</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../aktindsigt/ui/case_window.py" line="425" />
        <source>&amp;Luk sagen</source>
        <translation>&amp;Close the case</translation>
    </message>
    <message>
        <location filename="../../aktindsigt/ui/case_window.py" line="426" />
        <source>Send til &amp;godkendelse …</source>
        <translation>&amp;Send for approval …</translation>
    </message>
    <message>
        <location filename="../../aktindsigt/ui/case_window.py" line="427" />
        <source>Send sagen til teamlederens godkendelse</source>
        <translation>Send the case to the team lead for approval</translation>
    </message>
    <message>
        <location filename="../../aktindsigt/ui/case_window.py" line="428" />
        <source>Go&amp;dkend …</source>
        <translation>&amp;Approve …</translation>
    </message>
    <message>
        <location filename="../../aktindsigt/ui/case_window.py" line="429" />
        <source>Godkend sagen, som den er nu (teamleder)</source>
        <translation>Approve the case as it is now (team lead)</translation>
    </message>
    <message>
        <location filename="../../aktindsigt/ui/case_window.py" line="430" />
        <source>&amp;Returnér …</source>
        <translation>&amp;Return …</translation>
    </message>
    <message>
        <location filename="../../aktindsigt/ui/case_window.py" line="431" />
        <source>Send sagen tilbage til sagsbehandleren med en kommentar (teamleder)</source>
        <translation>Send the case back to the caseworker with a comment (team lead)</translation>
    </message>
    <message>
        <location filename="../../aktindsigt/ui/case_window.py" line="434" />
        <source>Arbejd videre på sagen; en godkendelse bortfalder</source>
        <translation>Continue working on the case; an approval lapses</translation>
    </message>
    <message>
        <location filename="../../aktindsigt/ui/case_window.py" line="468" />
        <source>&amp;Sag</source>
        <translation>&amp;Case</translation>
    </message>
    <message>
        <location filename="../../aktindsigt/ui/case_window.py" line="474" />
        <source>&amp;Rediger</source>
        <translation>&amp;Edit</translation>
    </message>
    <message>
        <location filename="../../aktindsigt/ui/case_window.py" line="490" />
        <source>&amp;Dokument</source>
        <translation>&amp;Document</translation>
    </message>
    <message>
        <location filename="../../aktindsigt/ui/case_window.py" line="505" />
        <source>&amp;Godkendelse</source>
        <translation>&amp;Approval</translation>
    </message>
    <message>
        <location filename="../../aktindsigt/ui/case_window.py" line="509" />
        <source>&amp;Vis</source>
        <translation>&amp;View</translation>
    </message>
    <message>
        <location filename="../../aktindsigt/ui/case_window.py" line="516" />
        <source>Værktøjslinje</source>
        <translation>Toolbar</translation>
    </message>
    <message>
        <location filename="../../aktindsigt/ui/case_window.py" line="613" />
        <source>Træk et rektangel over det, der skal overstreges.</source>
        <translation>Draw a rectangle over what is to be redacted.</translation>
    </message>
    <message>
        <location filename="../../aktindsigt/ui/case_window.py" line="652" />
        <source>Fortrudt: {0}</source>
        <translation>Undone: {0}</translation>
    </message>
    <message>
        <location filename="../../aktindsigt/ui/case_window.py" line="670" />
        <source>Gentaget: {0}</source>
        <translation>Redone: {0}</translation>
    </message>
    <message>
        <location filename="../../aktindsigt/ui/case_window.py" line="687" />
        <source>Fortryd: {0}</source>
        <translation>Undo: {0}</translation>
    </message>
    <message>
        <location filename="../../aktindsigt/ui/case_window.py" line="688" />
        <source>Intet at fortryde</source>
        <translation>Nothing to undo</translation>
    </message>
    <message>
        <location filename="../../aktindsigt/ui/case_window.py" line="713" />
        <source>{0} · {1} — Aktindsigt</source>
        <translation>{0} · {1} — Aktindsigt</translation>
    </message>
    <message>
        <location filename="../../aktindsigt/ui/case_window.py" line="714" />
        <source>{0} · {1} · modtaget {2} · {3}</source>
        <translation>{0} · {1} · received {2} · {3}</translation>
    </message>
    <message>
        <location filename="../../aktindsigt/ui/case_window.py" line="716" />
        <source>Fristbrev senest {0}; § 39 fra {1}.</source>
        <translation>Delay letter due {0}; § 39 from {1}.</translation>
    </message>
    <message>
        <location filename="../../aktindsigt/ui/case_window.py" line="939" />
        <source>Status: {0}</source>
        <translation>Status: {0}</translation>
    </message>
    <message>
        <location filename="../../aktindsigt/ui/case_window.py" line="999" />
        <source>Send til godkendelse</source>
        <translation>Send for approval</translation>
    </message>
    <message>
        <location filename="../../aktindsigt/ui/case_window.py" line="1000" />
        <source>Bemærkning til teamlederen (kan udelades):</source>
        <translation>Note to the team lead (optional):</translation>
    </message>
    <message>
        <location filename="../../aktindsigt/ui/case_window.py" line="1000" />
        <source>Send</source>
        <translation>Send</translation>
    </message>
    <message>
        <location filename="../../aktindsigt/ui/case_window.py" line="1012" />
        <source>Send trods tjeklisten</source>
        <translation>Send despite the checklist</translation>
    </message>
    <message>
        <location filename="../../aktindsigt/ui/case_window.py" line="1015" />
        <source>Send alligevel</source>
        <translation>Send anyway</translation>
    </message>
    <message>
        <location filename="../../aktindsigt/ui/case_window.py" line="1027" />
        <source>Godkend egen sag</source>
        <translation>Approve own case</translation>
    </message>
    <message>
        <location filename="../../aktindsigt/ui/case_window.py" line="1028" />
        <source>Du har selv behandlet sagen. Skriv, hvorfor du selv godkender den (fx at der ikke er en anden teamleder):</source>
        <translation>You handled this case yourself. Write why you approve it yourself (e.g. there is no other team lead):</translation>
    </message>
    <message>
        <location filename="../../aktindsigt/ui/case_window.py" line="1029" />
        <location filename="../../aktindsigt/ui/case_window.py" line="1032" />
        <source>Godkend</source>
        <translation>Approve</translation>
    </message>
    <message>
        <location filename="../../aktindsigt/ui/case_window.py" line="1031" />
        <source>Godkend sagen</source>
        <translation>Approve the case</translation>
    </message>
    <message>
        <location filename="../../aktindsigt/ui/case_window.py" line="1032" />
        <source>Bemærkning til godkendelsen (kan udelades):</source>
        <translation>Note on the approval (optional):</translation>
    </message>
    <message>
        <location filename="../../aktindsigt/ui/case_window.py" line="1044" />
        <source>Godkend trods tjeklisten</source>
        <translation>Approve despite the checklist</translation>
    </message>
    <message>
        <location filename="../../aktindsigt/ui/case_window.py" line="1048" />
        <source>Godkend alligevel</source>
        <translation>Approve anyway</translation>
    </message>
    <message>
        <location filename="../../aktindsigt/ui/case_window.py" line="1059" />
        <source>Returnér sagen</source>
        <translation>Return the case</translation>
    </message>
    <message>
        <location filename="../../aktindsigt/ui/case_window.py" line="1060" />
        <source>Hvad skal sagsbehandleren rette? Kommentaren vises på sagen, til den sendes til godkendelse igen:</source>
        <translation>What should the caseworker change? The comment is shown on the case until it is sent for approval again:</translation>
    </message>
    <message>
        <location filename="../../aktindsigt/ui/case_window.py" line="1061" />
        <source>Returnér</source>
        <translation>Return</translation>
    </message>
    <message>
        <location filename="../../aktindsigt/ui/case_window.py" line="1131" />
        <source>Markeret: “{0}” — Ctrl+R overstreger</source>
        <translation>Selected: “{0}” — Ctrl+R redacts</translation>
    </message>
    <message>
        <location filename="../../aktindsigt/ui/case_window.py" line="380" />
        <location filename="../../aktindsigt/ui/case_window.py" line="1186" />
        <source>Overstreg markering</source>
        <translation>Redact selection</translation>
    </message>
    <message>
        <location filename="../../aktindsigt/ui/case_window.py" line="286" />
        <source>Forslag</source>
        <translation>Suggestion</translation>
    </message>
    <message>
        <location filename="../../aktindsigt/ui/case_window.py" line="287" />
        <source>Dokument</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../aktindsigt/ui/case_window.py" line="368" />
        <source>Læg filer i sagen (du kan også trække dem ind i vinduet)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../aktindsigt/ui/case_window.py" line="369" />
        <source>Importér …</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../aktindsigt/ui/case_window.py" line="375" />
        <source>Kør genkendelsen på sagens dokumenter (Ctrl+F5)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../aktindsigt/ui/case_window.py" line="433" />
        <source>Genoptag &amp;behandlingen …</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../aktindsigt/ui/case_window.py" line="435" />
        <source>Sæt til &amp;journaliseret</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../aktindsigt/ui/case_window.py" line="436" />
        <source>ESDH-systemet har modtaget pakken</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../aktindsigt/ui/case_window.py" line="441" />
        <source>&amp;Overstreg</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../aktindsigt/ui/case_window.py" line="442" />
        <source>&amp;Frigiv</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../aktindsigt/ui/case_window.py" line="443" />
        <source>&amp;Skift mellem overstreg og frigiv</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../aktindsigt/ui/case_window.py" line="444" />
        <source>&amp;Næste</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../aktindsigt/ui/case_window.py" line="445" />
        <source>F&amp;orrige</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../aktindsigt/ui/case_window.py" line="446" />
        <source>&amp;Vis i dokumentet</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../aktindsigt/ui/case_window.py" line="447" />
        <source>Overstreg alle &amp;synlige …</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../aktindsigt/ui/case_window.py" line="448" />
        <source>Alle forekomster, som listen viser med de valgte filtre</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../aktindsigt/ui/case_window.py" line="450" />
        <source>Frigiv alle s&amp;ynlige …</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../aktindsigt/ui/case_window.py" line="451" />
        <source>Skift &amp;hjemmel …</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../aktindsigt/ui/case_window.py" line="452" />
        <source>&amp;Tastaturgenveje og farver</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../aktindsigt/ui/case_window.py" line="478" />
        <source>&amp;Forslag</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../aktindsigt/ui/case_window.py" line="483" />
        <source>Overstreg alle af &amp;typen</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../aktindsigt/ui/case_window.py" line="484" />
        <source>Frigiv alle af t&amp;ypen</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../aktindsigt/ui/case_window.py" line="496" />
        <source>Fil, der ikke kunne &amp;læses</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../aktindsigt/ui/case_window.py" line="513" />
        <source>&amp;Hjælp</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../aktindsigt/ui/case_window.py" line="551" />
        <source>Næste skridt</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../aktindsigt/ui/case_window.py" line="685" />
        <source>Fortryd er ikke muligt: {0}</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../aktindsigt/ui/case_window.py" line="731" />
        <source>Sagen har ingen dokumenter endnu. Importér filer (Ctrl+I) eller træk dem hertil.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../aktindsigt/ui/case_window.py" line="755" />
        <source>“{0}” kunne ikke importeres: {1}

Se fanen Dokument: Prøv igen, Erstat fil … eller Fjern fra sagen.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../aktindsigt/ui/case_window.py" line="969" />
        <source>Næste skridt: Godkend sagen, eller returnér den med en kommentar.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../aktindsigt/ui/case_window.py" line="970" />
        <source>Sagen venter på teamlederens godkendelse. Vælg Genoptag behandlingen for at ændre den.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../aktindsigt/ui/case_window.py" line="972" />
        <source>Næste skridt: Eksportér pakken til ESDH (Udlevering › Eksportér pakke til ESDH …). Skal noget ændres: Genoptag behandlingen.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../aktindsigt/ui/case_window.py" line="975" />
        <source>Næste skridt: Sæt sagen til journaliseret, når ESDH-systemet har modtaget pakken.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../aktindsigt/ui/case_window.py" line="977" />
        <source>Sagen er afsluttet.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../aktindsigt/ui/case_window.py" line="979" />
        <source>Næste skridt: Importér filer (Ctrl+I) eller træk dem hertil.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../aktindsigt/ui/case_window.py" line="983" />
        <source>Næste skridt: Find personoplysninger (Ctrl+F5).</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../aktindsigt/ui/case_window.py" line="985" />
        <source>Næste skridt: Gennemgå {0}: A overstreger, R frigiver, J/K går videre, F1 viser alle genveje.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../aktindsigt/ui/case_window.py" line="986" />
        <location filename="../../aktindsigt/ui/case_window.py" line="987" />
        <source>afventende forslag</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../aktindsigt/ui/case_window.py" line="989" />
        <source>Næste skridt: Løs {0} på tjeklisten (F9); dobbeltklik på et punkt for at gå til det.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../aktindsigt/ui/case_window.py" line="990" />
        <location filename="../../aktindsigt/ui/case_window.py" line="1014" />
        <location filename="../../aktindsigt/ui/case_window.py" line="1046" />
        <source>punkt</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../aktindsigt/ui/case_window.py" line="990" />
        <location filename="../../aktindsigt/ui/case_window.py" line="1014" />
        <location filename="../../aktindsigt/ui/case_window.py" line="1047" />
        <source>punkter</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../aktindsigt/ui/case_window.py" line="991" />
        <source>Næste skridt: Tjeklisten er tom. Send sagen til godkendelse.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../aktindsigt/ui/case_window.py" line="1013" />
        <source>Tjeklisten har {0}. Du kan sende sagen alligevel med en bemærkning til teamlederen om punkterne:</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../aktindsigt/ui/case_window.py" line="1045" />
        <source>Tjeklisten har {0}. Skriv begrundelsen for at godkende sagen alligevel; den gemmes i loggen og i eksportpakken:</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../aktindsigt/ui/case_window.py" line="1071" />
        <location filename="../../aktindsigt/ui/case_window.py" line="1078" />
        <source>Genoptag behandlingen</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../aktindsigt/ui/case_window.py" line="1072" />
        <source>Godkendelsen fra {0} bortfalder, og sagen skal godkendes igen, før den kan udleveres. Vil du genoptage behandlingen?</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../aktindsigt/ui/case_window.py" line="1074" />
        <source>Genoptag, godkendelsen bortfalder</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../aktindsigt/ui/case_window.py" line="1079" />
        <source>Sagen trækkes tilbage fra godkendelsen og skal sendes igen. Vil du genoptage behandlingen?</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../aktindsigt/ui/case_window.py" line="1080" />
        <source>Genoptag</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../aktindsigt/ui/case_window.py" line="1144" />
        <source>{0} ({1})</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../aktindsigt/ui/case_window.py" line="1144" />
        <source>afventer</source>
        <translation>pending</translation>
    </message>
    <message>
        <location filename="../../aktindsigt/ui/case_window.py" line="1148" />
        <source>Ingen forslag endnu</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../aktindsigt/ui/case_window.py" line="1154" />
        <source>alle afventende af typen {0}</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../aktindsigt/ui/case_window.py" line="1159" />
        <source>alle synlige</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../aktindsigt/ui/case_window.py" line="1187" />
        <source>Overstreg “{0}”</source>
        <translation>Redact “{0}”</translation>
    </message>
    <message>
        <location filename="../../aktindsigt/ui/case_window.py" line="1197" />
        <source>Overstreg område</source>
        <translation>Redact area</translation>
    </message>
    <message>
        <location filename="../../aktindsigt/ui/case_window.py" line="1198" />
        <source>Overstreg det markerede område på side {0}</source>
        <translation>Redact the marked area on page {0}</translation>
    </message>
    <message>
        <location filename="../../aktindsigt/ui/case_window.py" line="1220" />
        <source>Akt {0}: {1}</source>
        <translation>Doc. {0}: {1}</translation>
    </message>
    <message>
        <location filename="../../aktindsigt/ui/case_window.py" line="1234" />
        <source>Undtag side</source>
        <translation>Withhold page</translation>
    </message>
    <message>
        <location filename="../../aktindsigt/ui/case_window.py" line="1235" />
        <source>Side {0} erstattes af en side, der nævner hjemlen.</source>
        <translation>Page {0} is replaced by a page naming the legal ground.</translation>
    </message>
    <message>
        <location filename="../../aktindsigt/ui/case_window.py" line="1249" />
        <source>Frigiv side {0}</source>
        <translation>Release page {0}</translation>
    </message>
    <message>
        <location filename="../../aktindsigt/ui/case_window.py" line="1251" />
        <source>Undtag side {0} …</source>
        <translation>Withhold page {0} …</translation>
    </message>
    <message>
        <location filename="../../aktindsigt/ui/case_window.py" line="1283" />
        <source>Akt {0} er fjernet fra sagen. Ctrl+Z fortryder.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../aktindsigt/ui/case_window.py" line="1290" />
        <source>Vælg filen, der skal erstatte akt {0}</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../aktindsigt/ui/case_window.py" line="1293" />
        <source>Læser {0} …</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../aktindsigt/ui/case_window.py" line="1299" />
        <source>Læser {0} igen …</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../aktindsigt/ui/case_window.py" line="1312" />
        <source>Åbner {0} …</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../aktindsigt/ui/case_window.py" line="1317" />
        <source>Vælg filer til sagen</source>
        <translation>Choose files for the case</translation>
    </message>
    <message>
        <location filename="../../aktindsigt/ui/case_window.py" line="1322" />
        <source>Vælg en mappe til sagen</source>
        <translation>Choose a folder for the case</translation>
    </message>
    <message>
        <location filename="../../aktindsigt/ui/case_window.py" line="1334" />
        <source>Importerer {0} (fil {1} af {2})</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../aktindsigt/ui/case_window.py" line="1343" />
        <source>{0} importeret, {1} kunne ikke læses.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../aktindsigt/ui/case_window.py" line="1344" />
        <source>dokument</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../aktindsigt/ui/case_window.py" line="1344" />
        <source>dokumenter</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../aktindsigt/ui/case_window.py" line="1346" />
        <source>Annulleret. </source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../aktindsigt/ui/case_window.py" line="1379" />
        <source>{0}
Dokument {1} af {2}</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../aktindsigt/ui/case_window.py" line="1387" />
        <source>nyt forslag</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../aktindsigt/ui/case_window.py" line="1387" />
        <source>nye forslag</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../aktindsigt/ui/case_window.py" line="1389" />
        <source>Annulleret. {0} fra de dokumenter, der nåede at blive analyseret, er gemt.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../aktindsigt/ui/case_window.py" line="1392" />
        <source>{0}.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../aktindsigt/ui/case_window.py" line="1338" />
        <source>Importerer …</source>
        <translation>Importing …</translation>
    </message>
    <message>
        <location filename="../../aktindsigt/ui/case_window.py" line="1395" />
        <source>Finder personoplysninger …</source>
        <translation>Finding personal data …</translation>
    </message>
</context>
<context>
    <name>DocumentList</name>
    <message>
        <location filename="../../aktindsigt/ui/case_window.py" line="121" />
        <source>Sagens dokumenter</source>
        <translation>Case documents</translation>
    </message>
    <message>
        <location filename="../../aktindsigt/ui/case_window.py" line="129" />
        <source>Åbne forslag til overstregning</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../aktindsigt/ui/case_window.py" line="153" />
        <source>side</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../aktindsigt/ui/case_window.py" line="153" />
        <source>sider</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../aktindsigt/ui/case_window.py" line="154" />
        <source>Akt {0}: {1}
{2} · {3} · {4}</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../aktindsigt/ui/case_window.py" line="164" />
        <source>Ikke omfattet af anmodningen</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>FirstRunDialog</name>
    <message>
        <location filename="../../aktindsigt/ui/settings.py" line="187" />
        <source>Velkommen til Aktindsigt</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../aktindsigt/ui/settings.py" line="188" />
        <source>Skriv, hvem du er. Navnet står i loggen, på de sager du behandler og under de breve, du underskriver; kun en teamleder kan godkende sager. Du kan rette det senere under Indstillinger.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../aktindsigt/ui/settings.py" line="194" />
        <source>Dit fulde navn</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../aktindsigt/ui/settings.py" line="195" />
        <source>Fornavn Efternavn</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../aktindsigt/ui/settings.py" line="198" />
        <source>Dine initialer</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../aktindsigt/ui/settings.py" line="202" />
        <source>Din rolle</source>
        <translation>Your role</translation>
    </message>
    <message>
        <location filename="../../aktindsigt/ui/settings.py" line="212" />
        <source>&amp;Navn:</source>
        <translation>&amp;Name:</translation>
    </message>
    <message>
        <location filename="../../aktindsigt/ui/settings.py" line="213" />
        <source>&amp;Initialer:</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../aktindsigt/ui/settings.py" line="214" />
        <source>&amp;Rolle:</source>
        <translation>&amp;Role:</translation>
    </message>
    <message>
        <location filename="../../aktindsigt/ui/settings.py" line="221" />
        <source>Gem og fortsæt</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../aktindsigt/ui/settings.py" line="244" />
        <source>Der opstod en uventet fejl.</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../aktindsigt/ui/app.py" line="71" />
        <source>Aktindsigt — sager</source>
        <translation>Aktindsigt — cases</translation>
    </message>
    <message>
        <location filename="../../aktindsigt/ui/app.py" line="77" />
        <source>&amp;Ny sag …</source>
        <translation>&amp;New case …</translation>
    </message>
    <message>
        <location filename="../../aktindsigt/ui/app.py" line="80" />
        <source>Å&amp;bn sag</source>
        <translation>&amp;Open case</translation>
    </message>
    <message>
        <location filename="../../aktindsigt/ui/app.py" line="83" />
        <source>&amp;Indstillinger …</source>
        <translation>&amp;Settings …</translation>
    </message>
    <message>
        <location filename="../../aktindsigt/ui/app.py" line="86" />
        <source>&amp;Kommuneprofil …</source>
        <translation>&amp;Municipality profile …</translation>
    </message>
    <message>
        <location filename="../../aktindsigt/ui/app.py" line="87" />
        <source>Kommunens navn, adresse og kontaktoplysninger i brevene</source>
        <translation>The municipality's name, address and contact details in the letters</translation>
    </message>
    <message>
        <location filename="../../aktindsigt/ui/app.py" line="89" />
        <source>&amp;Opdatér</source>
        <translation>&amp;Refresh</translation>
    </message>
    <message>
        <location filename="../../aktindsigt/ui/app.py" line="92" />
        <source>&amp;Afslut</source>
        <translation>&amp;Quit</translation>
    </message>
    <message>
        <location filename="../../aktindsigt/ui/app.py" line="96" />
        <source>&amp;Sag</source>
        <translation>&amp;Case</translation>
    </message>
    <message>
        <location filename="../../aktindsigt/ui/app.py" line="104" />
        <source>Værktøjslinje</source>
        <translation>Toolbar</translation>
    </message>
    <message>
        <location filename="../../aktindsigt/ui/app.py" line="112" />
        <source>Dobbeltklik eller tryk Enter for at åbne en sag.</source>
        <translation>Double-click or press Enter to open a case.</translation>
    </message>
    <message>
        <location filename="../../aktindsigt/ui/app.py" line="139" />
        <source>{0} · {1}</source>
        <translation>{0} · {1}</translation>
    </message>
    <message>
        <location filename="../../aktindsigt/ui/app.py" line="164" />
        <source>Velkommen. Du kan rette navn og rolle under Indstillinger.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../aktindsigt/ui/app.py" line="171" />
        <source>Demosagen bygges …</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../aktindsigt/ui/app.py" line="175" />
        <source>Demosagen bygges i baggrunden; den vises her om lidt. Du kan også oprette en sag selv med “Ny sag” (Ctrl+N).</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../aktindsigt/ui/app.py" line="182" />
        <source>Demosagen bygges: {0} af {1}</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../aktindsigt/ui/app.py" line="183" />
        <source>dokument</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../aktindsigt/ui/app.py" line="183" />
        <source>dokumenter</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../aktindsigt/ui/app.py" line="195" />
        <source>Demosagen {0} er klar. Dobbeltklik for at åbne den.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../aktindsigt/ui/app.py" line="203" />
        <source>Demosagen kunne ikke bygges. Opret en sag med “Ny sag” (Ctrl+N).</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>NewCaseDialog</name>
    <message>
        <location filename="../../aktindsigt/ui/overview.py" line="48" />
        <source>Ny sag</source>
        <translation>New case</translation>
    </message>
    <message>
        <location filename="../../aktindsigt/ui/overview.py" line="65" />
        <source>fx 2026-001234; 2026-004567</source>
        <translation>e.g. 2026-001234; 2026-004567</translation>
    </message>
    <message>
        <location filename="../../aktindsigt/ui/overview.py" line="66" />
        <source>&amp;Titel:</source>
        <translation>&amp;Title:</translation>
    </message>
    <message>
        <location filename="../../aktindsigt/ui/overview.py" line="67" />
        <source>&amp;Anmoder:</source>
        <translation>&amp;Requester:</translation>
    </message>
    <message>
        <location filename="../../aktindsigt/ui/overview.py" line="68" />
        <source>Anmoder&amp;type:</source>
        <translation>Requester t&amp;ype:</translation>
    </message>
    <message>
        <location filename="../../aktindsigt/ui/overview.py" line="69" />
        <source>&amp;Retsgrundlag:</source>
        <translation>Legal &amp;basis:</translation>
    </message>
    <message>
        <location filename="../../aktindsigt/ui/overview.py" line="70" />
        <source>&amp;Modtaget:</source>
        <translation>Recei&amp;ved:</translation>
    </message>
    <message>
        <location filename="../../aktindsigt/ui/overview.py" line="71" />
        <source>&amp;KLE-emne:</source>
        <translation>&amp;KLE subject:</translation>
    </message>
    <message>
        <location filename="../../aktindsigt/ui/overview.py" line="72" />
        <source>&amp;Sager der søges indsigt i:</source>
        <translation>&amp;Cases requested:</translation>
    </message>
    <message>
        <location filename="../../aktindsigt/ui/overview.py" line="74" />
        <source>Anmoderens egne oplysninger (overstreges ikke over for anmoderen)</source>
        <translation>The requester's own data (not redacted for the requester)</translation>
    </message>
    <message>
        <location filename="../../aktindsigt/ui/overview.py" line="82" />
        <source>CPR-&amp;nummer:</source>
        <translation>CPR &amp;number:</translation>
    </message>
    <message>
        <location filename="../../aktindsigt/ui/overview.py" line="84" />
        <source>&amp;Telefon:</source>
        <translation>&amp;Phone:</translation>
    </message>
    <message>
        <location filename="../../aktindsigt/ui/overview.py" line="85" />
        <source>&amp;E-mail:</source>
        <translation>&amp;E-mail:</translation>
    </message>
    <message>
        <location filename="../../aktindsigt/ui/overview.py" line="94" />
        <source>Opret sag</source>
        <translation>Create case</translation>
    </message>
    <message>
        <location filename="../../aktindsigt/ui/overview.py" line="95" />
        <source>Annullér</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <location filename="../../aktindsigt/ui/overview.py" line="139" />
        <source>Der opstod en uventet fejl. Detaljer er skrevet i logfilen.</source>
        <translation>An unexpected error occurred. Details were written to the log file.</translation>
    </message>
</context>
<context>
    <name>SettingsDialog</name>
    <message>
        <location filename="../../aktindsigt/ui/settings.py" line="39" />
        <source>Indstillinger</source>
        <translation>Settings</translation>
    </message>
    <message>
        <location filename="../../aktindsigt/ui/settings.py" line="66" />
        <source>Database</source>
        <translation>Database</translation>
    </message>
    <message>
        <location filename="../../aktindsigt/ui/settings.py" line="74" />
        <source>Lukkedage</source>
        <translation>Closure days</translation>
    </message>
    <message>
        <location filename="../../aktindsigt/ui/settings.py" line="78" />
        <source>&amp;Tilføj lukkedag</source>
        <translation>&amp;Add closure day</translation>
    </message>
    <message>
        <location filename="../../aktindsigt/ui/settings.py" line="79" />
        <source>&amp;Fjern valgte</source>
        <translation>&amp;Remove selected</translation>
    </message>
    <message>
        <location filename="../../aktindsigt/ui/settings.py" line="82" />
        <source>Kommunen holder også lukket grundlovsdag, juleaftensdag og nytårsaftensdag</source>
        <translation>The municipality is also closed on Constitution Day, Christmas Eve and New Year's Eve</translation>
    </message>
    <message>
        <location filename="../../aktindsigt/ui/settings.py" line="46" />
        <source>Dit navn</source>
        <translation>Your name</translation>
    </message>
    <message>
        <location filename="../../aktindsigt/ui/settings.py" line="47" />
        <source>Navnet står i loggen og på de sager, du behandler. Tomt: systemets brugernavn.</source>
        <translation>The name is recorded in the log and on the cases you handle. Empty: the system user name.</translation>
    </message>
    <message>
        <location filename="../../aktindsigt/ui/settings.py" line="51" />
        <source>Din rolle</source>
        <translation>Your role</translation>
    </message>
    <message>
        <location filename="../../aktindsigt/ui/settings.py" line="54" />
        <source>Kun en teamleder kan godkende og returnere sager.</source>
        <translation>Only a team lead can approve and return cases.</translation>
    </message>
    <message>
        <location filename="../../aktindsigt/ui/settings.py" line="57" />
        <source>Dine initialer</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../aktindsigt/ui/settings.py" line="90" />
        <source>&amp;Navn:</source>
        <translation>&amp;Name:</translation>
    </message>
    <message>
        <location filename="../../aktindsigt/ui/settings.py" line="91" />
        <source>&amp;Initialer:</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../aktindsigt/ui/settings.py" line="92" />
        <source>&amp;Rolle:</source>
        <translation>&amp;Role:</translation>
    </message>
    <message>
        <location filename="../../aktindsigt/ui/settings.py" line="93" />
        <source>Brugernavn:</source>
        <translation>User name:</translation>
    </message>
    <message>
        <location filename="../../aktindsigt/ui/settings.py" line="94" />
        <source>Database:</source>
        <translation>Database:</translation>
    </message>
    <message>
        <location filename="../../aktindsigt/ui/settings.py" line="95" />
        <source>Filer:</source>
        <translation>Files:</translation>
    </message>
    <message>
        <location filename="../../aktindsigt/ui/settings.py" line="96" />
        <source>Logfil:</source>
        <translation>Log file:</translation>
    </message>
    <message>
        <location filename="../../aktindsigt/ui/settings.py" line="99" />
        <source>Lukkedage (tæller ikke som arbejdsdage i fristerne):</source>
        <translation>Closure days (not working days for the deadlines):</translation>
    </message>
    <message>
        <location filename="../../aktindsigt/ui/settings.py" line="104" />
        <source>Gem</source>
        <translation>Save</translation>
    </message>
    <message>
        <location filename="../../aktindsigt/ui/settings.py" line="105" />
        <source>Annullér</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <location filename="../../aktindsigt/ui/settings.py" line="120" />
        <source>Navnet er sat med AKTINDSIGT_USER og kan ikke ændres her.</source>
        <translation>The name is set by AKTINDSIGT_USER and cannot be changed here.</translation>
    </message>
</context>
<context>
    <name>SuggestionsPanel</name>
    <message>
        <location filename="../../aktindsigt/ui/suggestions.py" line="45" />
        <source>Afventer</source>
        <translation>Pending</translation>
    </message>
    <message>
        <location filename="../../aktindsigt/ui/suggestions.py" line="46" />
        <source>Overstreges</source>
        <translation>Redacted</translation>
    </message>
    <message>
        <location filename="../../aktindsigt/ui/suggestions.py" line="47" />
        <source>Frigives</source>
        <translation>Released</translation>
    </message>
    <message>
        <location filename="../../aktindsigt/ui/suggestions.py" line="48" />
        <source>Blandet</source>
        <translation>Mixed</translation>
    </message>
    <message>
        <location filename="../../aktindsigt/ui/suggestions.py" line="148" />
        <source>Filtrér efter type</source>
        <translation>Filter by type</translation>
    </message>
    <message>
        <location filename="../../aktindsigt/ui/suggestions.py" line="149" />
        <source>Alle typer</source>
        <translation>All types</translation>
    </message>
    <message>
        <location filename="../../aktindsigt/ui/suggestions.py" line="153" />
        <source>Filtrér efter status</source>
        <translation>Filter by status</translation>
    </message>
    <message>
        <location filename="../../aktindsigt/ui/suggestions.py" line="154" />
        <source>Alle</source>
        <translation>All</translation>
    </message>
    <message>
        <location filename="../../aktindsigt/ui/suggestions.py" line="158" />
        <source>Filtrér efter dokument</source>
        <translation>Filter by document</translation>
    </message>
    <message>
        <location filename="../../aktindsigt/ui/suggestions.py" line="159" />
        <location filename="../../aktindsigt/ui/suggestions.py" line="236" />
        <source>Alle dokumenter</source>
        <translation>All documents</translation>
    </message>
    <message>
        <location filename="../../aktindsigt/ui/suggestions.py" line="167" />
        <source>Forslag til overstregning</source>
        <translation>Redaction suggestions</translation>
    </message>
    <message>
        <location filename="../../aktindsigt/ui/suggestions.py" line="169" />
        <source>Forslag</source>
        <translation>Suggestion</translation>
    </message>
    <message>
        <location filename="../../aktindsigt/ui/suggestions.py" line="169" />
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <location filename="../../aktindsigt/ui/suggestions.py" line="169" />
        <source>Hjemmel</source>
        <translation>Legal ground</translation>
    </message>
    <message>
        <location filename="../../aktindsigt/ui/suggestions.py" line="334" />
        <source>{0}, {1}, {2} afventer.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../aktindsigt/ui/suggestions.py" line="335" />
        <source>gruppe</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../aktindsigt/ui/suggestions.py" line="335" />
        <source>grupper</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../aktindsigt/ui/suggestions.py" line="336" />
        <source>forekomst</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../aktindsigt/ui/suggestions.py" line="336" />
        <source>forekomster</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../aktindsigt/ui/suggestions.py" line="344" />
        <source>Akt {0}</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../aktindsigt/ui/suggestions.py" line="357" />
        <source>{0} · {1} · fundet af {2} (sikkerhed {3:.2f})</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../aktindsigt/ui/suggestions.py" line="375" />
        <source>{0}

{1}
{2} · {3} · fundet af {4} (sikkerhed {5:.2f})</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../aktindsigt/ui/suggestions.py" line="377" />
        <source>ingen hjemmel</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../aktindsigt/ui/suggestions.py" line="480" />
        <source>{0} ({1}) har ingen foreslået hjemmel. Vælg den hjemmel, de overstreges med:</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../aktindsigt/ui/suggestions.py" line="481" />
        <source>forslag</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../aktindsigt/ui/suggestions.py" line="483" />
        <source>Vælg hjemmel</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../aktindsigt/ui/suggestions.py" line="182" />
        <source>&amp;Overstreg (A)</source>
        <translation>&amp;Redact (A)</translation>
    </message>
    <message>
        <location filename="../../aktindsigt/ui/suggestions.py" line="183" />
        <source>&amp;Frigiv (R)</source>
        <translation>Re&amp;lease (R)</translation>
    </message>
    <message>
        <location filename="../../aktindsigt/ui/suggestions.py" line="184" />
        <source>&amp;Hjemmel …</source>
        <translation>&amp;Ground …</translation>
    </message>
    <message>
        <location filename="../../aktindsigt/ui/suggestions.py" line="185" />
        <source>Overstreg de valgte forslag</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../aktindsigt/ui/suggestions.py" line="186" />
        <source>Frigiv de valgte forslag: de udleveres uden overstregning</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../aktindsigt/ui/suggestions.py" line="187" />
        <source>Skift hjemmel for de valgte forslag</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../aktindsigt/ui/suggestions.py" line="238" />
        <location filename="../../aktindsigt/ui/suggestions.py" line="344" />
        <source>Akt {0}: {1}</source>
        <translation>Doc. {0}: {1}</translation>
    </message>
    <message>
        <location filename="../../aktindsigt/ui/suggestions.py" line="524" />
        <source>Skift hjemmel</source>
        <translation>Change legal ground</translation>
    </message>
</context>
</TS>