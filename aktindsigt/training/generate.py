"""Synthetic municipal case documents with exact character-offset entity annotations.

Documents are built from templates (letters, citizen e-mails, journal notes,
minutes, medical and police statements, internal e-mails).  Each template line
contains slots such as ``{c.full}`` (citizen, full name) or ``{kommune}``; slots
are filled with sampled values and the character offsets of PER/LOC/ORG spans
are recorded while the text is assembled, so the annotation is exact by
construction.

Two disjoint template sets exist: ``TRAIN`` and ``HELDOUT``.  The held-out
synthetic evaluation set uses the HELDOUT templates, a different seed and the
held-out half of the foreign-name lists.
"""

from __future__ import annotations

import csv
import random
import re
from dataclasses import dataclass, field
from pathlib import Path

from faker import Faker

from aktindsigt.training.names import NameBank

Ent = tuple[int, int, str]

TITLES_F = ["fru", "Fru"]
TITLES_M = ["hr.", "Hr."]
TITLES_ANY = ["dr.", "læge", "sygeplejerske", "sagsbehandler", "overlæge", "advokat", "pædagog", "psykolog",
              "rådgiver", "politiassistent", "kommissær", "afdelingsleder", "lærer", "jobkonsulent"]
COUNTRIES = ["Danmark", "Sverige", "Norge", "Tyskland", "Polen", "Syrien", "Irak", "Tyrkiet", "Somalia",
             "Ukraine", "Vietnam", "Afghanistan", "Rumænien", "Spanien", "Thailand", "Eritrea", "Iran",
             "Hamburg", "Berlin", "Stockholm", "Oslo", "London", "Paris", "Lyon", "Madrid", "Rom", "Warszawa",
             "Kyiv", "Damaskus", "Bagdad", "Istanbul", "Ankara", "Mogadishu", "Hanoi", "Kabul", "Malmø",
             "Göteborg", "Flensborg", "Kiel", "Bruxelles", "Amsterdam", "New York", "Grønland", "Færøerne",
             "Qatar", "Irland", "Frankrig", "Italien", "Jylland", "Fyn", "Sjælland", "Bornholm"]
NATIONAL_ORGS = ["Udbetaling Danmark", "Ankestyrelsen", "Familieretshuset", "Skattestyrelsen", "SKAT",
                 "Styrelsen for Patientsikkerhed", "Folketingets Ombudsmand", "Datatilsynet", "Region Midtjylland",
                 "Region Hovedstaden", "Region Syddanmark", "Region Sjælland", "Region Nordjylland",
                 "Arbejdsmarkedets Erhvervssikring", "Statens Administration", "Udlændingestyrelsen",
                 "Socialstyrelsen", "Sundhedsstyrelsen", "Beskæftigelsesministeriet", "3F", "FOA", "HK",
                 "Ældre Sagen", "Red Barnet", "Børns Vilkår", "Kriminalforsorgen", "Rigspolitiet"]
POLICE = ["Østjyllands Politi", "Københavns Politi", "Fyns Politi", "Nordjyllands Politi", "Syd- og Sønderjyllands Politi",
          "Midt- og Vestjyllands Politi", "Nordsjællands Politi", "Midt- og Vestsjællands Politi",
          "Sydsjællands og Lolland-Falsters Politi", "Københavns Vestegns Politi", "Bornholms Politi"]
HOSPITALS_FIXED = ["Rigshospitalet", "Hvidovre Hospital", "Bispebjerg Hospital", "Odense Universitetshospital",
                   "Aarhus Universitetshospital", "Aalborg Universitetshospital", "Herlev Hospital",
                   "Psykiatrisk Center København", "Sjællands Universitetshospital", "Sygehus Lillebælt",
                   "Hospitalsenheden Vest", "Gentofte Hospital", "Psykiatrien Region Syddanmark"]
SCHOOL_SUFFIX = ["skolen", " Skole", " Friskole", " Privatskole", "skolen", " Efterskole", " Gymnasium",
                 " Børnehave", " Vuggestue", " Specialskole"]
DEPARTMENTS = ["Børn og Familie", "Jobcenter", "Borgerservice", "Ældre og Handicap", "Socialafdelingen",
               "Familieafdelingen", "Center for Beskæftigelse", "Pleje og Omsorg", "Handicap og Psykiatri",
               "Center for Børn og Unge", "Myndighedsafdelingen", "Ydelseskontoret"]
