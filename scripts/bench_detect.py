#!/usr/bin/env python
"""Benchmark the detection engine against plain presidio on generated Danish text.

Generates ``--pages`` pages (~350 words each) of municipal-style Danish text with Faker
``da_DK`` (filler sentences, distractors such as dates, amounts, case numbers and CVR
numbers) with personal data sprinkled in at known (gold) offsets; runs

* our ``DetectionEngine`` (batched ``nlp.pipe``, Danish recognizers), and
* plain presidio (``baseline_engine``: the same spaCy model with presidio's default
  recognizers, through ``BatchAnalyzerEngine``),

and prints pages/s, the speed ratio, peak RSS and per-type recall/precision against the
gold spans.  Figures go to ``bench-results/detect.json``.

Usage: ``python scripts/bench_detect.py [--pages 1000] [--seed 7] [--model PATH|blank]``.
Without a trained model (``models/da_aktindsigt``) both engines use ``spacy.blank('da')``
and PERSON figures only measure the rule-based name patterns.
"""

from __future__ import annotations

import argparse
import json
import random
import resource
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from faker import Faker  # noqa: E402

from aktindsigt.core.model import EntityType  # noqa: E402

WORDS_PER_PAGE = 350
_CVR_GOLD = __import__("re").compile(r"CVR-nr\. (\d{8})")
EVAL_TYPES = [
    EntityType.CPR,
    EntityType.PHONE,
    EntityType.EMAIL,
    EntityType.IBAN,
    EntityType.BANK_ACCOUNT,
    EntityType.LICENCE_PLATE,
    EntityType.ADDRESS,
    EntityType.PERSON,
    EntityType.CARD,
    EntityType.CVR,
    EntityType.URL,
]

_SYL1 = ["Al", "Bir", "Da", "El", "Fre", "Gun", "Hal", "Ing", "Jo", "Kir", "Lis", "Mo", "Ner", "Ol", "Rag",
         "Sig", "Tor", "Ulv", "Vib", "Yr", "As", "Bo", "Ca", "Ej", "Ger", "Her", "Ib", "Kal", "Mal", "Ros"]
_SYL2 = ["da", "te", "ne", "ja", "rik", "bert", "mund", "vig", "frid", "helm", "ny", "la", "ke", "run", "vald"]
_SUR = ["sen", "gaard", "strup", "holm", "lund", "bæk", "dahl", "berg", "mann", "skov", "toft", "kjær"]

FILLER = [
    "Kommunen har modtaget din ansøgning den {date} og behandlet den efter de gældende regler.",
    "Sagen er oprettet under journalnummer {caseno} og vil blive behandlet hurtigst muligt.",
    "Der blev afholdt møde på rådhuset den {date} kl. {time}, hvor forvaltningen gennemgik sagen.",
    "Det samlede beløb udgør {amount} kr., som udbetales inden udgangen af måneden.",
    "Vi henviser til vores brev af {date} vedrørende sag {caseno2}.",
    "Forvaltningen vurderer, at betingelserne for at imødekomme anmodningen er opfyldt.",
    "Du kan læse mere om reglerne på kommunens hjemmeside https://www.kommune.dk/borger/regler.",
    "Leverandøren {company}, CVR-nr. {cvr}, har fremsendt faktura nr. {invoice} på {amount} kr.",
    "Afgørelsen er truffet efter offentlighedslovens § 7 og § 30, nr. 1.",
    "Bemærk, at fristen for at indsende yderligere oplysninger er {days} dage fra modtagelsen af dette brev.",
    "Byrådet behandlede punktet på mødet den {date}, jf. dagsordenens punkt {item}.",
    "Der er tale om {count} sager i perioden fra {year} til {year2}.",
    "Kontakt Borgerservice, hvis du har spørgsmål til sagen.",
    "Udgiften på {amount} kr. afholdes af kontoen for drift af veje og grønne områder.",
    "I henhold til lokalplan nr. {item} må bebyggelsesprocenten ikke overstige {count} procent.",
    "Referatet af mødet blev godkendt uden bemærkninger den {date}.",
    "Materialet er sendt til høring i perioden {date} til {date2}.",
    "Sagsnummer: {caseno3}.",
    "Der henvises i øvrigt til bilag {item} og {item2}.",
    "Kommunen forventer at kunne træffe afgørelse inden for {days} arbejdsdage.",
]

