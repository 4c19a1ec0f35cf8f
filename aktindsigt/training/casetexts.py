"""Held-out set 3: municipal case texts written by code that shares nothing with training.

This generator is an *instrument*, not training material.  It was written before any model of
issue #13 was scored on it and must not be changed to make scores go up (change it only to fix
a wrong gold annotation, and say so in the model card).  It shares no template, no name list and
no sentence with the training generator (``generate.py``, ``names.py``), with the shared
gazetteers or with Faker: every list below is written here by hand, and the documents are worded
differently (home visits, network meetings, school e-mails, grant decisions, police reports,
complaints, medical notes).

Gold: ``PER`` spans (titles such as "fru" or "læge" are not part of the span), and ``ORG`` /
``LOC`` spans for the organisations and places the templates insert.  Persons appear in the forms
that case texts use: full names with up to three middle names, double surnames, first name or
surname alone, possessives ("Signes", "Bechs"), a title before a surname ("fru Bager"), initials
before a surname ("J. Kjærsgaard", "J.K. Kjærsgaard"), a first name with a middle initial, and
surnames that are ordinary Danish words (Bager, Fisker, Krog, Vinter).  Distractors: clubs,
companies, institutions, works, IT systems, capitalised words at a sentence start.

    from aktindsigt.training.casetexts import generate
    docs = generate(120, seed=2026)   # list of (text, [(start, end, label), ...])
"""

from __future__ import annotations

import random
import re

Ent = tuple[int, int, str]

FIRST_F = ["Signe", "Ingeborg", "Trine", "Malene", "Vibeke", "Dorthe", "Kirstine", "Ellen", "Agnete", "Birgitte",
           "Tove", "Lone", "Rikke", "Nanna", "Frida", "Alberte", "Liva", "Silje", "Margrethe", "Jytte",
           "Hanne", "Gry", "Tilde", "Ronja", "Asta", "Johanne", "Karoline", "Sofie", "Ditte", "Pernille",
           "Fatma", "Leyla", "Amal", "Halima", "Olga", "Svetlana", "Agnieszka", "Ngoc", "Saga", "Solveig"]
FIRST_M = ["Jesper", "Torben", "Kasper", "Mogens", "Ejnar", "Poul", "Bjarne", "Villads", "Anton", "Malthe",
           "Carl", "Jens", "Aksel", "Bent", "Flemming", "Knud", "Niels", "Rasmus", "Troels", "Ulrik",
           "Sigurd", "Halvor", "Esben", "Laurits", "Magnus", "Oskar", "Viggo", "Frode", "Hakon", "Egon",
           "Ahmed", "Yusuf", "Omar", "Kemal", "Tomasz", "Andrij", "Duc", "Bashir", "Ole", "Kaj"]
MIDDLE = ["Marie", "Louise", "Kristine", "Elisabeth", "Sofie", "Kathrine", "Amalie", "Helene", "Juul", "Skov",
          "Bech", "Holm", "Lund", "Nørgaard", "Emil", "Christian", "Frederik", "Valdemar", "Peter", "Johan",
          "Krogh", "Damsgaard", "Bak", "Ravn", "Hviid", "Munk"]
# surnames; the second list holds names that are also ordinary Danish words
SURNAMES = ["Kjærsgaard", "Bech", "Mortensen", "Lauridsen", "Thygesen", "Overgaard", "Bruun", "Kragh",
            "Damsgaard", "Fuglsang", "Lindholm", "Vestergaard", "Højer", "Ibsen", "Kirkeby", "Laustsen",
            "Mikkelsen", "Nyborg", "Rosenkilde", "Søgaard", "Toftegaard", "Uldall", "Westh", "Aabye",
            "Boisen", "Dreyer", "Esmark", "Gjerløv", "Hagensen", "Juelsgaard", "Kamstrup", "Lykke",
            "Schmidt", "Thorsen", "Yilmaz", "Haddad", "Kowalczyk", "Nguyen", "Hussein", "Petrenko"]
WORD_SURNAMES = ["Bager", "Fisker", "Krog", "Vinter", "Smed", "Skytte", "Ravn", "Due", "Hjort", "Bonde",
                 "Storm", "Sommer", "Kok", "Præst", "Fugl", "Dahl", "Kvist", "Bro", "Hald", "Lind",
                 "Mølle", "Birk", "Eng", "Vang"]

