<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="en_US">
<context>
    <name />
    <message>
        <location filename="../../aktindsigt/ui/case_window.py" line="53" />
        <source>Akt</source>
        <translation>Doc.</translation>
    </message>
    <message>
        <location filename="../../aktindsigt/ui/case_window.py" line="54" />
        <location filename="../../aktindsigt/ui/overview.py" line="155" />
        <source>Titel</source>
        <translation>Title</translation>
    </message>
    <message>
        <location filename="../../aktindsigt/ui/case_window.py" line="55" />
        <source>Dato</source>
        <translation>Date</translation>
    </message>
    <message>
        <location filename="../../aktindsigt/ui/case_window.py" line="56" />
        <source>Sider</source>
        <translation>Pages</translation>
    </message>
    <message>
        <location filename="../../aktindsigt/ui/case_window.py" line="57" />
        <location filename="../../aktindsigt/ui/overview.py" line="160" />
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <location filename="../../aktindsigt/ui/case_window.py" line="58" />
        <location filename="../../aktindsigt/ui/outputs.py" line="726" />
        <source>Afgørelse</source>
        <translation>Decision</translation>
    </message>
    <message>
        <location filename="../../aktindsigt/ui/case_window.py" line="59" />
        <location filename="../../aktindsigt/ui/overview.py" line="162" />
        <source>Åbne forslag</source>
        <translation>Open suggestions</translation>
    </message>
    <message>
        <location filename="../../aktindsigt/ui/dialogs.py" line="34" />
        <source>Hjemmel</source>
        <translation>Legal ground</translation>
    </message>
    <message>
        <location filename="../../aktindsigt/ui/dialogs.py" line="49" />
        <location filename="../../aktindsigt/ui/ops.py" line="148" />
        <location filename="../../aktindsigt/ui/outputs.py" line="88" />
        <source>Annullér</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <location filename="../../aktindsigt/ui/dialogs.py" line="67" />
        <location filename="../../aktindsigt/ui/dialogs.py" line="101" />
        <location filename="../../aktindsigt/ui/dialogs.py" line="131" />
        <source>&amp;Hjemmel:</source>
        <translation>Legal &amp;ground:</translation>
    </message>
    <message>
        <location filename="../../aktindsigt/ui/dialogs.py" line="69" />
        <source>OK</source>
        <translation>OK</translation>
    </message>
    <message>
        <location filename="../../aktindsigt/ui/dialogs.py" line="86" />
        <source>Afgørelse for dokumentet</source>
        <translation>Decision for the document</translation>
    </message>
    <message>
        <location filename="../../aktindsigt/ui/dialogs.py" line="88" />
        <source>Aktindsigt</source>
        <translation>Access</translation>
    </message>
    <message>
        <location filename="../../aktindsigt/ui/dialogs.py" line="89" />
        <source>Ikke afgjort</source>
        <translation>Not decided</translation>
    </message>
    <message>
        <location filename="../../aktindsigt/ui/dialogs.py" line="90" />
        <source>Fuld aktindsigt</source>
        <translation>Full access</translation>
    </message>
    <message>
        <location filename="../../aktindsigt/ui/dialogs.py" line="91" />
        <source>Delvis aktindsigt</source>
        <translation>Partial access</translation>
    </message>
    <message>
        <location filename="../../aktindsigt/ui/dialogs.py" line="92" />
        <source>Undtaget (ingen aktindsigt)</source>
        <translation>Withheld (no access)</translation>
    </message>
    <message>
        <location filename="../../aktindsigt/ui/dialogs.py" line="100" />
        <source>&amp;Aktindsigt:</source>
        <translation>&amp;Access:</translation>
    </message>
    <message>
        <location filename="../../aktindsigt/ui/dialogs.py" line="102" />
        <location filename="../../aktindsigt/ui/outputs.py" line="145" />
        <source>&amp;Begrundelse:</source>
        <translation>&amp;Reason:</translation>
    </message>
    <message>
        <location filename="../../aktindsigt/ui/dialogs.py" line="105" />
        <location filename="../../aktindsigt/ui/outputs.py" line="417" />
        <location filename="../../aktindsigt/ui/outputs.py" line="526" />
        <source>Gem</source>
        <translation>Save</translation>
    </message>
    <message>
        <location filename="../../aktindsigt/ui/dialogs.py" line="124" />
        <source>Overstreg alle forekomster</source>
        <translation>Redact all occurrences</translation>
    </message>
    <message>
        <location filename="../../aktindsigt/ui/dialogs.py" line="126" />
        <source>&amp;Mønster (regulært udtryk)</source>
        <translation>&amp;Pattern (regular expression)</translation>
    </message>
    <message>
        <location filename="../../aktindsigt/ui/dialogs.py" line="129" />
        <source>&amp;Tekst:</source>
        <translation>&amp;Text:</translation>
    </message>
    <message>
        <location filename="../../aktindsigt/ui/dialogs.py" line="133" />
        <source>Alle forekomster i alle sagens dokumenter overstreges.</source>
        <translation>Every occurrence in every document of the case is redacted.</translation>
    </message>
    <message>
        <location filename="../../aktindsigt/ui/dialogs.py" line="135" />
        <source>Overstreg</source>
        <translation>Redact</translation>
    </message>
    <message>
        <location filename="../../aktindsigt/ui/dialogs.py" line="144" />
        <source>Resultat af importen</source>
        <translation>Import result</translation>
    </message>
    <message>
        <location filename="../../aktindsigt/ui/dialogs.py" line="146" />
        <source>{0} dokumenter importeret, {1} kunne ikke læses, {2} fandtes allerede i sagen.</source>
        <translation>{0} documents imported, {1} could not be read, {2} were already in the case.</translation>
    </message>
    <message>
        <location filename="../../aktindsigt/ui/dialogs.py" line="149" />
        <source>Importen blev annulleret; resten af filerne er ikke importeret.</source>
        <translation>The import was cancelled; the remaining files were not imported.</translation>
    </message>
    <message>
        <location filename="../../aktindsigt/ui/dialogs.py" line="155" />
        <source>Findes allerede som akt {0}.</source>
        <translation>Already in the case as document {0}.</translation>
    </message>
    <message>
        <location filename="../../aktindsigt/ui/dialogs.py" line="158" />
        <source>Fil</source>
        <translation>File</translation>
    </message>
    <message>
        <location filename="../../aktindsigt/ui/dialogs.py" line="158" />
        <source>Årsag</source>
        <translation>Reason</translation>
    </message>
    <message>
        <location filename="../../aktindsigt/ui/dialogs.py" line="170" />
        <location filename="../../aktindsigt/ui/outputs.py" line="115" />
        <location filename="../../aktindsigt/ui/outputs.py" line="288" />
        <location filename="../../aktindsigt/ui/viewer.py" line="1113" />
        <source>Luk</source>
        <translation>Close</translation>
    </message>
    <message>
        <location filename="../../aktindsigt/ui/dialogs.py" line="192" />
        <source>Punkter på tjeklisten</source>
        <translation>Checklist items</translation>
    </message>
    <message>
        <location filename="../../aktindsigt/ui/ops.py" line="150" />
        <source>Arbejder …</source>
        <translation>Working …</translation>
    </message>
    <message>
        <location filename="../../aktindsigt/ui/ops.py" line="173" />
        <source>Annullerer … (den igangværende fil gøres færdig)</source>
        <translation>Cancelling … (the current file is finished first)</translation>
    </message>
    <message>
        <location filename="../../aktindsigt/ui/ops.py" line="243" />
        <source>Det lykkedes ikke</source>
        <translation>That did not work</translation>
    </message>
    <message>
        <location filename="../../aktindsigt/ui/ops.py" line="254" />
        <source>Der opstod en uventet fejl. Detaljer er skrevet i logfilen {0}.</source>
        <translation>An unexpected error occurred. Details were written to the log file {0}.</translation>
    </message>
    <message>
        <location filename="../../aktindsigt/ui/overview.py" line="154" />
        <source>Sagsnr.</source>
        <translation>Case no.</translation>
    </message>
    <message>
        <location filename="../../aktindsigt/ui/overview.py" line="156" />
        <source>Anmoder</source>
        <translation>Requester</translation>
    </message>
    <message>
        <location filename="../../aktindsigt/ui/overview.py" line="157" />
        <source>Retsgrundlag</source>
        <translation>Legal basis</translation>
    </message>
    <message>
        <location filename="../../aktindsigt/ui/overview.py" line="158" />
        <source>Modtaget</source>
        <translation>Received</translation>
    </message>
    <message>
        <location filename="../../aktindsigt/ui/overview.py" line="159" />
        <source>Frist</source>
        <translation>Deadline</translation>
    </message>
    <message>
        <location filename="../../aktindsigt/ui/overview.py" line="161" />
        <source>Dokumenter</source>
        <translation>Documents</translation>
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
        <location filename="../../aktindsigt/ui/viewer.py" line="777" />
        <location filename="../../aktindsigt/ui/viewer.py" line="824" />
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
        <location filename="../../aktindsigt/ui/viewer.py" line="1108" />
        <location filename="../../aktindsigt/ui/viewer.py" line="1109" />
        <source>Søg i dokumentet</source>
        <translation>Find in document</translation>
    </message>
    <message>
        <location filename="../../aktindsigt/ui/viewer.py" line="1111" />
        <source>Forrige</source>
        <translation>Previous</translation>
    </message>
    <message>
        <location filename="../../aktindsigt/ui/viewer.py" line="1112" />
        <source>Næste</source>
        <translation>Next</translation>
    </message>
    <message>
        <location filename="../../aktindsigt/ui/viewer.py" line="1116" />
        <source>Søg:</source>
        <translation>Find:</translation>
    </message>
    <message>
        <location filename="../../aktindsigt/ui/viewer.py" line="1153" />
        <source>Ingen fund</source>
        <translation>No matches</translation>
    </message>
    <message>
        <location filename="../../aktindsigt/ui/viewer.py" line="1155" />
        <source>{0} af {1}</source>
        <translation>{0} of {1}</translation>
    </message>
    <message>
        <location filename="../../aktindsigt/ui/viewer.py" line="1225" />
        <source>Sideminiaturer</source>
        <translation>Page thumbnails</translation>
    </message>
    <message>
        <location filename="../../aktindsigt/ui/outputs.py" line="260" />
        <location filename="../../aktindsigt/ui/viewer.py" line="1204" />
        <source>Side {0}</source>
        <translation>Page {0}</translation>
    </message>
    <message>
        <location filename="../../aktindsigt/ui/viewer.py" line="1286" />
        <source>Zoom</source>
        <translation>Zoom</translation>
    </message>
    <message>
        <location filename="../../aktindsigt/ui/viewer.py" line="1287" />
        <source>Zoom (Ctrl++ / Ctrl+-)</source>
        <translation>Zoom (Ctrl++ / Ctrl+-)</translation>
    </message>
    <message>
        <location filename="../../aktindsigt/ui/viewer.py" line="1288" />
        <source>Tilpas bredde</source>
        <translation>Fit width</translation>
    </message>
    <message>
        <location filename="../../aktindsigt/ui/viewer.py" line="1289" />
        <source>Hele siden</source>
        <translation>Fit page</translation>
    </message>
    <message>
        <location filename="../../aktindsigt/ui/outputs.py" line="118" />
        <source>Åbn &amp;mappe</source>
        <translation>Open &amp;folder</translation>
    </message>
    <message>
        <location filename="../../aktindsigt/ui/outputs.py" line="578" />
        <source>&amp;Tjekliste før afsendelse …</source>
        <translation>Pre-send &amp;checklist …</translation>
    </message>
    <message>
        <location filename="../../aktindsigt/ui/outputs.py" line="590" />
        <source>&amp;Overstreg og kontrollér dokumenterne …</source>
        <translation>&amp;Redact and verify the documents …</translation>
    </message>
    <message>
        <location filename="../../aktindsigt/ui/outputs.py" line="584" />
        <source>Dan &amp;afgørelse (udkast) …</source>
        <translation>Create &amp;decision letter (draft) …</translation>
    </message>
    <message>
        <location filename="../../aktindsigt/ui/outputs.py" line="133" />
        <location filename="../../aktindsigt/ui/outputs.py" line="711" />
        <source>Fristbrev</source>
        <translation>Deadline letter</translation>
    </message>
    <message>
        <location filename="../../aktindsigt/ui/outputs.py" line="136" />
        <source>Forventet afgørelse senest</source>
        <translation>Decision expected by</translation>
    </message>
    <message>
        <location filename="../../aktindsigt/ui/outputs.py" line="138" />
        <source>Tom: brevets standardbegrundelse (sagens omfang eller kompleksitet)</source>
        <translation>Empty: the letter's standard reason (the size or complexity of the case)</translation>
    </message>
    <message>
        <location filename="../../aktindsigt/ui/outputs.py" line="139" />
        <source>Hvorfor afgørelsen ikke er truffet endnu</source>
        <translation>Why the decision has not been made yet</translation>
    </message>
    <message>
        <location filename="../../aktindsigt/ui/outputs.py" line="140" />
        <source>Fristbrevet fortæller anmoderen, hvorfor der endnu ikke er truffet afgørelse, og hvornår den kan forventes.</source>
        <translation>The deadline letter tells the requester why no decision has been made yet, and when to expect it.</translation>
    </message>
    <message>
        <location filename="../../aktindsigt/ui/outputs.py" line="144" />
        <source>&amp;Forventet afgørelse senest:</source>
        <translation>&amp;Decision expected by:</translation>
    </message>
    <message>
        <location filename="../../aktindsigt/ui/outputs.py" line="149" />
        <location filename="../../aktindsigt/ui/outputs.py" line="178" />
        <source>Vis brevet</source>
        <translation>Show the letter</translation>
    </message>
    <message>
        <location filename="../../aktindsigt/ui/outputs.py" line="162" />
        <source>Videresend klage</source>
        <translation>Forward complaint</translation>
    </message>
    <message>
        <location filename="../../aktindsigt/ui/outputs.py" line="165" />
        <source>Klagen modtaget</source>
        <translation>Complaint received</translation>
    </message>
    <message>
        <location filename="../../aktindsigt/ui/outputs.py" line="167" />
        <source>Kan udelades</source>
        <translation>Optional</translation>
    </message>
    <message>
        <location filename="../../aktindsigt/ui/outputs.py" line="168" />
        <source>Kommunens bemærkninger til klagen</source>
        <translation>The municipality's remarks on the complaint</translation>
    </message>
    <message>
        <location filename="../../aktindsigt/ui/outputs.py" line="169" />
        <source>Kommunen har genvurderet afgørelsen og fastholder den. Brevet sender klagen til klageinstansen med kopi til anmoderen.</source>
        <translation>The municipality has reconsidered the decision and upholds it. The letter sends the complaint to the complaint body with a copy to the requester.</translation>
    </message>
    <message>
        <location filename="../../aktindsigt/ui/outputs.py" line="173" />
        <source>Klagen &amp;modtaget:</source>
        <translation>Complaint &amp;received:</translation>
    </message>
    <message>
        <location filename="../../aktindsigt/ui/outputs.py" line="174" />
        <source>&amp;Bemærkninger:</source>
        <translation>&amp;Remarks:</translation>
    </message>
    <message>
        <location filename="../../aktindsigt/ui/outputs.py" line="239" />
        <source>{0} — forhåndsvisning</source>
        <translation>{0} — preview</translation>
    </message>
    <message>
        <location filename="../../aktindsigt/ui/outputs.py" line="267" />
        <location filename="../../aktindsigt/ui/outputs.py" line="277" />
        <source>Forhåndsvisning</source>
        <translation>Preview</translation>
    </message>
    <message>
        <location filename="../../aktindsigt/ui/outputs.py" line="270" />
        <source>Forhåndsvisningen viser de første {0} af {1} sider.</source>
        <translation>The preview shows the first {0} of {1} pages.</translation>
    </message>
    <message>
        <location filename="../../aktindsigt/ui/outputs.py" line="280" />
        <source>Gem lægger filerne ({0}) i den mappe, du vælger, og noterer dem i sagens log.</source>
        <translation>Save puts the files ({0}) in the folder you choose and notes them in the case log.</translation>
    </message>
    <message>
        <location filename="../../aktindsigt/ui/outputs.py" line="285" />
        <source>&amp;Gem …</source>
        <translation>&amp;Save …</translation>
    </message>
    <message>
        <location filename="../../aktindsigt/ui/outputs.py" line="296" />
        <source>Vælg mappe til {0}</source>
        <translation>Choose a folder for {0}</translation>
    </message>
    <message>
        <location filename="../../aktindsigt/ui/outputs.py" line="335" />
        <source>Dialog med anmoderen om afgrænsningen</source>
        <translation>Dialogue with the requester about the scope</translation>
    </message>
    <message>
        <location filename="../../aktindsigt/ui/outputs.py" line="336" />
        <source>Tredjeparter hørt</source>
        <translation>Third parties consulted</translation>
    </message>
    <message>
        <location filename="../../aktindsigt/ui/outputs.py" line="337" />
        <source>Kvalitetssikring</source>
        <translation>Quality review</translation>
    </message>
    <message>
        <location filename="../../aktindsigt/ui/outputs.py" line="338" />
        <source>Afsendelse</source>
        <translation>Dispatch</translation>
    </message>
    <message>
        <location filename="../../aktindsigt/ui/outputs.py" line="339" />
        <source>Senere klager</source>
        <translation>Later complaints</translation>
    </message>
    <message>
        <location filename="../../aktindsigt/ui/outputs.py" line="352" />
        <source>Afgørelsens tekster</source>
        <translation>Texts of the decision</translation>
    </message>
    <message>
        <location filename="../../aktindsigt/ui/outputs.py" line="354" />
        <source>Afgrænsning af anmodningen</source>
        <translation>Scope of the request</translation>
    </message>
    <message>
        <location filename="../../aktindsigt/ui/outputs.py" line="355" />
        <source>Hvordan anmodningen er forstået og afgrænset: periode, sager og typer af dokumenter</source>
        <translation>How the request was understood and delimited: period, cases and types of documents</translation>
    </message>
    <message>
        <location filename="../../aktindsigt/ui/outputs.py" line="358" />
        <source>Meroffentlighed (§ 14)</source>
        <translation>Extended access (§ 14)</translation>
    </message>
    <message>
        <location filename="../../aktindsigt/ui/outputs.py" line="359" />
        <source>At meroffentlighed er overvejet, og hvorfor der ikke gives mere</source>
        <translation>That extended access was considered, and why no more is given</translation>
    </message>
    <message>
        <location filename="../../aktindsigt/ui/outputs.py" line="361" />
        <source>Ekstrahering (§§ 28-29)</source>
        <translation>Extraction (§§ 28-29)</translation>
    </message>
    <message>
        <location filename="../../aktindsigt/ui/outputs.py" line="362" />
        <source>Hvad der er ekstraheret af de undtagne dokumenter, eller hvorfor intet er</source>
        <translation>What was extracted from the withheld documents, or why nothing was</translation>
    </message>
    <message>
        <location filename="../../aktindsigt/ui/outputs.py" line="366" />
        <source>Klageinstans</source>
        <translation>Complaint body</translation>
    </message>
    <message>
        <location filename="../../aktindsigt/ui/outputs.py" line="367" />
        <source>Tom: klageinstansen for sagens regime</source>
        <translation>Empty: the complaint body of the case's regime</translation>
    </message>
    <message>
        <location filename="../../aktindsigt/ui/outputs.py" line="369" />
        <source>Modtagerens adresse</source>
        <translation>Recipient's address</translation>
    </message>
    <message>
        <location filename="../../aktindsigt/ui/outputs.py" line="373" />
        <source>Underskriver</source>
        <translation>Signer</translation>
    </message>
    <message>
        <location filename="../../aktindsigt/ui/outputs.py" line="376" />
        <source>Underskriverens titel</source>
        <translation>Signer's title</translation>
    </message>
    <message>
        <location filename="../../aktindsigt/ui/outputs.py" line="382" />
        <source>&amp;Afgrænsning:</source>
        <translation>&amp;Scope:</translation>
    </message>
    <message>
        <location filename="../../aktindsigt/ui/outputs.py" line="383" />
        <source>&amp;Meroffentlighed (§ 14):</source>
        <translation>&amp;Extended access (§ 14):</translation>
    </message>
    <message>
        <location filename="../../aktindsigt/ui/outputs.py" line="384" />
        <source>&amp;Ekstrahering (§§ 28-29):</source>
        <translation>E&amp;xtraction (§§ 28-29):</translation>
    </message>
    <message>
        <location filename="../../aktindsigt/ui/outputs.py" line="385" />
        <source>&amp;Klageinstans:</source>
        <translation>&amp;Complaint body:</translation>
    </message>
    <message>
        <location filename="../../aktindsigt/ui/outputs.py" line="386" />
        <source>Mod&amp;tagerens adresse:</source>
        <translation>Recipien&amp;t's address:</translation>
    </message>
    <message>
        <location filename="../../aktindsigt/ui/outputs.py" line="387" />
        <source>&amp;Underskriver:</source>
        <translation>Si&amp;gner:</translation>
    </message>
    <message>
        <location filename="../../aktindsigt/ui/outputs.py" line="388" />
        <source>Underskriverens &amp;titel:</source>
        <translation>Signer's &amp;title:</translation>
    </message>
    <message>
        <location filename="../../aktindsigt/ui/outputs.py" line="394" />
        <source>Loven, der fastsætter tavshedspligten, skal nævnes for hver hjemmel efter § 35 (fx sundhedslovens § 40):</source>
        <translation>Name the law imposing the duty of confidentiality for each ground under § 35 (e.g. sundhedslovens § 40):</translation>
    </message>
    <message>
        <location filename="../../aktindsigt/ui/outputs.py" line="413" />
        <source>Afgørelsen</source>
        <translation>The decision</translation>
    </message>
    <message>
        <location filename="../../aktindsigt/ui/outputs.py" line="414" />
        <source>Journalnotatet</source>
        <translation>The journal note</translation>
    </message>
    <message>
        <location filename="../../aktindsigt/ui/outputs.py" line="439" />
        <source>Lov for {0}</source>
        <translation>Law for {0}</translation>
    </message>
    <message>
        <location filename="../../aktindsigt/ui/outputs.py" line="487" />
        <source>&amp;Navn:</source>
        <translation>&amp;Name:</translation>
    </message>
    <message>
        <location filename="../../aktindsigt/ui/outputs.py" line="487" />
        <source>Kommunens navn</source>
        <translation>The municipality's name</translation>
    </message>
    <message>
        <location filename="../../aktindsigt/ui/outputs.py" line="488" />
        <source>&amp;Enhed:</source>
        <translation>&amp;Unit:</translation>
    </message>
    <message>
        <location filename="../../aktindsigt/ui/outputs.py" line="488" />
        <source>Enhed eller afdeling</source>
        <translation>Unit or department</translation>
    </message>
    <message>
        <location filename="../../aktindsigt/ui/outputs.py" line="489" />
        <source>&amp;Adresse:</source>
        <translation>&amp;Address:</translation>
    </message>
    <message>
        <location filename="../../aktindsigt/ui/outputs.py" line="489" />
        <source>Adresse</source>
        <translation>Address</translation>
    </message>
    <message>
        <location filename="../../aktindsigt/ui/outputs.py" line="490" />
        <source>&amp;CVR-nummer:</source>
        <translation>&amp;CVR number:</translation>
    </message>
    <message>
        <location filename="../../aktindsigt/ui/outputs.py" line="490" />
        <source>CVR-nummer (8 cifre)</source>
        <translation>CVR number (8 digits)</translation>
    </message>
    <message>
        <location filename="../../aktindsigt/ui/outputs.py" line="491" />
        <source>&amp;Kommunekode:</source>
        <translation>Municipality &amp;code:</translation>
    </message>
    <message>
        <location filename="../../aktindsigt/ui/outputs.py" line="491" />
        <source>Kommunekode (3 cifre)</source>
        <translation>Municipality code (3 digits)</translation>
    </message>
    <message>
        <location filename="../../aktindsigt/ui/outputs.py" line="492" />
        <source>&amp;Telefon:</source>
        <translation>&amp;Phone:</translation>
    </message>
    <message>
        <location filename="../../aktindsigt/ui/outputs.py" line="492" />
        <source>Telefon</source>
        <translation>Phone</translation>
    </message>
    <message>
        <location filename="../../aktindsigt/ui/outputs.py" line="493" />
        <source>&amp;E-mail:</source>
        <translation>&amp;E-mail:</translation>
    </message>
    <message>
        <location filename="../../aktindsigt/ui/outputs.py" line="493" />
        <source>E-mail</source>
        <translation>E-mail</translation>
    </message>
    <message>
        <location filename="../../aktindsigt/ui/outputs.py" line="494" />
        <source>&amp;Hjemmeside:</source>
        <translation>&amp;Website:</translation>
    </message>
    <message>
        <location filename="../../aktindsigt/ui/outputs.py" line="494" />
        <source>Hjemmeside</source>
        <translation>Website</translation>
    </message>
    <message>
        <location filename="../../aktindsigt/ui/outputs.py" line="506" />
        <source>Kommuneprofil</source>
        <translation>Municipality profile</translation>
    </message>
    <message>
        <location filename="../../aktindsigt/ui/outputs.py" line="507" />
        <source>Brevene bruger kommunens navn, enhed, adresse og kontaktoplysninger. Kommunekoden indgår i navnet på eksportpakken.</source>
        <translation>The letters use the municipality's name, unit, address and contact details. The municipality code is part of the export bundle's name.</translation>
    </message>
    <message>
        <location filename="../../aktindsigt/ui/outputs.py" line="516" />
        <source>Gade og nummer, postnummer og by (en linje hver)</source>
        <translation>Street and number, postcode and town (one line each)</translation>
    </message>
    <message>
        <location filename="../../aktindsigt/ui/outputs.py" line="579" />
        <source>Afgørelsens &amp;tekster …</source>
        <translation>&amp;Texts of the decision …</translation>
    </message>
    <message>
        <location filename="../../aktindsigt/ui/outputs.py" line="580" />
        <source>Kommune&amp;profil …</source>
        <translation>Municipality &amp;profile …</translation>
    </message>
    <message>
        <location filename="../../aktindsigt/ui/outputs.py" line="582" />
        <source>Dan &amp;kvittering …</source>
        <translation>Make &amp;receipt …</translation>
    </message>
    <message>
        <location filename="../../aktindsigt/ui/outputs.py" line="583" />
        <source>Dan &amp;fristbrev …</source>
        <translation>Make &amp;deadline letter …</translation>
    </message>
    <message>
        <location filename="../../aktindsigt/ui/outputs.py" line="585" />
        <source>Dan afgørelse (&amp;endelig) …</source>
        <translation>Create decision letter (&amp;final) …</translation>
    </message>
    <message>
        <location filename="../../aktindsigt/ui/outputs.py" line="586" />
        <source>Dan a&amp;ktliste …</source>
        <translation>Create document &amp;list …</translation>
    </message>
    <message>
        <location filename="../../aktindsigt/ui/outputs.py" line="587" />
        <source>Dan &amp;journalnotat …</source>
        <translation>Create &amp;journal note …</translation>
    </message>
    <message>
        <location filename="../../aktindsigt/ui/outputs.py" line="588" />
        <source>&amp;Videresend klage …</source>
        <translation>&amp;Forward complaint …</translation>
    </message>
    <message>
        <location filename="../../aktindsigt/ui/outputs.py" line="591" />
        <source>&amp;Eksportér pakke til ESDH …</source>
        <translation>&amp;Export bundle for the ESDH …</translation>
    </message>
    <message>
        <location filename="../../aktindsigt/ui/outputs.py" line="611" />
        <source>&amp;Udlevering</source>
        <translation>&amp;Release</translation>
    </message>
    <message>
        <location filename="../../aktindsigt/ui/outputs.py" line="624" />
        <source>{0} punkt(er) skal løses, før afgørelsen kan sendes. Dobbeltklik for at gå til stedet, hvor punktet rettes.</source>
        <translation>{0} item(s) must be resolved before the decision can be sent. Double-click to go to where the item is fixed.</translation>
    </message>
    <message>
        <location filename="../../aktindsigt/ui/outputs.py" line="700" />
        <source>Kvittering</source>
        <translation>Receipt</translation>
    </message>
    <message>
        <location filename="../../aktindsigt/ui/outputs.py" line="701" />
        <source>Danner kvitteringen …</source>
        <translation>Making the receipt …</translation>
    </message>
    <message>
        <location filename="../../aktindsigt/ui/outputs.py" line="712" />
        <source>Danner fristbrevet …</source>
        <translation>Making the deadline letter …</translation>
    </message>
    <message>
        <location filename="../../aktindsigt/ui/outputs.py" line="720" />
        <source>Klage videresendt</source>
        <translation>Complaint forwarded</translation>
    </message>
    <message>
        <location filename="../../aktindsigt/ui/outputs.py" line="722" />
        <source>Danner brevet til klageinstansen …</source>
        <translation>Making the letter to the complaint body …</translation>
    </message>
    <message>
        <location filename="../../aktindsigt/ui/outputs.py" line="726" />
        <source>Afgørelse (udkast)</source>
        <translation>Decision (draft)</translation>
    </message>
    <message>
        <location filename="../../aktindsigt/ui/outputs.py" line="731" />
        <source>Aktliste</source>
        <translation>Document list</translation>
    </message>
    <message>
        <location filename="../../aktindsigt/ui/outputs.py" line="736" />
        <source>Journalnotat</source>
        <translation>Journal note</translation>
    </message>
    <message>
        <location filename="../../aktindsigt/ui/outputs.py" line="627" />
        <source>Tjeklisten er tom: sagen er klar til afsendelse.</source>
        <translation>The checklist is empty: the case is ready to be sent.</translation>
    </message>
    <message>
        <location filename="../../aktindsigt/ui/outputs.py" line="370" />
        <source>Postadresse (hver linje for sig) eller e-mail</source>
        <translation>Postal address (each line on its own) or e-mail</translation>
    </message>
    <message>
        <location filename="../../aktindsigt/ui/outputs.py" line="628" />
        <source>Tjekliste</source>
        <translation>Checklist</translation>
    </message>
    <message>
        <location filename="../../aktindsigt/ui/outputs.py" line="727" />
        <source>Danner afgørelsen …</source>
        <translation>Creating the decision letter …</translation>
    </message>
    <message>
        <location filename="../../aktindsigt/ui/outputs.py" line="732" />
        <source>Danner aktlisten …</source>
        <translation>Creating the document list …</translation>
    </message>
    <message>
        <location filename="../../aktindsigt/ui/outputs.py" line="737" />
        <source>Danner journalnotatet …</source>
        <translation>Creating the journal note …</translation>
    </message>
    <message>
        <location filename="../../aktindsigt/ui/outputs.py" line="755" />
        <source>Vælg mappe til de overstregede dokumenter</source>
        <translation>Choose a folder for the redacted documents</translation>
    </message>
    <message>
        <location filename="../../aktindsigt/ui/outputs.py" line="758" />
        <source>Overstreger og kontrollerer …</source>
        <translation>Redacting and verifying …</translation>
    </message>
    <message>
        <location filename="../../aktindsigt/ui/outputs.py" line="770" />
        <source>Eksportér trods tjeklisten eller godkendelsen</source>
        <translation>Export despite the checklist or the approval</translation>
    </message>
    <message>
        <location filename="../../aktindsigt/ui/outputs.py" line="771" />
        <source>Som teamleder kan du eksportere sagen alligevel. Skriv begrundelsen; den gemmes i loggen og i pakkens manifest:</source>
        <translation>As a team lead you can export the case anyway. Write the reason; it is kept in the log and in the bundle's manifest:</translation>
    </message>
    <message>
        <location filename="../../aktindsigt/ui/outputs.py" line="772" />
        <source>Eksportér alligevel</source>
        <translation>Export anyway</translation>
    </message>
    <message>
        <location filename="../../aktindsigt/ui/outputs.py" line="782" />
        <source>Vælg mappe til ESDH-pakken</source>
        <translation>Choose a folder for the ESDH bundle</translation>
    </message>
    <message>
        <location filename="../../aktindsigt/ui/outputs.py" line="785" />
        <source>Eksporterer …</source>
        <translation>Exporting …</translation>
    </message>
    <message>
        <location filename="../../aktindsigt/ui/outputs.py" line="793" />
        <source>Filerne er skrevet i {0}.</source>
        <translation>The files were written to {0}.</translation>
    </message>
    <message>
        <location filename="../../aktindsigt/ui/outputs.py" line="797" />
        <source>kontrolleret</source>
        <translation>verified</translation>
    </message>
    <message>
        <location filename="../../aktindsigt/ui/outputs.py" line="797" />
        <source>FEJLEDE kontrollen</source>
        <translation>FAILED verification</translation>
    </message>
    <message>
        <location filename="../../aktindsigt/ui/outputs.py" line="798" />
        <source>Akt {0}: {1} — {2}</source>
        <translation>Doc. {0}: {1} — {2}</translation>
    </message>
    <message>
        <location filename="../../aktindsigt/ui/outputs.py" line="802" />
        <source>Akt {0}: {1} — ikke udleveret: {2}</source>
        <translation>Doc. {0}: {1} — not released: {2}</translation>
    </message>
    <message>
        <location filename="../../aktindsigt/ui/outputs.py" line="804" />
        <source>Annulleret. De dokumenter, der nåede at blive færdige, ligger i {0}.</source>
        <translation>Cancelled. The documents that were finished are in {0}.</translation>
    </message>
    <message>
        <location filename="../../aktindsigt/ui/outputs.py" line="806" />
        <source>Alle {0} dokumenter er overstreget og kontrolleret. De ligger i {1}.</source>
        <translation>All {0} documents are redacted and verified. They are in {1}.</translation>
    </message>
    <message>
        <location filename="../../aktindsigt/ui/outputs.py" line="809" />
        <source>{0} dokument(er) fejlede kontrollen og er ikke udleveret. Se listen.</source>
        <translation>{0} document(s) failed verification and were not released. See the list.</translation>
    </message>