PII_TEMPLATES = [
    ("Borgeren {PERSON}, CPR-nr. {CPR}, har henvendt sig til kommunen.", None),
    ("{PERSON} (cpr {CPR}) bor på {ADDRESS}.", None),
    ("Du kan kontakte {PERSON} på tlf. {PHONE} eller på e-mail {EMAIL}.", None),
    ("Beløbet udbetales til reg.nr. {REG} kontonr. {ACC}.", None),
    ("Pengene overføres til konto {BANK}.", None),
    ("Betalingen sker til IBAN {IBAN}.", None),
    ("Bilen med registreringsnummer {PLATE} var parkeret ulovligt.", None),
    ("Brevet er sendt til {PERSON}, {ADDRESS}.", None),
    ("Mobil: {PHONE}\n", None),
    ("Hun oplyste sit personnummer {CPR} ved mødet.", None),
    ("{PERSON} har oplyst sin adresse som {ADDRESS}.", None),
    ("Kortnummer {CARD} blev spærret.", None),
    ("Ifølge sagsbehandler {PERSON} skal der ske opfølgning.", None),
    ("\nFra: {PERSON} <{EMAIL}>\n", None),
    ("\nMed venlig hilsen\n{PERSON}\n", None),
    ("Han ringede fra {PHONE} og bad om at tale med {PERSON}.", None),
    ("Se også profilen {URL}.", None),
]


@dataclass
class Doc:
    text: str
    gold: list[tuple[EntityType, int, int]] = field(default_factory=list)