ORGS_PUBLIC = ["Familieafdelingen", "Center for Børn og Familie", "Pædagogisk Psykologisk Rådgivning",
               "Hjemmeplejen Nord", "Visitationen", "Ydelsesservice", "Sundhedsplejen", "Ungdommens Uddannelsesvejledning",
               "Misbrugscentret", "Børne- og Ungdomspsykiatrisk Afdeling", "Kriminalforsorgen i Frihed",
               "Ankestyrelsen", "Familieretshuset", "Styrelsen for Arbejdsmarked og Rekruttering"]
SCHOOLS = ["Bakkeskolen", "Rosenvængets Skole", "Lystrup Skole", "Skovbyskolen", "Engdalskolen",
           "Frydenhøj Friskole", "Marienlystskolen", "Børnehuset Mariehønen", "Vuggestuen Solsikken"]
CLUBS = ["FC Nordvest", "Boldklubben Frem", "Silkeborg IF", "Aalborg Håndbold", "Dansk Røde Kors",
         "Kirkens Korshær", "Lejerbo", "Netto", "Føtex", "Arla Foods", "Mærsk", "Dansk Folkehjælp",
         "Blå Kors", "KFUM-Spejderne", "Mødrehjælpen", "Bedre Psykiatri"]
HOSPITALS = ["Regionshospitalet Viborg", "Odense Universitetshospital", "Psykiatrisk Akutmodtagelse",
             "Sygehus Sønderjylland", "Aarhus Universitetshospital, Skejby"]
POLICE = ["Sydøstjyllands Politi", "Nordsjællands Politi", "Fyns Politi"]
TOWNS = ["Lystrup", "Hinnerup", "Brabrand", "Skørping", "Nibe", "Kolind", "Ry", "Tarm", "Brørup", "Vamdrup",
         "Holbæk", "Korsør", "Faaborg", "Nakskov", "Hobro", "Skagen", "Thisted", "Grenaa", "Rødding", "Toftlund"]
COUNTRIES = ["Polen", "Syrien", "Tyrkiet", "Ukraine", "Vietnam", "Somalia", "Tyskland", "Norge", "Island"]
WORKS = ["Matador", "Harry Potter", "Klokkeren fra Notre Dame", "Pippi Langstrømpe", "Minecraft", "Fortnite"]
SYSTEMS = ["Nexus", "SensumOne", "DUBU", "KMD Momentum", "Aula", "e-Boks", "Sundhedsjournalen", "Borger.dk"]
STREETS = ["Grøndalsvej", "Hybenhaven", "Ringvejen", "Kastanievej", "Bøgebakken", "Sønderport", "Fiskergade",
           "Bagerstræde", "Møllevænget", "Engtoften"]
ROLES = ["socialrådgiver", "sagsbehandler", "sundhedsplejerske", "klasselærer", "pædagog", "skoleleder",
         "familiebehandler", "psykolog", "hjemmesygeplejerske", "visitator", "koordinator", "leder"]
RELATIONS = ["mor", "far", "moster", "morfar", "farmor", "storebror", "søster", "kæreste", "nabo",
             "plejemor", "ekssamlever", "onkel"]
TITLES_F = ["fru"]
TITLES_M = ["hr."]

_SLOT = re.compile(r"\{([a-z_0-9]+)(?:\.([a-z_]+))?\}")


class _Person:
    def __init__(self, rng: random.Random, female: bool) -> None:
        self.female = female
        self.first = rng.choice(FIRST_F if female else FIRST_M)
        n_mid = rng.choices([0, 1, 2, 3], [45, 30, 17, 8])[0]
        r = rng.random()
        pool = WORD_SURNAMES if r < 0.35 else SURNAMES
        self.last = rng.choice(pool)
        self.middle = rng.sample([m for m in MIDDLE if m != self.last], n_mid)
        if rng.random() < 0.12:  # double surname
            self.last = rng.choice(SURNAMES + WORD_SURNAMES) + " " + self.last
        elif rng.random() < 0.06:
            self.last = rng.choice(SURNAMES) + "-" + self.last

    def full(self) -> str:
        return " ".join([self.first, *self.middle, self.last])


def _gen(word: str) -> str:
    return word + ("'" if word[-1] in "sxzSXZ" else "s")