</context>
<context>
    <name>CaseOverviewWidget</name>
    <message>
        <location filename="../../aktindsigt/ui/overview.py" line="182" />
        <source>Der er ingen sager endnu. Opret en med “Ny sag” (Ctrl+N).</source>
        <translation>There are no cases yet. Create one with “New case” (Ctrl+N).</translation>
    </message>
    <message>
        <location filename="../../aktindsigt/ui/overview.py" line="214" />
        <source>Fristbrev senest {0}</source>
        <translation>Delay letter due {0}</translation>
    </message>
    <message>
        <location filename="../../aktindsigt/ui/overview.py" line="216" />
        <source>Fristbrev skal sendes (frist {0})</source>
        <translation>Delay letter must be sent (due {0})</translation>
    </message>
    <message>
        <location filename="../../aktindsigt/ui/overview.py" line="218" />
        <source>§ 39: over 14 arbejdsdage</source>
        <translation>§ 39: over 14 working days</translation>
    </message>
    <message>
        <location filename="../../aktindsigt/ui/overview.py" line="220" />
        <source>Afgjort</source>
        <translation>Decided</translation>
    </message>
    <message>
        <location filename="../../aktindsigt/ui/overview.py" line="233" />
        <source>{0}. {1} arbejdsdage siden modtagelsen; fristbrev {2}; § 39 fra {3}.</source>
        <translation>{0}. {1} working days since receipt; delay letter {2}; § 39 from {3}.</translation>
    </message>
    <message>
        <location filename="../../aktindsigt/ui/overview.py" line="238" />
        <source>{0} kunne ikke importeres</source>
        <translation>{0} could not be imported</translation>
    </message>