class Generator:
    def __init__(self, seed: int) -> None:
        self.fake = Faker("da_DK")
        self.fake.seed_instance(seed)
        self.rnd = random.Random(seed)

    # -- PII values ----------------------------------------------------------------------
    def cpr(self) -> str:
        r = self.rnd
        d = self.fake.date_of_birth(minimum_age=1, maximum_age=95)
        serial = f"{r.randint(0, 9999):04d}"
        # century digit consistent with the birth year (CPR rules)
        if d.year >= 2000:
            serial = str(r.choice([4, 5, 6, 7, 8, 9])) + serial[1:]
        else:
            serial = str(r.choice([0, 1, 2, 3])) + serial[1:]
        base = f"{d.day:02d}{d.month:02d}{d.year % 100:02d}"
        fmt = r.random()
        if fmt < 0.6:
            return f"{base}-{serial}"
        if fmt < 0.8:
            return base + serial
        if fmt < 0.9:
            return f"{base} {serial}"
        return f"{base[:2]}.{base[2:4]}.{base[4:]}-{serial}"

    def phone(self) -> str:
        return self.fake.phone_number()

    def address(self) -> str:
        r = self.rnd
        street = self.fake.street_name()
        num = str(r.randint(1, 250)) + (r.choice("ABC") if r.random() < 0.1 else "")
        floor = ""
        if r.random() < 0.35:
            floor = ", " + r.choice(["st. tv.", "st. th.", "1. th.", "2. tv.", "3. mf.", "1. sal", "4. th."])
        sep = r.choice([", ", "\n", ", "])
        return f"{street} {num}{floor}{sep}{self.fake.postcode()} {self.fake.city()}"

    def person(self) -> str:
        f, r = self.fake, self.rnd
        if r.random() < 0.25:  # a name outside Faker's lists (tests generalisation, not the lists)
            first = r.choice(_SYL1) + r.choice(_SYL2)
            last = r.choice(_SYL1) + r.choice(_SYL2).rstrip("e") + r.choice(_SUR)
            return first + " " + last
        return f.first_name() + (" " + f.first_name() if r.random() < 0.15 else "") + " " + f.last_name()

    def email(self, name: str | None = None) -> str:
        return self.fake.email()

    def iban(self) -> str:
        v = self.fake.iban()
        if self.rnd.random() < 0.5:
            v = " ".join(v[i : i + 4] for i in range(0, len(v), 4))
        return v

    def bank(self) -> str:
        b = self.fake.bban()
        return b[:4] + self.rnd.choice(["-", " "]) + b[4:]

    def plate(self) -> str:
        return self.fake.license_plate()

    def card(self) -> str:
        n = self.fake.credit_card_number(card_type="visa16")
        return " ".join(n[i : i + 4] for i in range(0, len(n), 4))

    def url(self) -> str:
        return "https://www.facebook.com/" + self.fake.user_name()

    # -- text ------------------------------------------------------------------------------
    def filler(self) -> str:
        f, r = self.fake, self.rnd
        if r.random() < 0.45:
            return f.sentence(nb_words=r.randint(8, 18))
        t = r.choice(FILLER)
        return t.format(
            date=f.date(pattern="%d.%m.%Y"),
            date2=f.date(pattern="%d-%m-%Y"),
            time=f"{r.randint(8, 16):02d}.{r.choice(['00', '15', '30', '45'])}",
            caseno=f"{r.randint(10, 29)}/{r.randint(10000, 99999)}",
            caseno2=f"{r.randint(10, 29)}.{r.randint(10, 99)}.{r.randint(10, 99)}-P{r.randint(10, 29)}-{r.randint(1, 9)}-{r.randint(10, 29)}",
            caseno3=f"20{r.randint(10, 26)}-{r.randint(1000, 99999):06d}",
            amount=f"{r.randint(1, 999)}.{r.randint(0, 999):03d},{r.choice(['00', '50', '95'])}",
            company=f.company(),
            cvr=str(r.randint(10000000, 99999999)),
            invoice=str(r.randint(10000000, 99999999)),
            days=r.randint(5, 30),
            item=r.randint(1, 40),
            item2=r.randint(1, 40),
            count=r.randint(2, 400),
            year=r.randint(2010, 2020),
            year2=r.randint(2021, 2026),
        )

    def pii_sentence(self, doc: Doc) -> None:
        tmpl, _ = self.rnd.choice(PII_TEMPLATES)
        values = {
            "PERSON": self.person,
            "CPR": self.cpr,
            "ADDRESS": self.address,
            "PHONE": self.phone,
            "EMAIL": self.email,
            "IBAN": self.iban,
            "BANK": self.bank,
            "PLATE": self.plate,
            "CARD": self.card,
            "URL": self.url,
        }
        types = {
            "PERSON": EntityType.PERSON,
            "CPR": EntityType.CPR,
            "ADDRESS": EntityType.ADDRESS,
            "PHONE": EntityType.PHONE,
            "EMAIL": EntityType.EMAIL,
            "IBAN": EntityType.IBAN,
            "BANK": EntityType.BANK_ACCOUNT,
            "PLATE": EntityType.LICENCE_PLATE,
            "CARD": EntityType.CARD,
            "URL": EntityType.URL,
        }
        pos = 0
        parts: list[str] = []
        base = len(doc.text)
        while True:
            i = tmpl.find("{", pos)
            if i < 0:
                parts.append(tmpl[pos:])
                break
            j = tmpl.index("}", i)
            parts.append(tmpl[pos:i])
            key = tmpl[i + 1 : j]
            off = base + sum(len(p) for p in parts)
            if key in ("REG", "ACC"):
                if key == "REG":
                    b = self.fake.bban()
                    self._acc = b[4:]
                    val = b[:4]
                    self._reg_start = off
                else:
                    val = self._acc
                    doc.gold.append((EntityType.BANK_ACCOUNT, self._reg_start, off + len(val)))
            else:
                val = values[key]()
                doc.gold.append((types[key], off, off + len(val)))
            parts.append(val)
            pos = j + 1
        doc.text += "".join(parts)

    def document(self, pages: int, pii_per_page: float) -> Doc:
        doc = Doc("")
        target_words = pages * WORDS_PER_PAGE
        words = 0
        while words < target_words:
            if self.rnd.random() < pii_per_page / 15:
                self.pii_sentence(doc)
            else:
                start = len(doc.text)
                doc.text += self.filler()
                for m in _CVR_GOLD.finditer(doc.text, start):
                    doc.gold.append((EntityType.CVR, m.start(1), m.end(1)))
            doc.text += "\n\n" if self.rnd.random() < 0.15 else " "
            words = len(doc.text.split())
        return doc