class _Doc:
    def __init__(self, rng: random.Random) -> None:
        self.rng = rng
        self.people: dict[str, _Person] = {}
        self.parts: list[str] = []
        self.ents: list[Ent] = []
        self.pos = 0
        self.case = "normal"

    def _cased(self, s: str) -> str:
        return s.upper() if self.case == "upper" else s.lower() if self.case == "lower" else s

    def put(self, s: str, label: str | None = None) -> None:
        s = self._cased(s)
        if label:
            self.ents.append((self.pos, self.pos + len(s), label))
        self.parts.append(s)
        self.pos += len(s)

    def person(self, key: str, form: str) -> None:
        rng = self.rng
        if key not in self.people:
            self.people[key] = _Person(rng, rng.random() < 0.55)
        p = self.people[key]
        if form == "any":
            form = rng.choices(["full", "fl", "first", "last", "gen_first", "gen_last", "title", "init",
                                "midinit", "gen_full"], [22, 22, 14, 6, 7, 5, 8, 7, 4, 5])[0]
        surname = p.last
        if form == "full":
            self.put(p.full(), "PER")
        elif form == "fl":
            self.put(f"{p.first} {surname}", "PER")
        elif form == "first":
            self.put(p.first, "PER")
        elif form == "last":
            self.put(surname, "PER")
        elif form == "gen_first":
            self.put(_gen(p.first), "PER")
        elif form == "gen_last":
            self.put(_gen(surname), "PER")
        elif form == "gen_full":
            self.put(_gen(f"{p.first} {surname}"), "PER")
        elif form == "title":
            title = rng.choice(TITLES_F if p.female else TITLES_M)
            before = "".join(self.parts[-2:])
            if not before.strip(" ") or before.rstrip(" ").endswith(("\n", ".", ":")):
                title = title.capitalize()  # "Fru Bager" at the start of a sentence
            self.put(title + " ")
            self.put(surname, "PER")
        elif form == "init":
            if p.middle and rng.random() < 0.5:
                init = p.first[0] + "." + p.middle[0][0] + "."
            else:
                init = p.first[0] + "."
            self.put(f"{init} {surname}", "PER")
        elif form == "midinit":
            mid = p.middle[0][0] if p.middle else surname[0]
            self.put(f"{p.first} {mid}. {surname}", "PER")
        elif form == "role":  # "socialrådgiver Signe Bager"
            self.put(rng.choice(ROLES) + " ")
            self.put(f"{p.first} {surname}", "PER")
        else:
            raise KeyError(form)

    def fill(self, template: str) -> None:
        rng = self.rng
        last = 0
        for m in _SLOT.finditer(template):
            self.put(template[last:m.start()])
            name, form = m.group(1), m.group(2)
            if form:
                self.person(name, form)
            elif name == "org":
                self.put(rng.choice(ORGS_PUBLIC), "ORG")
            elif name == "school":
                self.put(rng.choice(SCHOOLS), "ORG")
            elif name == "club":
                self.put(rng.choice(CLUBS), "ORG")
            elif name == "hospital":
                self.put(rng.choice(HOSPITALS), "ORG")
            elif name == "police":
                self.put(rng.choice(POLICE), "ORG")
            elif name == "town":
                self.put(rng.choice(TOWNS), "LOC")
            elif name == "country":
                self.put(rng.choice(COUNTRIES), "LOC")
            elif name == "work":
                self.put(rng.choice(WORKS))
            elif name == "system":
                self.put(rng.choice(SYSTEMS))
            elif name == "street":
                self.put(f"{rng.choice(STREETS)} {rng.randint(1, 140)}")
            elif name == "rel":
                self.put(rng.choice(RELATIONS))
            elif name == "role":
                self.put(rng.choice(ROLES))
            elif name == "date":
                self.put(f"{rng.randint(1, 28)}.{rng.randint(1, 12)}.{rng.randint(2021, 2026)}")
            elif name == "amount":
                self.put(f"{rng.randint(2, 60)}.{rng.choice(['000', '500', '250', '750'])}")
            elif name == "num":
                self.put(str(rng.randint(2, 19)))
            elif name == "caseno":
                self.put(f"{rng.randint(2021, 2026)}-{rng.randint(1000, 99999)}")
            else:
                raise KeyError(name)
            last = m.end()
        self.put(template[last:])

    def text(self) -> str:
        return "".join(self.parts)