</context>
<context>
    <name>CaseWindow</name>
    <message>
        <location filename="../../aktindsigt/ui/case_window.py" line="136" />
        <source>Sag</source>
        <translation>Case</translation>
    </message>
    <message>
        <location filename="../../aktindsigt/ui/case_window.py" line="146" />
        <source>Dokumenter</source>
        <translation>Documents</translation>
    </message>
    <message>
        <location filename="../../aktindsigt/ui/case_window.py" line="147" />
        <source>Sider</source>
        <translation>Pages</translation>
    </message>
    <message>
        <location filename="../../aktindsigt/ui/case_window.py" line="162" />
        <source>Sagens status og godkendelse</source>
        <translation>Case status and approval</translation>
    </message>
    <message>
        <location filename="../../aktindsigt/ui/case_window.py" line="206" />
        <source>Importér &amp;filer …</source>
        <translation>Import &amp;files …</translation>
    </message>
    <message>
        <location filename="../../aktindsigt/ui/case_window.py" line="207" />
        <source>Importér &amp;mappe …</source>
        <translation>Import f&amp;older …</translation>
    </message>
    <message>
        <location filename="../../aktindsigt/ui/case_window.py" line="211" />
        <source>&amp;Find personoplysninger</source>
        <translation>&amp;Find personal data</translation>
    </message>
    <message>
        <location filename="../../aktindsigt/ui/case_window.py" line="212" />
        <source>Kør genkendelsen på sagens dokumenter</source>
        <translation>Run detection on the case documents</translation>
    </message>
    <message>
        <location filename="../../aktindsigt/ui/case_window.py" line="213" />
        <source>&amp;Fortryd</source>
        <translation>&amp;Undo</translation>
    </message>
    <message>
        <location filename="../../aktindsigt/ui/case_window.py" line="214" />
        <source>&amp;Gentag</source>
        <translation>&amp;Redo</translation>
    </message>
    <message>
        <location filename="../../aktindsigt/ui/case_window.py" line="216" />
        <source>&amp;Overstreg markering …</source>
        <translation>&amp;Redact selection …</translation>
    </message>
    <message>
        <location filename="../../aktindsigt/ui/case_window.py" line="217" />
        <source>Overstreg den markerede tekst (træk med musen i dokumentet)</source>
        <translation>Redact the selected text (drag with the mouse in the document)</translation>
    </message>
    <message>
        <location filename="../../aktindsigt/ui/case_window.py" line="218" />
        <source>Overstreg &amp;område</source>
        <translation>Redact &amp;area</translation>
    </message>
    <message>
        <location filename="../../aktindsigt/ui/case_window.py" line="219" />
        <source>Træk et rektangel på siden (underskrift, billede, stempel)</source>
        <translation>Draw a rectangle on the page (signature, picture, stamp)</translation>
    </message>
    <message>
        <location filename="../../aktindsigt/ui/case_window.py" line="222" />
        <source>Overstreg &amp;alle forekomster …</source>
        <translation>Redact &amp;all occurrences …</translation>
    </message>
    <message>
        <location filename="../../aktindsigt/ui/case_window.py" line="224" />
        <source>&amp;Afgørelse for dokumentet …</source>
        <translation>&amp;Decision for the document …</translation>
    </message>
    <message>
        <location filename="../../aktindsigt/ui/case_window.py" line="225" />
        <source>&amp;Undtag aktuel side …</source>
        <translation>&amp;Withhold current page …</translation>
    </message>
    <message>
        <location filename="../../aktindsigt/ui/case_window.py" line="227" />
        <source>&amp;Søg i dokumentet</source>
        <translation>&amp;Find in document</translation>
    </message>
    <message>
        <location filename="../../aktindsigt/ui/case_window.py" line="229" />
        <source>Zoom &amp;ind</source>
        <translation>Zoom &amp;in</translation>
    </message>
    <message>
        <location filename="../../aktindsigt/ui/case_window.py" line="230" />
        <source>Zoom &amp;ud</source>
        <translation>Zoom &amp;out</translation>
    </message>
    <message>
        <location filename="../../aktindsigt/ui/case_window.py" line="231" />
        <source>Tilpas &amp;bredde</source>
        <translation>Fit &amp;width</translation>
    </message>
    <message>
        <location filename="../../aktindsigt/ui/case_window.py" line="232" />
        <source>&amp;Hele siden</source>
        <translation>Fit &amp;page</translation>
    </message>
    <message>
        <location filename="../../aktindsigt/ui/case_window.py" line="233" />
        <source>Gå til dokumentlisten</source>
        <translation>Go to the document list</translation>
    </message>
    <message>
        <location filename="../../aktindsigt/ui/case_window.py" line="234" />
        <source>Gå til dokumentet</source>
        <translation>Go to the document</translation>
    </message>
    <message>
        <location filename="../../aktindsigt/ui/case_window.py" line="235" />
        <source>Gå til forslagene</source>
        <translation>Go to the suggestions</translation>
    </message>
    <message>
        <location filename="../../aktindsigt/ui/case_window.py" line="236" />
        <source>&amp;Luk sagen</source>
        <translation>&amp;Close the case</translation>
    </message>
    <message>
        <location filename="../../aktindsigt/ui/case_window.py" line="237" />
        <source>Send til &amp;godkendelse …</source>
        <translation>&amp;Send for approval …</translation>
    </message>
    <message>
        <location filename="../../aktindsigt/ui/case_window.py" line="238" />
        <source>Send sagen til teamlederens godkendelse</source>
        <translation>Send the case to the team lead for approval</translation>
    </message>
    <message>
        <location filename="../../aktindsigt/ui/case_window.py" line="239" />
        <source>Go&amp;dkend …</source>
        <translation>&amp;Approve …</translation>
    </message>
    <message>
        <location filename="../../aktindsigt/ui/case_window.py" line="240" />
        <source>Godkend sagen, som den er nu (teamleder)</source>
        <translation>Approve the case as it is now (team lead)</translation>
    </message>
    <message>
        <location filename="../../aktindsigt/ui/case_window.py" line="241" />
        <source>&amp;Returnér …</source>
        <translation>&amp;Return …</translation>
    </message>
    <message>
        <location filename="../../aktindsigt/ui/case_window.py" line="242" />
        <source>Send sagen tilbage til sagsbehandleren med en kommentar (teamleder)</source>
        <translation>Send the case back to the caseworker with a comment (team lead)</translation>
    </message>
    <message>
        <location filename="../../aktindsigt/ui/case_window.py" line="244" />
        <source>Genoptag &amp;behandlingen</source>
        <translation>&amp;Continue work</translation>
    </message>
    <message>
        <location filename="../../aktindsigt/ui/case_window.py" line="245" />
        <source>Arbejd videre på sagen; en godkendelse bortfalder</source>
        <translation>Continue working on the case; an approval lapses</translation>
    </message>
    <message>
        <location filename="../../aktindsigt/ui/case_window.py" line="256" />
        <source>&amp;Sag</source>
        <translation>&amp;Case</translation>
    </message>
    <message>
        <location filename="../../aktindsigt/ui/case_window.py" line="262" />
        <source>&amp;Rediger</source>
        <translation>&amp;Edit</translation>
    </message>
    <message>
        <location filename="../../aktindsigt/ui/case_window.py" line="266" />
        <source>&amp;Dokument</source>
        <translation>&amp;Document</translation>
    </message>
    <message>
        <location filename="../../aktindsigt/ui/case_window.py" line="275" />
        <source>&amp;Godkendelse</source>
        <translation>&amp;Approval</translation>
    </message>
    <message>
        <location filename="../../aktindsigt/ui/case_window.py" line="277" />
        <source>&amp;Vis</source>
        <translation>&amp;View</translation>
    </message>
    <message>
        <location filename="../../aktindsigt/ui/case_window.py" line="282" />
        <source>Værktøjslinje</source>
        <translation>Toolbar</translation>
    </message>
    <message>
        <location filename="../../aktindsigt/ui/case_window.py" line="328" />
        <source>Træk et rektangel over det, der skal overstreges.</source>
        <translation>Draw a rectangle over what is to be redacted.</translation>
    </message>
    <message>
        <location filename="../../aktindsigt/ui/case_window.py" line="351" />
        <source>Fortrudt: {0}</source>
        <translation>Undone: {0}</translation>
    </message>
    <message>
        <location filename="../../aktindsigt/ui/case_window.py" line="369" />
        <source>Gentaget: {0}</source>
        <translation>Redone: {0}</translation>
    </message>
    <message>
        <location filename="../../aktindsigt/ui/case_window.py" line="382" />
        <source>Fortryd: {0}</source>
        <translation>Undo: {0}</translation>
    </message>
    <message>
        <location filename="../../aktindsigt/ui/case_window.py" line="383" />
        <source>Intet at fortryde</source>
        <translation>Nothing to undo</translation>
    </message>
    <message>
        <location filename="../../aktindsigt/ui/case_window.py" line="405" />
        <source>{0} · {1} — Aktindsigt</source>
        <translation>{0} · {1} — Aktindsigt</translation>
    </message>
    <message>
        <location filename="../../aktindsigt/ui/case_window.py" line="406" />
        <source>{0} · {1} · modtaget {2} · {3}</source>
        <translation>{0} · {1} · received {2} · {3}</translation>
    </message>
    <message>
        <location filename="../../aktindsigt/ui/case_window.py" line="408" />
        <source>Fristbrev senest {0}; § 39 fra {1}.</source>
        <translation>Delay letter due {0}; § 39 from {1}.</translation>
    </message>
    <message>
        <location filename="../../aktindsigt/ui/case_window.py" line="428" />
        <source>“{0}” kunne ikke importeres: {1}</source>
        <translation>“{0}” could not be imported: {1}</translation>
    </message>
    <message>
        <location filename="../../aktindsigt/ui/case_window.py" line="514" />
        <source>Status: {0}</source>
        <translation>Status: {0}</translation>
    </message>
    <message>
        <location filename="../../aktindsigt/ui/case_window.py" line="535" />
        <source>Send til godkendelse</source>
        <translation>Send for approval</translation>
    </message>
    <message>
        <location filename="../../aktindsigt/ui/case_window.py" line="536" />
        <source>Bemærkning til teamlederen (kan udelades):</source>
        <translation>Note to the team lead (optional):</translation>
    </message>
    <message>
        <location filename="../../aktindsigt/ui/case_window.py" line="536" />
        <source>Send</source>
        <translation>Send</translation>
    </message>
    <message>
        <location filename="../../aktindsigt/ui/case_window.py" line="548" />
        <source>Send trods tjeklisten</source>
        <translation>Send despite the checklist</translation>
    </message>
    <message>
        <location filename="../../aktindsigt/ui/case_window.py" line="549" />
        <source>Tjeklisten har {0} punkt(er). Du kan sende sagen alligevel med en bemærkning til teamlederen om punkterne:</source>
        <translation>The checklist has {0} item(s). You can send the case anyway with a note to the team lead about them:</translation>
    </message>
    <message>
        <location filename="../../aktindsigt/ui/case_window.py" line="551" />
        <source>Send alligevel</source>
        <translation>Send anyway</translation>
    </message>
    <message>
        <location filename="../../aktindsigt/ui/case_window.py" line="563" />
        <source>Godkend egen sag</source>
        <translation>Approve own case</translation>
    </message>
    <message>
        <location filename="../../aktindsigt/ui/case_window.py" line="564" />
        <source>Du har selv behandlet sagen. Skriv, hvorfor du selv godkender den (fx at der ikke er en anden teamleder):</source>
        <translation>You handled this case yourself. Write why you approve it yourself (e.g. there is no other team lead):</translation>
    </message>
    <message>
        <location filename="../../aktindsigt/ui/case_window.py" line="565" />
        <location filename="../../aktindsigt/ui/case_window.py" line="568" />
        <source>Godkend</source>
        <translation>Approve</translation>
    </message>
    <message>
        <location filename="../../aktindsigt/ui/case_window.py" line="567" />
        <source>Godkend sagen</source>
        <translation>Approve the case</translation>
    </message>
    <message>
        <location filename="../../aktindsigt/ui/case_window.py" line="568" />
        <source>Bemærkning til godkendelsen (kan udelades):</source>
        <translation>Note on the approval (optional):</translation>
    </message>
    <message>
        <location filename="../../aktindsigt/ui/case_window.py" line="580" />
        <source>Godkend trods tjeklisten</source>
        <translation>Approve despite the checklist</translation>
    </message>
    <message>
        <location filename="../../aktindsigt/ui/case_window.py" line="581" />
        <source>Tjeklisten har {0} punkt(er). Skriv begrundelsen for at godkende sagen alligevel; den gemmes i loggen og i eksportpakken:</source>
        <translation>The checklist has {0} item(s). Write the reason for approving the case anyway; it is kept in the log and in the export bundle:</translation>
    </message>
    <message>
        <location filename="../../aktindsigt/ui/case_window.py" line="583" />
        <source>Godkend alligevel</source>
        <translation>Approve anyway</translation>
    </message>
    <message>
        <location filename="../../aktindsigt/ui/case_window.py" line="594" />
        <source>Returnér sagen</source>
        <translation>Return the case</translation>
    </message>
    <message>
        <location filename="../../aktindsigt/ui/case_window.py" line="595" />
        <source>Hvad skal sagsbehandleren rette? Kommentaren vises på sagen, til den sendes til godkendelse igen:</source>
        <translation>What should the caseworker change? The comment is shown on the case until it is sent for approval again:</translation>
    </message>
    <message>
        <location filename="../../aktindsigt/ui/case_window.py" line="596" />
        <source>Returnér</source>
        <translation>Return</translation>
    </message>
    <message>
        <location filename="../../aktindsigt/ui/case_window.py" line="628" />
        <source>Markeret: “{0}” — Ctrl+R overstreger</source>
        <translation>Selected: “{0}” — Ctrl+R redacts</translation>
    </message>
    <message>
        <location filename="../../aktindsigt/ui/case_window.py" line="640" />
        <source>Overstreg markering</source>
        <translation>Redact selection</translation>
    </message>
    <message>
        <location filename="../../aktindsigt/ui/case_window.py" line="641" />
        <source>Overstreg “{0}”</source>
        <translation>Redact “{0}”</translation>
    </message>
    <message>
        <location filename="../../aktindsigt/ui/case_window.py" line="651" />
        <source>Overstreg område</source>
        <translation>Redact area</translation>
    </message>
    <message>
        <location filename="../../aktindsigt/ui/case_window.py" line="652" />
        <source>Overstreg det markerede område på side {0}</source>
        <translation>Redact the marked area on page {0}</translation>
    </message>
    <message>
        <location filename="../../aktindsigt/ui/case_window.py" line="669" />
        <source>Akt {0}: {1}</source>
        <translation>Doc. {0}: {1}</translation>
    </message>
    <message>
        <location filename="../../aktindsigt/ui/case_window.py" line="682" />
        <source>Undtag side</source>
        <translation>Withhold page</translation>
    </message>
    <message>
        <location filename="../../aktindsigt/ui/case_window.py" line="683" />
        <source>Side {0} erstattes af en side, der nævner hjemlen.</source>
        <translation>Page {0} is replaced by a page naming the legal ground.</translation>
    </message>
    <message>
        <location filename="../../aktindsigt/ui/case_window.py" line="696" />
        <source>Frigiv side {0}</source>
        <translation>Release page {0}</translation>
    </message>
    <message>
        <location filename="../../aktindsigt/ui/case_window.py" line="698" />
        <source>Undtag side {0} …</source>
        <translation>Withhold page {0} …</translation>
    </message>
    <message>
        <location filename="../../aktindsigt/ui/case_window.py" line="705" />
        <source>Vælg filer til sagen</source>
        <translation>Choose files for the case</translation>
    </message>
    <message>
        <location filename="../../aktindsigt/ui/case_window.py" line="710" />
        <source>Vælg en mappe til sagen</source>
        <translation>Choose a folder for the case</translation>
    </message>
    <message>
        <location filename="../../aktindsigt/ui/case_window.py" line="718" />
        <source>Importerer {0} ({1} af {2})</source>
        <translation>Importing {0} ({1} of {2})</translation>
    </message>
    <message>
        <location filename="../../aktindsigt/ui/case_window.py" line="722" />
        <source>Importerer …</source>
        <translation>Importing …</translation>
    </message>
    <message>
        <location filename="../../aktindsigt/ui/case_window.py" line="726" />
        <source>{0} dokumenter importeret, {1} fejlede.</source>
        <translation>{0} documents imported, {1} failed.</translation>
    </message>
    <message>
        <location filename="../../aktindsigt/ui/case_window.py" line="755" />
        <source>{0} nye forslag.</source>
        <translation>{0} new suggestions.</translation>
    </message>
    <message>
        <location filename="../../aktindsigt/ui/case_window.py" line="758" />
        <source>Finder personoplysninger …</source>
        <translation>Finding personal data …</translation>
    </message>
