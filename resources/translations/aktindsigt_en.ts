<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="en_US">
<context>
    <name />
    <message>
        <location filename="../../aktindsigt/ui/case_window.py" line="50" />
        <source>Akt</source>
        <translation>Doc.</translation>
    </message>
    <message>
        <location filename="../../aktindsigt/ui/case_window.py" line="51" />
        <location filename="../../aktindsigt/ui/overview.py" line="155" />
        <source>Titel</source>
        <translation>Title</translation>
    </message>
    <message>
        <location filename="../../aktindsigt/ui/case_window.py" line="52" />
        <source>Dato</source>
        <translation>Date</translation>
    </message>
    <message>
        <location filename="../../aktindsigt/ui/case_window.py" line="53" />
        <source>Sider</source>
        <translation>Pages</translation>
    </message>
    <message>
        <location filename="../../aktindsigt/ui/case_window.py" line="54" />
        <location filename="../../aktindsigt/ui/overview.py" line="160" />
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <location filename="../../aktindsigt/ui/case_window.py" line="55" />
        <source>Afgørelse</source>
        <translation>Decision</translation>
    </message>
    <message>
        <location filename="../../aktindsigt/ui/case_window.py" line="56" />
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
        <source>&amp;Begrundelse:</source>
        <translation>&amp;Reason:</translation>
    </message>
    <message>
        <location filename="../../aktindsigt/ui/dialogs.py" line="105" />
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
        <location filename="../../aktindsigt/ui/outputs.py" line="60" />
        <location filename="../../aktindsigt/ui/viewer.py" line="805" />
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
        <location filename="../../aktindsigt/ui/viewer.py" line="296" />
        <source>Dokumentvisning</source>
        <translation>Document view</translation>
    </message>
    <message>
        <location filename="../../aktindsigt/ui/viewer.py" line="379" />
        <source>Side {0} indlæses …</source>
        <translation>Loading page {0} …</translation>
    </message>
    <message>
        <location filename="../../aktindsigt/ui/viewer.py" line="401" />
        <source>Siden undtages ({0})</source>
        <translation>Page withheld ({0})</translation>
    </message>
    <message>
        <location filename="../../aktindsigt/ui/viewer.py" line="590" />
        <location filename="../../aktindsigt/ui/viewer.py" line="627" />
        <source>Vælg et dokument i listen.</source>
        <translation>Choose a document in the list.</translation>
    </message>
    <message>
        <location filename="../../aktindsigt/ui/viewer.py" line="261" />
        <source>{0} · score {1:.2f} · {2} · hjemmel: {3} · {4}</source>
        <translation>{0} · score {1:.2f} · {2} · ground: {3} · {4}</translation>
    </message>
    <message>
        <location filename="../../aktindsigt/ui/viewer.py" line="262" />
        <source>ingen</source>
        <translation>none</translation>
    </message>
    <message>
        <location filename="../../aktindsigt/ui/viewer.py" line="263" />
        <source>afventer</source>
        <translation>pending</translation>
    </message>
    <message>
        <location filename="../../aktindsigt/ui/viewer.py" line="263" />
        <source>overstreges</source>
        <translation>redacted</translation>
    </message>
    <message>
        <location filename="../../aktindsigt/ui/viewer.py" line="263" />
        <source>frigives</source>
        <translation>released</translation>
    </message>
    <message>
        <location filename="../../aktindsigt/ui/viewer.py" line="270" />
        <source>Manuel overstregning · hjemmel: {0}</source>
        <translation>Manual redaction · ground: {0}</translation>
    </message>
    <message>
        <location filename="../../aktindsigt/ui/viewer.py" line="800" />
        <location filename="../../aktindsigt/ui/viewer.py" line="801" />
        <source>Søg i dokumentet</source>
        <translation>Find in document</translation>
    </message>
    <message>
        <location filename="../../aktindsigt/ui/viewer.py" line="803" />
        <source>Forrige</source>
        <translation>Previous</translation>
    </message>
    <message>
        <location filename="../../aktindsigt/ui/viewer.py" line="804" />
        <source>Næste</source>
        <translation>Next</translation>
    </message>
    <message>
        <location filename="../../aktindsigt/ui/viewer.py" line="808" />
        <source>Søg:</source>
        <translation>Find:</translation>
    </message>
    <message>
        <location filename="../../aktindsigt/ui/viewer.py" line="845" />
        <source>Ingen fund</source>
        <translation>No matches</translation>
    </message>
    <message>
        <location filename="../../aktindsigt/ui/viewer.py" line="847" />
        <source>{0} af {1}</source>
        <translation>{0} of {1}</translation>
    </message>
    <message>
        <location filename="../../aktindsigt/ui/viewer.py" line="917" />
        <source>Sideminiaturer</source>
        <translation>Page thumbnails</translation>
    </message>
    <message>
        <location filename="../../aktindsigt/ui/viewer.py" line="896" />
        <source>Side {0}</source>
        <translation>Page {0}</translation>
    </message>
    <message>
        <location filename="../../aktindsigt/ui/viewer.py" line="978" />
        <source>Zoom</source>
        <translation>Zoom</translation>
    </message>
    <message>
        <location filename="../../aktindsigt/ui/viewer.py" line="979" />
        <source>Zoom (Ctrl++ / Ctrl+-)</source>
        <translation>Zoom (Ctrl++ / Ctrl+-)</translation>
    </message>
    <message>
        <location filename="../../aktindsigt/ui/viewer.py" line="980" />
        <source>Tilpas bredde</source>
        <translation>Fit width</translation>
    </message>
    <message>
        <location filename="../../aktindsigt/ui/viewer.py" line="981" />
        <source>Hele siden</source>
        <translation>Fit page</translation>
    </message>
    <message>
        <location filename="../../aktindsigt/ui/outputs.py" line="63" />
        <source>Åbn &amp;mappe</source>
        <translation>Open &amp;folder</translation>
    </message>
    <message>
        <location filename="../../aktindsigt/ui/outputs.py" line="78" />
        <source>&amp;Tjekliste før afsendelse …</source>
        <translation>Pre-send &amp;checklist …</translation>
    </message>
    <message>
        <location filename="../../aktindsigt/ui/outputs.py" line="79" />
        <source>&amp;Overstreg og kontrollér dokumenterne …</source>
        <translation>&amp;Redact and verify the documents …</translation>
    </message>
    <message>
        <location filename="../../aktindsigt/ui/outputs.py" line="80" />
        <source>Dan &amp;afgørelse (udkast) …</source>
        <translation>Create &amp;decision letter (draft) …</translation>
    </message>
    <message>
        <location filename="../../aktindsigt/ui/outputs.py" line="81" />
        <source>Dan afgørelse (&amp;endelig) …</source>
        <translation>Create decision letter (&amp;final) …</translation>
    </message>
    <message>
        <location filename="../../aktindsigt/ui/outputs.py" line="82" />
        <source>Dan a&amp;ktliste …</source>
        <translation>Create document &amp;list …</translation>
    </message>
    <message>
        <location filename="../../aktindsigt/ui/outputs.py" line="83" />
        <source>Dan &amp;journalnotat …</source>
        <translation>Create &amp;journal note …</translation>
    </message>
    <message>
        <location filename="../../aktindsigt/ui/outputs.py" line="84" />
        <source>&amp;Eksportér pakke til ESDH …</source>
        <translation>&amp;Export bundle for the ESDH …</translation>
    </message>
    <message>
        <location filename="../../aktindsigt/ui/outputs.py" line="98" />
        <source>&amp;Udlevering</source>
        <translation>&amp;Release</translation>
    </message>
    <message>
        <location filename="../../aktindsigt/ui/outputs.py" line="107" />
        <source>{0} punkt(er) skal løses, før afgørelsen kan sendes. Dobbeltklik for at gå til dokumentet.</source>
        <translation>{0} item(s) must be resolved before the decision can be sent. Double-click to go to the document.</translation>
    </message>
    <message>
        <location filename="../../aktindsigt/ui/outputs.py" line="110" />
        <source>Tjeklisten er tom: sagen er klar til afsendelse.</source>
        <translation>The checklist is empty: the case is ready to be sent.</translation>
    </message>
    <message>
        <location filename="../../aktindsigt/ui/outputs.py" line="111" />
        <source>Tjekliste</source>
        <translation>Checklist</translation>
    </message>
    <message>
        <location filename="../../aktindsigt/ui/outputs.py" line="136" />
        <source>Vælg mappe til afgørelsen</source>
        <translation>Choose a folder for the decision letter</translation>
    </message>
    <message>
        <location filename="../../aktindsigt/ui/outputs.py" line="138" />
        <source>Danner afgørelsen …</source>
        <translation>Creating the decision letter …</translation>
    </message>
    <message>
        <location filename="../../aktindsigt/ui/outputs.py" line="141" />
        <source>Vælg mappe til aktlisten</source>
        <translation>Choose a folder for the document list</translation>
    </message>
    <message>
        <location filename="../../aktindsigt/ui/outputs.py" line="143" />
        <source>Danner aktlisten …</source>
        <translation>Creating the document list …</translation>
    </message>
    <message>
        <location filename="../../aktindsigt/ui/outputs.py" line="146" />
        <source>Vælg mappe til journalnotatet</source>
        <translation>Choose a folder for the journal note</translation>
    </message>
    <message>
        <location filename="../../aktindsigt/ui/outputs.py" line="148" />
        <source>Danner journalnotatet …</source>
        <translation>Creating the journal note …</translation>
    </message>
    <message>
        <location filename="../../aktindsigt/ui/outputs.py" line="152" />
        <source>Vælg mappe til de overstregede dokumenter</source>
        <translation>Choose a folder for the redacted documents</translation>
    </message>
    <message>
        <location filename="../../aktindsigt/ui/outputs.py" line="155" />
        <source>Overstreger og kontrollerer …</source>
        <translation>Redacting and verifying …</translation>
    </message>
    <message>
        <location filename="../../aktindsigt/ui/outputs.py" line="159" />
        <source>Vælg mappe til ESDH-pakken</source>
        <translation>Choose a folder for the ESDH bundle</translation>
    </message>
    <message>
        <location filename="../../aktindsigt/ui/outputs.py" line="162" />
        <source>Eksporterer …</source>
        <translation>Exporting …</translation>
    </message>
    <message>
        <location filename="../../aktindsigt/ui/outputs.py" line="170" />
        <source>Filerne er skrevet i {0}.</source>
        <translation>The files were written to {0}.</translation>
    </message>
    <message>
        <location filename="../../aktindsigt/ui/outputs.py" line="174" />
        <source>kontrolleret</source>
        <translation>verified</translation>
    </message>
    <message>
        <location filename="../../aktindsigt/ui/outputs.py" line="174" />
        <source>FEJLEDE kontrollen</source>
        <translation>FAILED verification</translation>
    </message>
    <message>
        <location filename="../../aktindsigt/ui/outputs.py" line="175" />
        <source>Akt {0}: {1} — {2}</source>
        <translation>Doc. {0}: {1} — {2}</translation>
    </message>
    <message>
        <location filename="../../aktindsigt/ui/outputs.py" line="179" />
        <source>Akt {0}: {1} — ikke udleveret: {2}</source>
        <translation>Doc. {0}: {1} — not released: {2}</translation>
    </message>
    <message>
        <location filename="../../aktindsigt/ui/outputs.py" line="181" />
        <source>Annulleret. De dokumenter, der nåede at blive færdige, ligger i {0}.</source>
        <translation>Cancelled. The documents that were finished are in {0}.</translation>
    </message>
    <message>
        <location filename="../../aktindsigt/ui/outputs.py" line="183" />
        <source>Alle {0} dokumenter er overstreget og kontrolleret. De ligger i {1}.</source>
        <translation>All {0} documents are redacted and verified. They are in {1}.</translation>
    </message>
    <message>
        <location filename="../../aktindsigt/ui/outputs.py" line="186" />
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
        <location filename="../../aktindsigt/ui/case_window.py" line="133" />
        <source>Sag</source>
        <translation>Case</translation>
    </message>
    <message>
        <location filename="../../aktindsigt/ui/case_window.py" line="140" />
        <source>Dokumenter</source>
        <translation>Documents</translation>
    </message>
    <message>
        <location filename="../../aktindsigt/ui/case_window.py" line="141" />
        <source>Sider</source>
        <translation>Pages</translation>
    </message>
    <message>
        <location filename="../../aktindsigt/ui/case_window.py" line="156" />
        <source>Sagens status og godkendelse</source>
        <translation>Case status and approval</translation>
    </message>
    <message>
        <location filename="../../aktindsigt/ui/case_window.py" line="201" />
        <source>Importér &amp;filer …</source>
        <translation>Import &amp;files …</translation>
    </message>
    <message>
        <location filename="../../aktindsigt/ui/case_window.py" line="202" />
        <source>Importér &amp;mappe …</source>
        <translation>Import f&amp;older …</translation>
    </message>
    <message>
        <location filename="../../aktindsigt/ui/case_window.py" line="206" />
        <source>&amp;Find personoplysninger</source>
        <translation>&amp;Find personal data</translation>
    </message>
    <message>
        <location filename="../../aktindsigt/ui/case_window.py" line="207" />
        <source>Kør genkendelsen på sagens dokumenter</source>
        <translation>Run detection on the case documents</translation>
    </message>
    <message>
        <location filename="../../aktindsigt/ui/case_window.py" line="208" />
        <source>&amp;Fortryd</source>
        <translation>&amp;Undo</translation>
    </message>
    <message>
        <location filename="../../aktindsigt/ui/case_window.py" line="209" />
        <source>&amp;Gentag</source>
        <translation>&amp;Redo</translation>
    </message>
    <message>
        <location filename="../../aktindsigt/ui/case_window.py" line="211" />
        <source>&amp;Overstreg markering …</source>
        <translation>&amp;Redact selection …</translation>
    </message>
    <message>
        <location filename="../../aktindsigt/ui/case_window.py" line="212" />
        <source>Overstreg den markerede tekst (træk med musen i dokumentet)</source>
        <translation>Redact the selected text (drag with the mouse in the document)</translation>
    </message>
    <message>
        <location filename="../../aktindsigt/ui/case_window.py" line="213" />
        <source>Overstreg &amp;område</source>
        <translation>Redact &amp;area</translation>
    </message>
    <message>
        <location filename="../../aktindsigt/ui/case_window.py" line="214" />
        <source>Træk et rektangel på siden (underskrift, billede, stempel)</source>
        <translation>Draw a rectangle on the page (signature, picture, stamp)</translation>
    </message>
    <message>
        <location filename="../../aktindsigt/ui/case_window.py" line="217" />
        <source>Overstreg &amp;alle forekomster …</source>
        <translation>Redact &amp;all occurrences …</translation>
    </message>
    <message>
        <location filename="../../aktindsigt/ui/case_window.py" line="219" />
        <source>&amp;Afgørelse for dokumentet …</source>
        <translation>&amp;Decision for the document …</translation>
    </message>
    <message>
        <location filename="../../aktindsigt/ui/case_window.py" line="220" />
        <source>&amp;Undtag aktuel side …</source>
        <translation>&amp;Withhold current page …</translation>
    </message>
    <message>
        <location filename="../../aktindsigt/ui/case_window.py" line="222" />
        <source>&amp;Søg i dokumentet</source>
        <translation>&amp;Find in document</translation>
    </message>
    <message>
        <location filename="../../aktindsigt/ui/case_window.py" line="224" />
        <source>Zoom &amp;ind</source>
        <translation>Zoom &amp;in</translation>
    </message>
    <message>
        <location filename="../../aktindsigt/ui/case_window.py" line="225" />
        <source>Zoom &amp;ud</source>
        <translation>Zoom &amp;out</translation>
    </message>
    <message>
        <location filename="../../aktindsigt/ui/case_window.py" line="226" />
        <source>Tilpas &amp;bredde</source>
        <translation>Fit &amp;width</translation>
    </message>
    <message>
        <location filename="../../aktindsigt/ui/case_window.py" line="227" />
        <source>&amp;Hele siden</source>
        <translation>Fit &amp;page</translation>
    </message>
    <message>
        <location filename="../../aktindsigt/ui/case_window.py" line="228" />
        <source>Gå til dokumentlisten</source>
        <translation>Go to the document list</translation>
    </message>
    <message>
        <location filename="../../aktindsigt/ui/case_window.py" line="229" />
        <source>Gå til dokumentet</source>
        <translation>Go to the document</translation>
    </message>
    <message>
        <location filename="../../aktindsigt/ui/case_window.py" line="230" />
        <source>Gå til forslagene</source>
        <translation>Go to the suggestions</translation>
    </message>
    <message>
        <location filename="../../aktindsigt/ui/case_window.py" line="231" />
        <source>&amp;Luk sagen</source>
        <translation>&amp;Close the case</translation>
    </message>
    <message>
        <location filename="../../aktindsigt/ui/case_window.py" line="232" />
        <source>Send til &amp;godkendelse …</source>
        <translation>&amp;Send for approval …</translation>
    </message>
    <message>
        <location filename="../../aktindsigt/ui/case_window.py" line="233" />
        <source>Send sagen til teamlederens godkendelse</source>
        <translation>Send the case to the team lead for approval</translation>
    </message>
    <message>
        <location filename="../../aktindsigt/ui/case_window.py" line="234" />
        <source>Go&amp;dkend …</source>
        <translation>&amp;Approve …</translation>
    </message>
    <message>
        <location filename="../../aktindsigt/ui/case_window.py" line="235" />
        <source>Godkend sagen, som den er nu (teamleder)</source>
        <translation>Approve the case as it is now (team lead)</translation>
    </message>
    <message>
        <location filename="../../aktindsigt/ui/case_window.py" line="236" />
        <source>&amp;Returnér …</source>
        <translation>&amp;Return …</translation>
    </message>
    <message>
        <location filename="../../aktindsigt/ui/case_window.py" line="237" />
        <source>Send sagen tilbage til sagsbehandleren med en kommentar (teamleder)</source>
        <translation>Send the case back to the caseworker with a comment (team lead)</translation>
    </message>
    <message>
        <location filename="../../aktindsigt/ui/case_window.py" line="239" />
        <source>Genoptag &amp;behandlingen</source>
        <translation>&amp;Continue work</translation>
    </message>
    <message>
        <location filename="../../aktindsigt/ui/case_window.py" line="240" />
        <source>Arbejd videre på sagen; en godkendelse bortfalder</source>
        <translation>Continue working on the case; an approval lapses</translation>
    </message>
    <message>
        <location filename="../../aktindsigt/ui/case_window.py" line="251" />
        <source>&amp;Sag</source>
        <translation>&amp;Case</translation>
    </message>
    <message>
        <location filename="../../aktindsigt/ui/case_window.py" line="257" />
        <source>&amp;Rediger</source>
        <translation>&amp;Edit</translation>
    </message>
    <message>
        <location filename="../../aktindsigt/ui/case_window.py" line="261" />
        <source>&amp;Dokument</source>
        <translation>&amp;Document</translation>
    </message>
    <message>
        <location filename="../../aktindsigt/ui/case_window.py" line="270" />
        <source>&amp;Godkendelse</source>
        <translation>&amp;Approval</translation>
    </message>
    <message>
        <location filename="../../aktindsigt/ui/case_window.py" line="272" />
        <source>&amp;Vis</source>
        <translation>&amp;View</translation>
    </message>
    <message>
        <location filename="../../aktindsigt/ui/case_window.py" line="277" />
        <source>Værktøjslinje</source>
        <translation>Toolbar</translation>
    </message>
    <message>
        <location filename="../../aktindsigt/ui/case_window.py" line="323" />
        <source>Træk et rektangel over det, der skal overstreges.</source>
        <translation>Draw a rectangle over what is to be redacted.</translation>
    </message>
    <message>
        <location filename="../../aktindsigt/ui/case_window.py" line="346" />
        <source>Fortrudt: {0}</source>
        <translation>Undone: {0}</translation>
    </message>
    <message>
        <location filename="../../aktindsigt/ui/case_window.py" line="378" />
        <source>Fortryd: {0}</source>
        <translation>Undo: {0}</translation>
    </message>
    <message>
        <location filename="../../aktindsigt/ui/case_window.py" line="379" />
        <source>Intet at fortryde</source>
        <translation>Nothing to undo</translation>
    </message>
    <message>
        <location filename="../../aktindsigt/ui/case_window.py" line="397" />
        <source>{0} · {1} — Aktindsigt</source>
        <translation>{0} · {1} — Aktindsigt</translation>
    </message>
    <message>
        <location filename="../../aktindsigt/ui/case_window.py" line="398" />
        <source>{0} · {1} · modtaget {2} · {3}</source>
        <translation>{0} · {1} · received {2} · {3}</translation>
    </message>
    <message>
        <location filename="../../aktindsigt/ui/case_window.py" line="400" />
        <source>Fristbrev senest {0}; § 39 fra {1}.</source>
        <translation>Delay letter due {0}; § 39 from {1}.</translation>
    </message>
    <message>
        <location filename="../../aktindsigt/ui/case_window.py" line="420" />
        <source>“{0}” kunne ikke importeres: {1}</source>
        <translation>“{0}” could not be imported: {1}</translation>
    </message>
    <message>
        <location filename="../../aktindsigt/ui/case_window.py" line="480" />
        <source>Status: {0}</source>
        <translation>Status: {0}</translation>
    </message>
    <message>
        <location filename="../../aktindsigt/ui/case_window.py" line="501" />
        <source>Send til godkendelse</source>
        <translation>Send for approval</translation>
    </message>
    <message>
        <location filename="../../aktindsigt/ui/case_window.py" line="502" />
        <source>Bemærkning til teamlederen (kan udelades):</source>
        <translation>Note to the team lead (optional):</translation>
    </message>
    <message>
        <location filename="../../aktindsigt/ui/case_window.py" line="502" />
        <source>Send</source>
        <translation>Send</translation>
    </message>
    <message>
        <location filename="../../aktindsigt/ui/case_window.py" line="514" />
        <source>Send trods tjeklisten</source>
        <translation>Send despite the checklist</translation>
    </message>
    <message>
        <location filename="../../aktindsigt/ui/case_window.py" line="515" />
        <source>Tjeklisten har {0} punkt(er). Du kan sende sagen alligevel med en bemærkning til teamlederen om punkterne:</source>
        <translation>The checklist has {0} item(s). You can send the case anyway with a note to the team lead about them:</translation>
    </message>
    <message>
        <location filename="../../aktindsigt/ui/case_window.py" line="517" />
        <source>Send alligevel</source>
        <translation>Send anyway</translation>
    </message>
    <message>
        <location filename="../../aktindsigt/ui/case_window.py" line="529" />
        <source>Godkend egen sag</source>
        <translation>Approve own case</translation>
    </message>
    <message>
        <location filename="../../aktindsigt/ui/case_window.py" line="530" />
        <source>Du har selv behandlet sagen. Skriv, hvorfor du selv godkender den (fx at der ikke er en anden teamleder):</source>
        <translation>You handled this case yourself. Write why you approve it yourself (e.g. there is no other team lead):</translation>
    </message>
    <message>
        <location filename="../../aktindsigt/ui/case_window.py" line="531" />
        <location filename="../../aktindsigt/ui/case_window.py" line="534" />
        <source>Godkend</source>
        <translation>Approve</translation>
    </message>
    <message>
        <location filename="../../aktindsigt/ui/case_window.py" line="533" />
        <source>Godkend sagen</source>
        <translation>Approve the case</translation>
    </message>
    <message>
        <location filename="../../aktindsigt/ui/case_window.py" line="534" />
        <source>Bemærkning til godkendelsen (kan udelades):</source>
        <translation>Note on the approval (optional):</translation>
    </message>
    <message>
        <location filename="../../aktindsigt/ui/case_window.py" line="546" />
        <source>Godkend trods tjeklisten</source>
        <translation>Approve despite the checklist</translation>
    </message>
    <message>
        <location filename="../../aktindsigt/ui/case_window.py" line="547" />
        <source>Tjeklisten har {0} punkt(er). Skriv begrundelsen for at godkende sagen alligevel; den gemmes i loggen og i eksportpakken:</source>
        <translation>The checklist has {0} item(s). Write the reason for approving the case anyway; it is kept in the log and in the export bundle:</translation>
    </message>
    <message>
        <location filename="../../aktindsigt/ui/case_window.py" line="549" />
        <source>Godkend alligevel</source>
        <translation>Approve anyway</translation>
    </message>
    <message>
        <location filename="../../aktindsigt/ui/case_window.py" line="560" />
        <source>Returnér sagen</source>
        <translation>Return the case</translation>
    </message>
    <message>
        <location filename="../../aktindsigt/ui/case_window.py" line="561" />
        <source>Hvad skal sagsbehandleren rette? Kommentaren vises på sagen, til den sendes til godkendelse igen:</source>
        <translation>What should the caseworker change? The comment is shown on the case until it is sent for approval again:</translation>
    </message>
    <message>
        <location filename="../../aktindsigt/ui/case_window.py" line="562" />
        <source>Returnér</source>
        <translation>Return</translation>
    </message>
    <message>
        <location filename="../../aktindsigt/ui/case_window.py" line="594" />
        <source>Markeret: “{0}” — Ctrl+R overstreger</source>
        <translation>Selected: “{0}” — Ctrl+R redacts</translation>
    </message>
    <message>
        <location filename="../../aktindsigt/ui/case_window.py" line="606" />
        <source>Overstreg markering</source>
        <translation>Redact selection</translation>
    </message>
    <message>
        <location filename="../../aktindsigt/ui/case_window.py" line="607" />
        <source>Overstreg “{0}”</source>
        <translation>Redact “{0}”</translation>
    </message>
    <message>
        <location filename="../../aktindsigt/ui/case_window.py" line="617" />
        <source>Overstreg område</source>
        <translation>Redact area</translation>
    </message>
    <message>
        <location filename="../../aktindsigt/ui/case_window.py" line="618" />
        <source>Overstreg det markerede område på side {0}</source>
        <translation>Redact the marked area on page {0}</translation>
    </message>
    <message>
        <location filename="../../aktindsigt/ui/case_window.py" line="635" />
        <source>Akt {0}: {1}</source>
        <translation>Doc. {0}: {1}</translation>
    </message>
    <message>
        <location filename="../../aktindsigt/ui/case_window.py" line="648" />
        <source>Undtag side</source>
        <translation>Withhold page</translation>
    </message>
    <message>
        <location filename="../../aktindsigt/ui/case_window.py" line="649" />
        <source>Side {0} erstattes af en side, der nævner hjemlen.</source>
        <translation>Page {0} is replaced by a page naming the legal ground.</translation>
    </message>
    <message>
        <location filename="../../aktindsigt/ui/case_window.py" line="663" />
        <source>Frigiv side {0}</source>
        <translation>Release page {0}</translation>
    </message>
    <message>
        <location filename="../../aktindsigt/ui/case_window.py" line="665" />
        <source>Undtag side {0} …</source>
        <translation>Withhold page {0} …</translation>
    </message>
    <message>
        <location filename="../../aktindsigt/ui/case_window.py" line="672" />
        <source>Vælg filer til sagen</source>
        <translation>Choose files for the case</translation>
    </message>
    <message>
        <location filename="../../aktindsigt/ui/case_window.py" line="677" />
        <source>Vælg en mappe til sagen</source>
        <translation>Choose a folder for the case</translation>
    </message>
    <message>
        <location filename="../../aktindsigt/ui/case_window.py" line="685" />
        <source>Importerer {0} ({1} af {2})</source>
        <translation>Importing {0} ({1} of {2})</translation>
    </message>
    <message>
        <location filename="../../aktindsigt/ui/case_window.py" line="689" />
        <source>Importerer …</source>
        <translation>Importing …</translation>
    </message>
    <message>
        <location filename="../../aktindsigt/ui/case_window.py" line="693" />
        <source>{0} dokumenter importeret, {1} fejlede.</source>
        <translation>{0} documents imported, {1} failed.</translation>
    </message>
    <message>
        <location filename="../../aktindsigt/ui/case_window.py" line="722" />
        <source>{0} nye forslag.</source>
        <translation>{0} new suggestions.</translation>
    </message>
    <message>
        <location filename="../../aktindsigt/ui/case_window.py" line="725" />
        <source>Finder personoplysninger …</source>
        <translation>Finding personal data …</translation>
    </message>