WORKER_TITLES = ["Sagsbehandler", "Socialrådgiver", "Jobkonsulent", "Teamleder", "Fuldmægtig", "Specialkonsulent",
                 "Afdelingsleder", "Visitator", "Koordinator", "Chefkonsulent", "Familierådgiver"]


@dataclass
class Person:
    firsts: list[str]
    lasts: list[str]
    gender: str  # "m" / "f"


@dataclass
class Ctx:
    rng: random.Random
    fake: Faker
    bank: NameBank
    towns: list[tuple[str, str, str]]  # postnr, town, municipality
    persons: dict[str, Person] = field(default_factory=dict)
    lower: bool = False
    upper: bool = False
    cache: dict[str, list] = field(default_factory=dict)


def _case(ctx: Ctx, s: str) -> str:
    if ctx.upper:
        return s.upper()
    if ctx.lower:
        return s.lower()
    return s


def _possessive(w: str) -> str:
    return w + "'" if w[-1:].lower() in ("s", "x", "z") else w + "s"


def person_forms(ctx: Ctx, key: str, form: str) -> list[tuple[str, str | None]]:
    """Pieces (text, label) for a mention of person ``key`` in the given form."""
    rng = ctx.rng
    if key not in ctx.persons:
        firsts, lasts = ctx.bank.full_name_parts(rng)
        ctx.persons[key] = Person(firsts, lasts, rng.choice("mf"))
    p = ctx.persons[key]
    full = " ".join(p.firsts + p.lasts)
    fl = p.firsts[0] + " " + p.lasts[-1] if rng.random() < 0.5 else full
    title = rng.choice(TITLES_M if p.gender == "m" else TITLES_F)
    name_lower = rng.random() < 0.015
    name_upper = rng.random() < 0.015

    def nm(s: str) -> str:
        if name_lower:
            s = s.lower()
        elif name_upper:
            s = s.upper()
        return _case(ctx, s)

    if form == "any":
        form = rng.choices(
            ["full", "fl", "first", "last", "init", "title", "titlefull", "gen", "initfirst"],
            [30, 20, 12, 6, 8, 8, 5, 6, 5],
        )[0]
    if form == "full":
        return [(nm(full), "PER")]
    if form == "fl":
        return [(nm(fl), "PER")]
    if form == "first":
        return [(nm(p.firsts[0]), "PER")]
    if form == "last":
        return [(nm(" ".join(p.lasts)), "PER")]
    if form == "init":  # M. Hansen / M.H. Hansen
        init = "".join(f[0] + "." for f in p.firsts) if rng.random() < 0.3 else p.firsts[0][0] + "."
        return [(nm(init + " " + " ".join(p.lasts)), "PER")]
    if form == "initfirst":  # Mette K. Hansen
        if len(p.lasts) > 1:
            return [(nm(p.firsts[0] + " " + p.lasts[0][0] + ". " + p.lasts[-1]), "PER")]
        return [(nm(p.firsts[0] + " " + p.lasts[-1][0] + "."), "PER")]
    if form == "title":
        return [(_case(ctx, title) + " ", None), (nm(" ".join(p.lasts)), "PER")]
    if form == "titlefull":
        t = rng.choice(TITLES_ANY + [title])
        return [(_case(ctx, t) + " ", None), (nm(fl), "PER")]
    if form == "gen":  # Mettes / Mette Hansens
        base = rng.choice([p.firsts[0], fl, " ".join(p.lasts)])
        return [(nm(_possessive(base)), "PER")]
    if form == "genfirst":
        return [(nm(_possessive(p.firsts[0])), "PER")]
    if form == "email":
        local = ".".join(x.lower() for x in (p.firsts[0], p.lasts[-1]))
        local = re.sub(r"[^a-z.]", "", local.replace("æ", "ae").replace("ø", "oe").replace("å", "aa")) or "post"
        domain = rng.choice(["gmail.com", "hotmail.com", "outlook.dk", "mail.dk", "live.dk", "yahoo.dk"])
        return [(_case(ctx, f"{local}@{domain}"), None)]
    if form == "workmail":
        local = (p.firsts[0][:2] + p.lasts[-1][:2]).lower()
        local = re.sub(r"[^a-z]", "x", local)
        return [(_case(ctx, local + "@" + ctx.cache.setdefault("dom", [rng.choice(
            ["aarhus.dk", "kk.dk", "odense.dk", "aalborg.dk", "vejle.dk", "esbjergkommune.dk", "randers.dk"])])[0]), None)]
    raise KeyError(form)