</context>
<context>
    <name>DocumentList</name>
    <message>
        <location filename="../../aktindsigt/ui/case_window.py" line="65" />
        <source>Sagens dokumenter</source>
        <translation>Case documents</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../aktindsigt/ui/app.py" line="51" />
        <source>Aktindsigt — sager</source>
        <translation>Aktindsigt — cases</translation>
    </message>
    <message>
        <location filename="../../aktindsigt/ui/app.py" line="57" />
        <source>&amp;Ny sag …</source>
        <translation>&amp;New case …</translation>
    </message>
    <message>
        <location filename="../../aktindsigt/ui/app.py" line="60" />
        <source>Å&amp;bn sag</source>
        <translation>&amp;Open case</translation>
    </message>
    <message>
        <location filename="../../aktindsigt/ui/app.py" line="63" />
        <source>&amp;Indstillinger …</source>
        <translation>&amp;Settings …</translation>
    </message>
    <message>
        <location filename="../../aktindsigt/ui/app.py" line="66" />
        <source>&amp;Kommuneprofil …</source>
        <translation>&amp;Municipality profile …</translation>
    </message>
    <message>
        <location filename="../../aktindsigt/ui/app.py" line="67" />
        <source>Kommunens navn, adresse og kontaktoplysninger i brevene</source>
        <translation>The municipality's name, address and contact details in the letters</translation>
    </message>
    <message>
        <location filename="../../aktindsigt/ui/app.py" line="69" />
        <source>&amp;Opdatér</source>
        <translation>&amp;Refresh</translation>
    </message>
    <message>
        <location filename="../../aktindsigt/ui/app.py" line="72" />
        <source>&amp;Afslut</source>
        <translation>&amp;Quit</translation>
    </message>
    <message>
        <location filename="../../aktindsigt/ui/app.py" line="76" />
        <source>&amp;Sag</source>
        <translation>&amp;Case</translation>
    </message>
    <message>
        <location filename="../../aktindsigt/ui/app.py" line="84" />
        <source>Værktøjslinje</source>
        <translation>Toolbar</translation>
    </message>
    <message>
        <location filename="../../aktindsigt/ui/app.py" line="92" />
        <source>Dobbeltklik eller tryk Enter for at åbne en sag.</source>
        <translation>Double-click or press Enter to open a case.</translation>
    </message>
    <message>
        <location filename="../../aktindsigt/ui/app.py" line="107" />
        <source>{0} · {1}</source>
        <translation>{0} · {1}</translation>
    </message>