</context>
<context>
    <name>DocumentList</name>
    <message>
        <location filename="../../aktindsigt/ui/case_window.py" line="62" />
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
        <source>&amp;Opdatér</source>
        <translation>&amp;Refresh</translation>
    </message>
    <message>
        <location filename="../../aktindsigt/ui/app.py" line="69" />
        <source>&amp;Afslut</source>
        <translation>&amp;Quit</translation>
    </message>
    <message>
        <location filename="../../aktindsigt/ui/app.py" line="73" />
        <source>&amp;Sag</source>
        <translation>&amp;Case</translation>
    </message>
    <message>
        <location filename="../../aktindsigt/ui/app.py" line="80" />
        <source>Værktøjslinje</source>
        <translation>Toolbar</translation>
    </message>
    <message>
        <location filename="../../aktindsigt/ui/app.py" line="88" />
        <source>Dobbeltklik eller tryk Enter for at åbne en sag.</source>
        <translation>Double-click or press Enter to open a case.</translation>
    </message>
    <message>
        <location filename="../../aktindsigt/ui/app.py" line="103" />
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
        <location filename="../../aktindsigt/ui/suggestions.py" line="244" />
        <source>Akt {0}: {1}</source>
        <translation>Doc. {0}: {1}</translation>
    </message>
    <message>
        <location filename="../../aktindsigt/ui/suggestions.py" line="248" />
        <source>{0} · {1} · fundet af {2}</source>
        <translation>{0} · {1} · found by {2}</translation>
    </message>
    <message>
        <location filename="../../aktindsigt/ui/suggestions.py" line="232" />
        <source>{0} grupper, {1} forekomster, {2} afventer.</source>
        <translation>{0} groups, {1} occurrences, {2} pending.</translation>
    </message>
    <message>
        <location filename="../../aktindsigt/ui/suggestions.py" line="346" />
        <source>Skift hjemmel</source>
        <translation>Change legal ground</translation>
    </message>
</context>
</TS>