def _town(ctx: Ctx) -> tuple[str, str, str]:
    return ctx.rng.choice(ctx.towns)


def slot(ctx: Ctx, name: str) -> list[tuple[str, str | None]]:
    rng = ctx.rng
    if "." in name:
        key, form = name.split(".", 1)
        return person_forms(ctx, key, form)
    if name == "plist":  # list of 2-4 new persons
        n = rng.randint(2, 4)
        pieces: list[tuple[str, str | None]] = []
        for i in range(n):
            if i:
                pieces.append((" og " if i == n - 1 else ", ", None))
            pieces += person_forms(ctx, f"list{rng.random()}", rng.choice(["full", "fl", "fl", "first", "init"]))
        return pieces
    if name == "town":
        t = _town(ctx)[1] if rng.random() < 0.7 else ctx.fake.city()
        return [(_case(ctx, t), "LOC")]
    if name == "addr":
        return [(_case(ctx, ctx.fake.street_address()), "LOC")]
    if name == "street":
        return [(_case(ctx, ctx.fake.street_name()), "LOC")]
    if name == "posttown":
        pn, town, _ = _town(ctx)
        return [(pn + " ", None), (_case(ctx, town), "LOC")]
    if name == "fulladdr":
        pn, town, _ = _town(ctx)
        sep = rng.choice([", ", "\n"])
        return [(_case(ctx, ctx.fake.street_address()), "LOC"), (sep + pn + " ", None), (_case(ctx, town), "LOC")]
    if name == "country":
        return [(_case(ctx, rng.choice(COUNTRIES)), "LOC")]
    if name == "kommune":
        m = ctx.cache.setdefault("kommune", [_town(ctx)[2]])[0]
        return [(_case(ctx, m), "ORG")]
    if name == "kommune2":
        return [(_case(ctx, _town(ctx)[2]), "ORG")]
    if name == "jobcenter":
        m = ctx.cache.setdefault("kommune", [_town(ctx)[2]])[0].replace(" Kommune", "").replace("s Kommune", "")
        return [(_case(ctx, rng.choice(["Jobcenter ", "Jobcenter "]) + m.removesuffix("s")), "ORG")]
    if name == "school":
        base = rng.choice([_town(ctx)[1].split()[0], ctx.fake.last_name(), rng.choice(
            ["Nord", "Syd", "Øster", "Vester", "Skov", "Sø", "Bakke", "Eng", "Strand", "Lind", "Møllevang"])])
        suf = rng.choice(SCHOOL_SUFFIX)
        return [(_case(ctx, base + suf), "ORG")]
    if name == "hospital":
        if rng.random() < 0.5:
            h = rng.choice(HOSPITALS_FIXED)
        else:
            h = rng.choice(["Regionshospitalet ", "Sygehus ", "Hospital ", "Psykiatrisk Center "]) + _town(ctx)[1]
        return [(_case(ctx, h), "ORG")]
    if name == "company":
        return [(_case(ctx, ctx.fake.company()), "ORG")]
    if name == "police":
        return [(_case(ctx, rng.choice(POLICE)), "ORG")]
    if name == "natorg":
        return [(_case(ctx, rng.choice(NATIONAL_ORGS)), "ORG")]
    if name == "dept":
        return [(_case(ctx, rng.choice(DEPARTMENTS)), None)]
    if name == "wtitle":
        return [(_case(ctx, rng.choice(WORKER_TITLES)), None)]
    if name == "date":
        d = ctx.fake.date_between("-3y", "today")
        s = rng.choice([d.strftime("%d.%m.%Y"), d.strftime("%d-%m-%Y"), f"{d.day}. {_MONTHS[d.month - 1]} {d.year}"])
        return [(s, None)]
    if name == "time":
        return [(f"{rng.randint(7, 18):02d}.{rng.choice([0, 15, 30, 45]):02d}", None)]
    if name == "sagsnr":
        return [(f"{rng.randint(10, 29)}.{rng.randint(0, 99):02d}.{rng.randint(0, 99):02d}-"
                 f"{rng.choice('ABGKP')}{rng.randint(0, 99):02d}-{rng.randint(1, 999)}-{rng.randint(18, 25)}", None)]
    if name == "phone":
        return [(ctx.fake.phone_number(), None)]
    if name == "cpr":
        d = ctx.fake.date_of_birth()
        return [(d.strftime("%d%m%y") + "-" + f"{rng.randint(0, 9999):04d}", None)]
    if name == "age":
        return [(str(rng.randint(3, 90)), None)]
    raise KeyError(name)