</context>
<context>
    <name>NewCaseDialog</name>
    <message>
        <location filename="../../aktindsigt/ui/overview.py" line="46" />
        <source>Ny sag</source>
        <translation>New case</translation>
    </message>
    <message>
        <location filename="../../aktindsigt/ui/overview.py" line="63" />
        <source>fx 2026-001234; 2026-004567</source>
        <translation>e.g. 2026-001234; 2026-004567</translation>
    </message>
    <message>
        <location filename="../../aktindsigt/ui/overview.py" line="64" />
        <source>&amp;Titel:</source>
        <translation>&amp;Title:</translation>
    </message>
    <message>
        <location filename="../../aktindsigt/ui/overview.py" line="65" />
        <source>&amp;Anmoder:</source>
        <translation>&amp;Requester:</translation>
    </message>
    <message>
        <location filename="../../aktindsigt/ui/overview.py" line="66" />
        <source>Anmoder&amp;type:</source>
        <translation>Requester t&amp;ype:</translation>
    </message>
    <message>
        <location filename="../../aktindsigt/ui/overview.py" line="67" />
        <source>&amp;Retsgrundlag:</source>
        <translation>Legal &amp;basis:</translation>
    </message>
    <message>
        <location filename="../../aktindsigt/ui/overview.py" line="68" />
        <source>&amp;Modtaget:</source>
        <translation>Recei&amp;ved:</translation>
    </message>
    <message>
        <location filename="../../aktindsigt/ui/overview.py" line="69" />
        <source>&amp;KLE-emne:</source>
        <translation>&amp;KLE subject:</translation>
    </message>
    <message>
        <location filename="../../aktindsigt/ui/overview.py" line="70" />
        <source>&amp;Sager der søges indsigt i:</source>
        <translation>&amp;Cases requested:</translation>
    </message>
    <message>
        <location filename="../../aktindsigt/ui/overview.py" line="72" />
        <source>Anmoderens egne oplysninger (overstreges ikke over for anmoderen)</source>
        <translation>The requester's own data (not redacted for the requester)</translation>
    </message>
    <message>
        <location filename="../../aktindsigt/ui/overview.py" line="80" />
        <source>CPR-&amp;nummer:</source>
        <translation>CPR &amp;number:</translation>
    </message>
    <message>
        <location filename="../../aktindsigt/ui/overview.py" line="81" />
        <source>A&amp;dresse(r):</source>
        <translation>A&amp;ddress(es):</translation>
    </message>
    <message>
        <location filename="../../aktindsigt/ui/overview.py" line="82" />
        <source>&amp;Telefon:</source>
        <translation>&amp;Phone:</translation>
    </message>
    <message>
        <location filename="../../aktindsigt/ui/overview.py" line="83" />
        <source>&amp;E-mail:</source>
        <translation>&amp;E-mail:</translation>
    </message>
    <message>
        <location filename="../../aktindsigt/ui/overview.py" line="92" />
        <source>Opret sag</source>
        <translation>Create case</translation>
    </message>
    <message>
        <location filename="../../aktindsigt/ui/overview.py" line="93" />
        <source>Annullér</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <location filename="../../aktindsigt/ui/overview.py" line="137" />
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
        <location filename="../../aktindsigt/ui/settings.py" line="62" />
        <source>Database</source>
        <translation>Database</translation>
    </message>
    <message>
        <location filename="../../aktindsigt/ui/settings.py" line="70" />
        <source>Lukkedage</source>
        <translation>Closure days</translation>
    </message>
    <message>
        <location filename="../../aktindsigt/ui/settings.py" line="74" />
        <source>&amp;Tilføj lukkedag</source>
        <translation>&amp;Add closure day</translation>
    </message>
    <message>
        <location filename="../../aktindsigt/ui/settings.py" line="75" />
        <source>&amp;Fjern valgte</source>
        <translation>&amp;Remove selected</translation>
    </message>
    <message>
        <location filename="../../aktindsigt/ui/settings.py" line="78" />
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
        <location filename="../../aktindsigt/ui/settings.py" line="86" />
        <source>&amp;Navn:</source>
        <translation>&amp;Name:</translation>
    </message>
    <message>
        <location filename="../../aktindsigt/ui/settings.py" line="87" />
        <source>&amp;Rolle:</source>
        <translation>&amp;Role:</translation>
    </message>
    <message>
        <location filename="../../aktindsigt/ui/settings.py" line="88" />
        <source>Brugernavn:</source>
        <translation>User name:</translation>
    </message>
    <message>
        <location filename="../../aktindsigt/ui/settings.py" line="89" />
        <source>Database:</source>
        <translation>Database:</translation>
    </message>
    <message>
        <location filename="../../aktindsigt/ui/settings.py" line="90" />
        <source>Filer:</source>
        <translation>Files:</translation>
    </message>
    <message>
        <location filename="../../aktindsigt/ui/settings.py" line="91" />
        <source>Logfil:</source>
        <translation>Log file:</translation>
    </message>
    <message>
        <location filename="../../aktindsigt/ui/settings.py" line="94" />
        <source>Lukkedage (tæller ikke som arbejdsdage i fristerne):</source>
        <translation>Closure days (not working days for the deadlines):</translation>
    </message>
    <message>
        <location filename="../../aktindsigt/ui/settings.py" line="99" />
        <source>Gem</source>
        <translation>Save</translation>
    </message>
    <message>
        <location filename="../../aktindsigt/ui/settings.py" line="100" />
        <source>Annullér</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <location filename="../../aktindsigt/ui/settings.py" line="115" />
        <source>Navnet er sat med AKTINDSIGT_USER og kan ikke ændres her.</source>
        <translation>The name is set by AKTINDSIGT_USER and cannot be changed here.</translation>
    </message>