# Each document type: blocks of alternatives; "?" marks an optional block.  a = the citizen,
# b, c = relatives / children, w = the caseworker, d = a doctor or professional, t = a teacher,
# p = a police officer, n = a neighbour or witness.
DOCS: dict[str, list[list[str]]] = {
    "home_visit": [
        ["Journalnotat – hjemmebesøg {date}", "JOURNALNOTAT\nHjemmebesøg den {date}"],
        ["Til stede: {a.full}, {b.full} ({rel}) og {w.role}.", "Deltagere: {a.fl}, {w.fl} og {d.role}."],
        ["{a.first} tog imod i entreen og virkede træt.", "{a.gen_first} lejlighed på {street} fremstod ryddelig.",
         "Ved besøget var {b.first} også hjemme, da hun havde fri fra {club}.",
         "{a.title} fortalte, at hun sover dårligt og har svært ved at overskue post fra {system}."],
        ["?{b.gen_first} søn {c.full} går på {school} og trives efter {a.gen_last} oplysninger godt.",
         "?Ifølge {b.fl} har {a.first} ikke været ude af lejligheden i to uger.",
         "?{a.first} ser helst {work} om aftenen og vil ikke have besøg af {org}.",
         "?Vi aftalte, at {d.init} fra {org} ringer til {a.last} i næste uge."],
        ["?{a.last} ønsker ikke, at {b.first} deltager i næste samtale.",
         "?Hjemmehjælperen {n.fl} kommer tre gange om ugen."],
        ["/{w.init}", "Notat skrevet af {w.full}, {org}", "{w.fl}\n{role}"],
    ],
    "network_meeting": [
        ["Referat af netværksmøde {date}", "Netværksmøde vedrørende {c.full}"],
        ["Deltagere: {a.full} ({rel}), {b.fl}, {role} {t.fl}, {w.fl} ({org})",
         "Mødedeltagere:\n{a.fl}\n{b.full}\n{t.fl}, {school}\n{w.full}, {org}"],
        ["{t.title} indledte med at fortælle, at {c.first} har haft meget fravær siden {date}.",
         "{t.gen_full} vurdering er, at {c.first} har brug for støtte i frikvartererne.",
         "{c.gen_first} {rel} {a.first} oplyste, at familien har været i {country} i sommerferien."],
        ["?{b.fl} spurgte, om {c.first} kan fortsætte på holdet i {club}.",
         "?Det blev aftalt, at {t.last} sender en skriftlig beskrivelse til {w.last}.",
         "?{d.full} fra {hospital} deltog telefonisk.",
         "?{c.first} spiller meget {work} og sover først efter midnat, fortalte {a.last}."],
        ["?Næste møde holdes på {school} den {date}.", "?Opfølgning ved {w.init} om seks uger."],
        ["Referent: {w.fl}", "Ref.: {w.init}"],
    ],
    "school_mail": [
        ["Fra: {t.fl} <{t_mail}>\nTil: {w.fl}\nEmne: Bekymring for elev",
         "Fra: {school}\nSendt: {date}\nEmne: {c.full}"],
        ["Hej {w.first}", "Kære {w.fl}", "Hej {w.title}"],
        ["Jeg skriver angående {c.full} fra 6.b, som har været fraværende {num} dage i denne måned.",
         "{c.first} kom i dag i skole uden madpakke igen, og {c.gen_first} tøj var beskidt.",
         "Vi har forsøgt at få fat i {a.title} flere gange, men hun tager ikke telefonen."],
        ["?I frikvarteret sagde {c.first} til {n.fl}, at {b.first} slår.",
         "?Vores AKT-lærer {d.fl} har talt med {c.first}.",
         "?{c.first} har fortalt, at {a.gen_first} nye kæreste {b.fl} sover der hver nat."],
        ["Venlig hilsen\n{t.full}\nKlasselærer, {school}", "Mvh. {t.first}", "De bedste hilsner\n{t.fl}"],
    ],
    "grant_decision": [
        ["{a.full}\n{street}\n{num}000 {town}", "{a.fl}\n{street}, {town}"],
        ["Afgørelse om merudgifter – sagsnr. {caseno}", "Svar på din ansøgning om hjælp til tandbehandling"],
        ["Kære {a.fl}", "Kære {a.first}"],
        ["Vi har bevilget {amount} kr. årligt til dækning af merudgifter for {c.first}.",
         "{org} har behandlet din ansøgning af {date}, og du får afslag.",
         "Vi har lagt vægt på udtalelsen fra {d.init}, {hospital}, om {c.gen_first} behov."],
        ["?Din {rel}, {b.full}, har oplyst, at hun betaler husleje til dig.",
         "?Det fremgår af oplysningerne fra {d.full}, at funktionsnedsættelsen er varig og indgribende.",
         "?Beløbet udbetales til den konto, {a.last} har oplyst til {system}."],
        ["Du kan klage til {org} inden fire uger.", "Har du spørgsmål, kan du ringe til {w.first} i {org}."],
        ["Med venlig hilsen\n\n{w.full}\n{role}", "Venlig hilsen\n{w.fl}"],
    ],
    "police_report": [
        ["{police} – Anmeldelse {caseno}", "Afhøringsrapport, {police}"],
        ["Anmelder: {a.full}, {street}, {town}", "Afhørt: {n.full}, født {date}"],
        ["Afhørte forklarede, at {b.fl} kom hjem fra {club} ved 23-tiden og var beruset.",
         "{a.first} oplyste, at hendes ekssamlever {b.full} har sendt truende beskeder.",
         "Vidnet {n.fl} så en mand i {b.gen_last} bil uden for {school}.",
         "Politiassistent {p.fl} kørte til adressen sammen med {p2.fl}."],
        ["?{b.last} nægtede at udtale sig uden sin forsvarer, advokat {d.fl}.",
         "?{a.title} ønskede ikke at lade sig undersøge på {hospital}.",
         "?Sagen er sendt til {org} til orientering om {c.first}."],
        ["{p.init}, politiassistent", "/{p.first}", "Rapporten er skrevet af {p.fl}"],
    ],
    "complaint": [
        ["Emne: klage over min sag", "Klage over afgørelse"],
        ["Til {org}", "Hej {w.first}", "Til rette vedkommende"],
        ["Jeg vil klage over at {w.fl} aldrig svarer på mine mails.",
         "Min {rel} {b.first} og jeg er dybt uenige i jeres afgørelse om {c.first}.",
         "Da jeg talte med {w.title} sidste tirsdag, lovede hun at {c.gen_first} sag ville blive genoptaget."],
        ["?{d.fl} fra {hospital} har skrevet at jeg ikke kan arbejde.",
         "?jeg har også skrevet til {org} og til {b.fl}.",
         "?Hvorfor må {n.first} fra {club} se alle papirerne når jeg ikke må?"],
        ["Hilsen {a.fl}", "{a.first}", "Med venlig hilsen\n{a.full}"],
    ],
    "medical": [
        ["Lægeerklæring", "Udtalelse fra {hospital}", "Statusattest"],
        ["Vedr.: {a.full}", "Patient: {a.fl}, født {date}"],
        ["{a.first} har været i forløb hos undertegnede siden {date}.",
         "Patienten blev set af {d.init} i ambulatoriet.",
         "{a.title} har siden ulykken haft smerter i nakke og skuldre."],
        ["?{a.gen_first} datter {c.fl} hjælper med indkøb og rengøring.",
         "?Jeg har drøftet sagen med fysioterapeut {n.fl}.",
         "?Efter min vurdering kan {a.last} ikke varetage et arbejde på mere end {num} timer om ugen."],
        ["{d.full}\nPraktiserende læge", "Med venlig hilsen\n{d.fl}, overlæge\n{hospital}"],
    ],
}