_MONTHS = ["januar", "februar", "marts", "april", "maj", "juni", "juli", "august", "september", "oktober",
           "november", "december"]
_SLOT = re.compile(r"\{([a-z0-9_.]+)\}")


def render_line(ctx: Ctx, template: str) -> tuple[str, list[Ent]]:
    text_parts: list[str] = []
    ents: list[Ent] = []
    pos = 0
    last = 0
    for m in _SLOT.finditer(template):
        lit = _case(ctx, template[last:m.start()])
        text_parts.append(lit)
        pos += len(lit)
        for s, label in slot(ctx, m.group(1)):
            if label:
                ents.append((pos, pos + len(s), label))
            text_parts.append(s)
            pos += len(s)
        last = m.end()
    lit = _case(ctx, template[last:])
    text_parts.append(lit)
    return "".join(text_parts), ents


# ----------------------------------------------------------------------------------------------
# Templates.  Each document type is a list of "blocks"; each block is a list of alternative lines
# (one is chosen); a block starting with "?" is optional (50 %).  c = citizen, w = caseworker,
# x/y = other persons (relatives, children), d = doctor, l = leader, o = officer.
# ----------------------------------------------------------------------------------------------

TRAIN: dict[str, list[list[str]]] = {
    "letter": [
        ["{c.full}\n{fulladdr}", "{c.fl}\n{addr}\n{posttown}", "{c.titlefull}\n{fulladdr}"],
        ["{kommune}, {dept}, {date}", "Dato: {date}", "{town}, den {date}"],
        ["Vedrørende din ansøgning om hjælp til {town}", "Afgørelse om tilskud - sagsnr. {sagsnr}",
         "Vedr.: Din henvendelse af {date}", "Partshøring i din sag", "Bevilling af hjælpemidler"],
        ["Kære {c.full}", "Kære {c.first}", "Kære {c.title}", "Kære {c.first} og {x.first}"],
        ["Vi har modtaget din ansøgning af {date}, og {kommune} har nu behandlet sagen.",
         "Du har den {date} søgt om økonomisk hjælp til flytning til {town}.",
         "{kommune} har modtaget en underretning om din søn {x.full} fra {school}.",
         "Vi skriver til dig, fordi {jobcenter} har indkaldt dig til samtale hos {w.full}.",
         "Din datter {x.first} er visiteret til {school} fra {date}."],
        ["?Vi har lagt vægt på oplysningerne fra {hospital} og fra din læge, {d.titlefull}.",
         "?{d.full} fra {hospital} oplyser, at du ikke kan arbejde mere end 10 timer om ugen.",
         "?Oplysningerne fra {x.fl} bekræfter, at du har boet på adressen {addr} siden {date}.",
         "?Du har oplyst, at du bor sammen med {x.full} på {addr}.",
         "?Vi har indhentet oplysninger fra {natorg} og {company}."],
        ["Du kan klage over afgørelsen til {natorg} inden fire uger.",
         "Hvis du har spørgsmål, er du velkommen til at kontakte mig på telefon {phone}.",
         "Du kan læse mere om reglerne på kommunens hjemmeside.",
         "Klagen skal sendes til {kommune}, som vil genvurdere sagen."],
        ["Med venlig hilsen\n{w.full}\n{wtitle}\n{kommune}", "Venlig hilsen\n\n{w.full}\n{dept}",
         "Med venlig hilsen\n{w.fl}, {wtitle}\n{dept}, {kommune}\nTlf. {phone}", "Mvh.\n{w.init}\n{kommune}"],
    ],
    "citizen_email": [
        ["Fra: {c.full} <{c.email}>\nTil: {w.workmail}\nEmne: Min sag",
         "Fra: {c.fl} [{c.email}]\nSendt: {date} {time}\nTil: {w.full}\nEmne: Klage over afgørelse",
         "From: {c.email}\nTo: {w.workmail}\nSubject: aktindsigt"],
        ["Hej {w.first}", "Kære {w.fl}", "Hej", "Til {kommune}", "Hej {w.title}", "Goddag"],
        ["Jeg skriver igen angående min søn {x.first}, som går på {school}.",
         "Jeg har stadig ikke hørt noget fra {jobcenter} om min ansøgning.",
         "Min mand {x.full} og jeg vil gerne klage over den måde vores sag er behandlet på.",
         "Jeg har talt med {d.titlefull} fra {hospital}, og han mener ikke jeg kan arbejde.",
         "Min nabo {y.fl} har sagt at jeg skulle skrive til jer.",
         "Jeg flytter til {town} den {date} og vil gerne vide hvad der sker med min hjælp."],
        ["?Kan I ikke bare ringe til mig på {phone}?", "?{x.gen} lærer, {y.fl}, er enig med mig.",
         "?Jeg har vedhæftet brevet fra {natorg}.", "?Min advokat {y.full} er informeret.",
         "?Vi bor nu på {addr} i {town}.",
         "?Vi har været i {country} hos min mor, så jeg har ikke kunnet svare.",
         "?Tænk jer om, før I skriver til mig igen."],
        ["Med venlig hilsen\n{c.full}", "Mvh {c.first}", "Hilsen\n{c.fl}\n{addr}", "mvh\n{c.first} {c.last}",
         "Venlig hilsen\n{c.full}\nCPR {cpr}"],
    ],
    "journal": [
        ["Journalnotat {date}", "Notat vedr. {c.full}, cpr {cpr}", "Telefonnotat {date} kl. {time}",
         "Sagsnotat - {sagsnr}"],
        ["Borgeren {c.full} ringede i dag og spurgte til sin sag.",
         "{c.full} mødte op i {dept} sammen med sin bisidder {y.fl}.",
         "Samtale med {c.first} og moderen {x.full} på {school}.",
         "Hjemmebesøg hos {c.title} på adressen {addr}.",
         "{c.fl} har været til samtale i {jobcenter}."],
        ["{c.first} fortæller, at hun har det svært efter skilsmissen fra {x.fl}.",
         "Borgeren oplyser, at {d.titlefull} har sygemeldt ham frem til {date}.",
         "{c.gen} kæreste {x.first} var til stede under samtalen.",
         "Det blev aftalt, at {w.fl} kontakter {hospital} for en status.",
         "{c.first} har fået tilbudt praktik hos {company} i {town}.",
         "Borgeren er bekymret for sønnen {x.first}, der går i 4. klasse på {school}."],
        ["?Sagen drøftes på næste teammøde med {l.full}.", "?Underretning sendt til {police}.",
         "?{w.first} følger op i næste uge.", "?Borgeren ønsker ikke at {x.first} inddrages.",
         "?Der er sendt partshøring til {c.fl} med frist {date}.",
         "?Borgeren er født i {country} og kom til {country} som barn.",
         "?Familien har været på ferie i {country} og vender hjem til {town} i næste uge."],
        ["/{w.init}", "Notat skrevet af {w.full}, {wtitle}", "{w.init}, {dept}", "Sagsbehandler: {w.fl}"],
    ],
    "minutes": [
        ["Referat af møde i {dept} den {date}", "Referat - netværksmøde {date}", "Dagsorden og referat"],
        ["Deltagere: {plist}", "Til stede: {plist}", "Deltagere: {w.full} ({kommune}), {d.full} ({hospital}) og {c.full}",
         "Afbud: {plist}"],
        ["Referent: {w.fl}", "Mødeleder: {l.full}", "Referent: {w.init}"],
        ["{l.first} bød velkommen og gennemgik dagsordenen.",
         "{c.full} fortalte om forløbet siden sidste møde.",
         "{x.fl} fra {school} oplyste, at {y.first} har haft meget fravær.",
         "{d.title} orienterede om behandlingen på {hospital}.",
         "Det blev besluttet, at {w.first} indhenter en udtalelse fra {company}."],
        ["?Næste møde holdes hos {kommune} den {date}.", "?{l.fl} sender referatet ud til alle.",
         "?Punktet blev udsat, da {x.title} ikke var til stede.", "?Eventuelt: intet."],
    ],
    "medical": [
        ["Lægeerklæring", "Statusattest til {kommune}", "Udtalelse fra {hospital}", "Epikrise"],
        ["Patient: {c.full}, cpr {cpr}", "Vedrørende {c.full}, {addr}, {posttown}", "Navn: {c.fl}"],
        ["Patienten blev undersøgt den {date} af {d.titlefull}.",
         "{c.first} har været i behandling hos {d.full} siden {date}.",
         "{c.title} er henvist til {hospital} med smerter i ryggen.",
         "Patienten er {age} år og bor alene i {town}."],
        ["?Hun oplyser, at hendes datter {x.first} hjælper med indkøb.",
         "?Der er tidligere udtalelse fra {y.titlefull}.",
         "?{c.gen} funktionsniveau er nedsat.", "?Patienten er tidligere ansat hos {company}."],
        ["{d.full}\nPraktiserende læge\n{addr}, {posttown}", "Med venlig hilsen\n{d.titlefull}\n{hospital}",
         "Underskrift: {d.init}"],
    ],
    "police": [
        ["Rapport - {police}", "Afhøringsrapport {date}", "{police}, Anmeldelse nr. {sagsnr}"],
        ["Afhørt: {c.full}, født {date}, {addr}, {posttown}", "Vidne: {c.fl}, {addr}",
         "Anmelder: {c.full}, tlf. {phone}"],
        ["Afhøringen foretaget af {o.titlefull} den {date} kl. {time}.",
         "{c.first} forklarede, at hun den {date} var sammen med {x.fl} på {street} i {town}.",
         "Vidnet så en mand, som hun senere har genkendt som {y.full}.",
         "{c.gen} ekskæreste {x.full} havde truet hende over telefonen.",
         "Anmelderen oplyste, at {y.first} havde taget hendes telefon."],
        ["?Sagen oversendes til {kommune} til orientering.", "?Forklaringen blev oplæst og vedstået.",
         "?{o.fl} noterede, at afhørte var påvirket.", "?Der er underrettet til {kommune}."],
        ["{o.full}\n{police}", "/{o.init}", "Politiassistent {o.fl}"],
    ],
    "internal": [
        ["Fra: {w.full}\nTil: {l.full}\nCc: {y.fl}\nEmne: Sag vedr. {c.full}",
         "Fra: {w.fl} <{w.workmail}>\nTil: {l.workmail}\nEmne: Status"],
        ["Hej {l.first}", "Hej alle", "Hej {l.first} og {y.first}", "{l.first} -"],
        ["Jeg har haft {c.full} til samtale i dag.", "Kan du give mig en status på {c.gen} sag?",
         "Vi har fået en klage fra {c.fl} over {w.full}.",
         "{c.first} har ringet igen, og jeg har henvist til {natorg}.",
         "Jeg er syg i dag, så {y.first} tager mine møder med {c.fl} og {x.fl}."],
        ["?Hun vil gerne have aktindsigt i sagen.", "?Vi skal have svar fra {hospital} inden fredag.",
         "?{x.full} fra {company} har også ringet.", "?Kan vi tage det på mødet med {kommune2}?"],
        ["Mvh {w.first}", "Hilsen {w.first}\n{wtitle}, {dept}", "/{w.first}", "Venlig hilsen\n{w.full}"],
    ],
}