</context>
<context>
    <name>SuggestionsPanel</name>
    <message>
        <location filename="../../aktindsigt/ui/suggestions.py" line="39" />
        <source>Afventer</source>
        <translation>Pending</translation>
    </message>
    <message>
        <location filename="../../aktindsigt/ui/suggestions.py" line="40" />
        <source>Overstreges</source>
        <translation>Redacted</translation>
    </message>
    <message>
        <location filename="../../aktindsigt/ui/suggestions.py" line="41" />
        <source>Frigives</source>
        <translation>Released</translation>
    </message>
    <message>
        <location filename="../../aktindsigt/ui/suggestions.py" line="42" />
        <source>Blandet</source>
        <translation>Mixed</translation>
    </message>
    <message>
        <location filename="../../aktindsigt/ui/suggestions.py" line="91" />
        <source>Filtrér efter type</source>
        <translation>Filter by type</translation>
    </message>
    <message>
        <location filename="../../aktindsigt/ui/suggestions.py" line="92" />
        <source>Alle typer</source>
        <translation>All types</translation>
    </message>
    <message>
        <location filename="../../aktindsigt/ui/suggestions.py" line="96" />
        <source>Filtrér efter status</source>
        <translation>Filter by status</translation>
    </message>
    <message>
        <location filename="../../aktindsigt/ui/suggestions.py" line="97" />
        <source>Alle</source>
        <translation>All</translation>
    </message>
    <message>
        <location filename="../../aktindsigt/ui/suggestions.py" line="101" />
        <source>Filtrér efter dokument</source>
        <translation>Filter by document</translation>
    </message>
    <message>
        <location filename="../../aktindsigt/ui/suggestions.py" line="102" />
        <location filename="../../aktindsigt/ui/suggestions.py" line="161" />
        <source>Alle dokumenter</source>
        <translation>All documents</translation>
    </message>
    <message>
        <location filename="../../aktindsigt/ui/suggestions.py" line="108" />
        <source>Forslag til overstregning</source>
        <translation>Redaction suggestions</translation>
    </message>
    <message>
        <location filename="../../aktindsigt/ui/suggestions.py" line="110" />
        <source>Forslag</source>
        <translation>Suggestion</translation>
    </message>
    <message>
        <location filename="../../aktindsigt/ui/suggestions.py" line="110" />
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <location filename="../../aktindsigt/ui/suggestions.py" line="110" />
        <source>Hjemmel</source>
        <translation>Legal ground</translation>
    </message>
    <message>
        <location filename="../../aktindsigt/ui/suggestions.py" line="110" />
        <source>Score</source>
        <translation>Score</translation>
    </message>
    <message>
        <location filename="../../aktindsigt/ui/suggestions.py" line="121" />
        <source>&amp;Overstreg (A)</source>
        <translation>&amp;Redact (A)</translation>
    </message>
    <message>
        <location filename="../../aktindsigt/ui/suggestions.py" line="122" />
        <source>&amp;Frigiv (R)</source>
        <translation>Re&amp;lease (R)</translation>
    </message>
    <message>
        <location filename="../../aktindsigt/ui/suggestions.py" line="123" />
        <source>&amp;Hjemmel …</source>
        <translation>&amp;Ground …</translation>
    </message>
    <message>
        <location filename="../../aktindsigt/ui/suggestions.py" line="163" />
        <location filename="../../aktindsigt/ui/suggestions.py" line="248" />
        <source>Akt {0}: {1}</source>
        <translation>Doc. {0}: {1}</translation>
    </message>
    <message>
        <location filename="../../aktindsigt/ui/suggestions.py" line="252" />
        <source>{0} · {1} · fundet af {2}</source>
        <translation>{0} · {1} · found by {2}</translation>
    </message>
    <message>
        <location filename="../../aktindsigt/ui/suggestions.py" line="236" />
        <source>{0} grupper, {1} forekomster, {2} afventer.</source>
        <translation>{0} groups, {1} occurrences, {2} pending.</translation>
    </message>
    <message>
        <location filename="../../aktindsigt/ui/suggestions.py" line="350" />
        <source>Skift hjemmel</source>
        <translation>Change legal ground</translation>
    </message>
</context>
</TS>