def generate(n_pages: int, seed: int, pii_per_page: float = 4.0) -> list[Doc]:
    gen = Generator(seed)
    docs, left = [], n_pages
    while left > 0:
        p = min(left, gen.rnd.choice([1, 1, 2, 3, 5, 8]))
        docs.append(gen.document(p, pii_per_page))
        left -= p
    return docs


def score(docs: list[Doc], predictions: list[list[tuple[EntityType, int, int]]]) -> dict:
    out = {}
    for t in EVAL_TYPES:
        gold_n = pred_n = tp_gold = tp_pred = exact = 0
        for doc, pred in zip(docs, predictions, strict=True):
            g = [(s, e) for tt, s, e in doc.gold if tt == t]
            p = [(s, e) for tt, s, e in pred if tt == t]
            gold_n += len(g)
            pred_n += len(p)
            for gs, ge in g:
                hits = [(ps, pe) for ps, pe in p if ps < ge and gs < pe]
                covered = sum(min(ge, pe) - max(gs, ps) for ps, pe in hits)
                if covered >= 0.5 * (ge - gs):
                    tp_gold += 1
                if (gs, ge) in p:
                    exact += 1
            for ps, pe in p:
                if any(ps < ge and gs < pe for gs, ge in g):
                    tp_pred += 1
        out[t.value] = {
            "gold": gold_n,
            "predicted": pred_n,
            "recall": round(tp_gold / gold_n, 4) if gold_n else None,
            "exact_recall": round(exact / gold_n, 4) if gold_n else None,
            "precision": round(tp_pred / pred_n, 4) if pred_n else None,
        }
    return out


def rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def default_processes() -> int:
    from aktindsigt.detect.engine import default_processes as dp

    return dp()


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--pages", type=int, default=1000)
    ap.add_argument("--seed", type=int, default=7)
    ap.add_argument("--model", default=None, help="path to a spaCy pipeline, or 'blank'")
    ap.add_argument("--no-baseline", action="store_true")
    ap.add_argument("--out", default=str(ROOT / "bench-results" / "detect.json"))
    ap.add_argument("--show-misses", type=int, default=0, help="print up to N missed gold spans per type")
    ap.add_argument("--processes", type=int, default=default_processes(),
                    help="worker processes for the spaCy pass (default: what the app uses here)")
    args = ap.parse_args(argv)

    import spacy

    from aktindsigt.detect.engine import DetectionEngine, baseline_engine

    model_name = "blank"
    if args.model == "blank":
        nlp = spacy.blank("da")
    else:
        from aktindsigt.nlp.model import load_ner

        try:
            nlp = load_ner(Path(args.model) if args.model else None)
            model_name = str(args.model or "models/da_aktindsigt")
        except RuntimeError as exc:
            print(f"NOTE: {exc}\n      falling back to spacy.blank('da') for both engines", file=sys.stderr)
            nlp = spacy.blank("da")

    t0 = time.perf_counter()
    docs = generate(args.pages, args.seed)
    texts = [d.text for d in docs]
    n_words = sum(len(t.split()) for t in texts)
    print(f"generated {args.pages} pages, {len(docs)} documents, {n_words} words, "
          f"{sum(len(t) for t in texts)} chars in {time.perf_counter() - t0:.1f}s")

    engine = DetectionEngine(nlp=nlp, n_process=args.processes)
    engine.analyze_texts(texts[:3])  # warm-up (lazy loads)
    t0 = time.perf_counter()
    results = engine.analyze_texts(texts)
    ours_s = time.perf_counter() - t0
    # upper bound: this process plus every worker at the largest worker's peak
    ours_rss = rss_mb() + (args.processes if args.processes > 1 else 0) * (
        resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024)
    preds = [[(d.entity_type, d.start, d.end) for d in r] for r in results]
    quality = score(docs, preds)
    print(f"ours:     {ours_s:7.2f} s  {args.pages / ours_s:7.1f} pages/s  peak RSS {ours_rss:.0f} MB")

    base_s = None
    base_quality = None
    if not args.no_baseline:
        from presidio_analyzer import BatchAnalyzerEngine

        base = BatchAnalyzerEngine(analyzer_engine=baseline_engine(nlp))
        list(base.analyze_iterator(texts[:3], language="da"))
        t0 = time.perf_counter()
        bres = list(base.analyze_iterator(texts, language="da", batch_size=16))
        base_s = time.perf_counter() - t0
        mapping = {
            "EMAIL_ADDRESS": EntityType.EMAIL,
            "PHONE_NUMBER": EntityType.PHONE,
            "IBAN_CODE": EntityType.IBAN,
            "PERSON": EntityType.PERSON,
            "LOCATION": EntityType.LOCATION,
            "URL": EntityType.URL,
            "CREDIT_CARD": EntityType.CARD,
        }
        bpreds = [[(mapping[r.entity_type], r.start, r.end) for r in rs if r.entity_type in mapping] for rs in bres]
        base_quality = score(docs, bpreds)
        print(f"presidio: {base_s:7.2f} s  {args.pages / base_s:7.1f} pages/s  (ratio ours/presidio time "
              f"{ours_s / base_s:.2f})")

    print(f"\n{'type':15} {'gold':>6} {'pred':>6} {'recall':>7} {'exact':>7} {'prec':>7}   presidio rec/prec")
    for t, q in quality.items():
        b = base_quality.get(t) if base_quality else None
        bq = f"{b['recall']}/{b['precision']}" if b else ""
        print(f"{t:15} {q['gold']:6} {q['predicted']:6} {q['recall']!s:>7} {q['exact_recall']!s:>7} "
              f"{q['precision']!s:>7}   {bq}")

    if args.show_misses:
        for t in EVAL_TYPES:
            shown = 0
            for doc, pred in zip(docs, preds, strict=True):
                for tt, gs, ge in doc.gold:
                    if tt != t or shown >= args.show_misses:
                        continue
                    if not any(pt == t and ps < ge and gs < pe for pt, ps, pe in pred):
                        print(f"MISS {t.value}: {doc.text[gs:ge]!r}  ctx={doc.text[max(0, gs - 30):ge + 20]!r}")
                        shown += 1
            shown = 0
            for doc, pred in zip(docs, preds, strict=True):
                for pt, ps, pe in pred:
                    if pt != t or shown >= args.show_misses:
                        continue
                    if not any(tt == t and ps < ge and gs < pe for tt, gs, ge in doc.gold):
                        print(f"FP   {t.value}: {doc.text[ps:pe]!r}  ctx={doc.text[max(0, ps - 30):pe + 20]!r}")
                        shown += 1

    report = {
        "pages": args.pages,
        "documents": len(docs),
        "words": n_words,
        "model": model_name,
        "processes": args.processes,
        "ours_seconds": round(ours_s, 3),
        "ours_pages_per_second": round(args.pages / ours_s, 2),
        "presidio_seconds": round(base_s, 3) if base_s else None,
        "presidio_pages_per_second": round(args.pages / base_s, 2) if base_s else None,
        "time_ratio_ours_to_presidio": round(ours_s / base_s, 3) if base_s else None,
        "peak_rss_mb_after_ours": round(ours_rss, 1),  # incl. worker processes (upper bound)
        "peak_rss_mb_total": round(rss_mb(), 1),
        "quality": quality,
        "presidio_quality": base_quality,
    }
    out = Path(args.out)
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(json.dumps(report, indent=2, ensure_ascii=False), encoding="utf-8")
    print(f"\nwritten {out}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