HELDOUT: dict[str, list[list[str]]] = {
    "decision": [
        ["{c.full}\n{fulladdr}"],
        ["Afgørelse om hjemmehjælp", "Afslag på ansøgning om enkeltydelse", "Bevilling af personlig assistance"],
        ["Kære {c.fl}", "Til {c.full}"],
        ["{kommune} har den {date} besluttet at give dig afslag.",
         "Efter en samlet vurdering bevilger vi hjælp fra {date}.",
         "Afgørelsen bygger på samtalen med {w.fl} i dit hjem på {addr}."],
        ["?Vi har talt med din svigersøn {x.full}, som bekræfter dine oplysninger.",
         "?Vi har modtaget en vurdering fra {d.titlefull} på {hospital}.",
         "?Din ergoterapeut {y.fl} har vurderet dit behov."],
        ["Kontakt {w.fl} på {phone}, hvis du har spørgsmål.", "Afgørelsen kan påklages til {natorg}."],
        ["Venlig hilsen\n{w.fl}\n{kommune}", "På vegne af {kommune}\n{w.full}"],
    ],
    "complaint_mail": [
        ["Fra: {c.fl} <{c.email}>\nEmne: Klage", "Afsender: {c.full}"],
        ["Til rette vedkommende", "Hej {w.first}", "Kære {w.title}"],
        ["Jeg er meget utilfreds med, at {w.full} har afvist min ansøgning.",
         "Min svoger {x.fl} siger, at I har lovet mig hjælp.",
         "{y.full} fra {company} kan bekræfte, at jeg er blevet fyret.",
         "Jeg vil have aktindsigt i alle papirer om min datter {x.first}."],
        ["?Vi bor stadig i {town}, og {x.first} går på {school}.", "?Ring på {phone} efter kl. 16."],
        ["Hilsen {c.first}", "Venlig hilsen\n{c.fl}", "{c.full}"],
    ],
    "handover_note": [
        ["Overleveringsnotat", "Notat ved sagsoverdragelse {date}"],
        ["Sagen overgår fra {w.full} til {y.full} pr. {date}.",
         "{c.fl} og ægtefællen {x.fl} bor på {addr}."],
        ["{c.first} har tidligere modtaget hjælp fra {kommune2}.",
         "Familien har kontakt til {d.titlefull} og til {hospital}.",
         "Barnet, {x.first}, er skrevet op til {school}."],
        ["?Der verserer en sag hos {police} mod {y.fl}.", "?{c.gen} søster {x.fl} er bisidder."],
        ["{w.init} / {dept}"],
    ],
    "meeting": [
        ["Mødereferat {date}"],
        ["Fremmødte: {plist}", "Tilstede var {plist}"],
        ["{x.fl} indledte mødet.", "{l.full} fra {kommune} spurgte til økonomien.",
         "{c.first} sagde, at {y.first} er glad for {school}."],
        ["?Opfølgning ved {w.fl}.", "?Næste møde: {date} i {town}."],
    ],
    "statement": [
        ["Vidneforklaring afgivet til {police}", "Udtalelse fra egen læge"],
        ["{c.full} forklarede, at hun kendte {y.fl} fra arbejdet hos {company}.",
         "{d.full} har fulgt {c.fl} siden {date}.",
         "Ifølge {x.fl} opholdt {c.first} sig i {country} i perioden."],
        ["?{c.gen} bror, {x.full}, var også til stede.", "?Undersøgelsen fandt sted på {hospital}."],
        ["{o.fl}", "{d.titlefull}"],
    ],
}