def _document(rng: random.Random) -> tuple[str, list[Ent]]:
    kind = rng.choice(sorted(DOCS))
    doc = _Doc(rng)
    r = rng.random()
    if kind == "complaint" and r < 0.25:
        doc.case = "lower"
    elif r < 0.04:
        doc.case = "upper"
    lines = []
    for block in DOCS[kind]:
        optional = block[0].startswith("?")
        if optional and rng.random() < 0.45:
            continue
        lines.append(rng.choice(block).lstrip("?"))
    for k, line in enumerate(lines):
        if k:
            doc.put("\n")
        if "{t_mail}" in line:
            head, tail = line.split("{t_mail}", 1)
            doc.fill(head)
            t = doc.people["t"]
            doc.put(f"{t.first[0].lower()}{t.last.split()[-1][:3].lower()}@skole.dk".replace("æ", "ae").replace(
                "ø", "oe").replace("å", "aa"))
            doc.fill(tail)
        else:
            doc.fill(line)
    doc.put("\n")
    return doc.text(), doc.ents


def generate(n_docs: int = 120, seed: int = 2026) -> list[tuple[str, list[Ent]]]:
    """``n_docs`` documents: (text, [(start, end, label), ...]), deterministic for a seed."""
    rng = random.Random(seed)
    return [_document(rng) for _ in range(n_docs)]


def person_spans(ents: list[Ent]) -> list[tuple[int, int]]:
    return [(s, e) for s, e, lab in ents if lab == "PER"]