def load_towns(gazetteer_dir: Path) -> list[tuple[str, str, str]]:
    towns = []
    with open(Path(gazetteer_dir) / "dk_postal_codes.csv", encoding="utf-8") as fh:
        for row in csv.DictReader(fh):
            town = row["town"].strip()
            mun = row["municipality"].strip()
            if not town or not mun or any(c.isdigit() for c in town) or town.isupper():
                continue
            towns.append((row["postnr"].strip(), town, mun))
    return towns


class DocGenerator:
    def __init__(self, gazetteer_dir: Path, seed: int, heldout: bool = False):
        self.rng = random.Random(seed)
        self.fake = Faker("da_DK")
        self.fake.seed_instance(seed)
        self.bank = NameBank(gazetteer_dir, heldout=heldout)
        self.towns = load_towns(gazetteer_dir)
        self.templates = HELDOUT if heldout else TRAIN

    def document(self) -> list[tuple[str, list[Ent]]]:
        """One document as a list of (text, entities) examples (one per template line)."""
        rng = self.rng
        kind = rng.choice(sorted(self.templates))
        ctx = Ctx(rng, self.fake, self.bank, self.towns)
        if kind in ("citizen_email", "internal", "complaint_mail") and rng.random() < 0.07:
            ctx.lower = True
        elif rng.random() < 0.03:
            ctx.upper = True  # OCR-like all-caps
        out = []
        for block in self.templates[kind]:
            options = [o for o in block]
            optional = options[0].startswith("?")
            if optional and rng.random() < 0.5:
                continue
            line = rng.choice(options).lstrip("?")
            out.append(render_line(ctx, line))
        return out

    def examples(self, n_docs: int) -> list[tuple[str, list[Ent]]]:
        ex: list[tuple[str, list[Ent]]] = []
        for _ in range(n_docs):
            ex.extend(self.document())
        return ex
