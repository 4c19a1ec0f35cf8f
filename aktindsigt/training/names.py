"""Name, place and organisation samplers for the synthetic training corpus.

Danish first names and surnames come from the shared name statistics
(``../shared/data/gazetteers``) and are only read while *generating training
data*; nothing derived from them is written into the repository.  Names of
other origins are short hand-written lists below (common given names/surnames,
public knowledge), split into a training half and a held-out half so that the
held-out synthetic set also measures recall on unseen names.
"""

from __future__ import annotations

import bisect
import csv
import itertools
import random
from dataclasses import dataclass
from pathlib import Path

FOREIGN_FIRST = {
    "arabic": "Mohammad Ahmad Ali Omar Hassan Hussein Khaled Mahmoud Yousef Ibrahim Fatima Aisha Mariam Layla "
    "Noor Zainab Rania Samira Hiba Amira Karim Tariq Bilal Sami Nadia Yasmin Jamal Rashid Walid Salma Hamza "
    "Abdullah Mustafa Amal Dalia Lina Rami Ziad Nour Hanan",
    "turkish": "Mehmet Mustafa Emre Burak Cem Murat Hakan Serkan Ayşe Elif Zeynep Emine Fatma Merve Büşra "
    "Deniz Kerem Yusuf Selin Ece Gökhan Ozan Tolga Esra Sibel Cansu Oğuz Volkan Ebru",
    "polish": "Piotr Krzysztof Tomasz Paweł Marcin Michał Łukasz Grzegorz Agnieszka Katarzyna Małgorzata Joanna "
    "Magdalena Monika Dorota Bartosz Wojciech Jakub Zofia Beata Dariusz Ewelina Kamil Justyna Sławomir",
    "ukrainian": "Oleksandr Andriy Dmytro Serhiy Mykola Volodymyr Yuriy Bohdan Olena Oksana Tetiana Iryna "
    "Nataliia Yuliia Svitlana Halyna Viktoriia Taras Vasyl Maksym Anastasiia Kateryna Ihor Roman",
    "vietnamese": "Minh Anh Thanh Huong Linh Tuan Hung Dung Lan Mai Hoa Phuong Quang Trung Thao Nhung Duc "
    "Khanh Ngoc Hai Long Vy Trang Hieu Bao",
    "somali": "Abdi Abdirahman Abdullahi Mohamed Farah Hodan Hawa Amina Faadumo Sahra Ismail Yusuf Ayaan "
    "Warsame Ubah Khadra Liban Deeqa Hibaaq Sagal Mahad Ilhan Nimco Bashir",
    "other": "Sven Lars Ingrid Astrid Kristoffer Juan Carlos Maria José Ana Luis Giovanni Francesca Marco Dimitri "
    "Sergei Natasha Ivan Priya Raj Arjun Kwame Chen Wei Jun Hiroshi Yuki Aleksandra Goran Dragana Nenad",
}
FOREIGN_LAST = {
    "arabic": "Al-Hassan Abdallah Haddad Mansour Khalil Nasser Saleh Hamdan Ibrahim Qasim Yassin El-Amin Darwish "
    "Farouk Suleiman Jaber Awad Barakat Hijazi Khoury Othman Rahman Shalabi Zaher Al-Sayed Mahmoud Hussein",
    "turkish": "Yılmaz Kaya Demir Şahin Çelik Yıldız Yıldırım Öztürk Aydın Özdemir Arslan Doğan Kılıç Aslan "
    "Çetin Kara Koç Kurt Özkan Şimşek Polat Korkmaz Erdoğan Güneş Aksoy",
    "polish": "Kowalski Nowak Wiśniewski Wójcik Kowalczyk Kamiński Lewandowski Zieliński Szymański Woźniak "
    "Dąbrowski Kozłowski Jankowski Mazur Kwiatkowski Krawczyk Piotrowski Grabowski Nowakowska Kowalska "
    "Wiśniewska Pawlak Michalski Król",
    "ukrainian": "Shevchenko Kovalenko Bondarenko Tkachenko Kravchenko Melnyk Boyko Koval Oliynyk Shevchuk "
    "Polishchuk Tkachuk Savchenko Rudenko Marchenko Lysenko Moroz Pavlenko Petrenko Klymenko Ivanenko Hnatyuk",
    "vietnamese": "Nguyen Tran Le Pham Hoang Huynh Phan Vu Vo Dang Bui Do Ho Ngo Duong Ly Truong Dinh Lam",
    "somali": "Mohamed Ahmed Hassan Ali Abdi Farah Warsame Osman Jama Hirsi Egal Aden Nur Duale Guled Omar "
    "Mohamud Yusuf Abdullahi Ismail Elmi Dirie",
    "other": "Johansson Andersson Svensson Olsen Berg Garcia Fernandez Rodriguez Rossi Bianchi Ferrari Ivanov "
    "Petrov Smirnov Singh Patel Sharma Mensah Wang Zhang Li Tanaka Sato Novak Horvat Jovanović Popović",
}


def _split(words: list[str], heldout: bool) -> list[str]:
    # deterministic split: every 3rd name goes to the held-out half
    return [w for i, w in enumerate(words) if (i % 3 == 2) == heldout]


@dataclass
class WeightedList:
    items: list[str]
    cum: list[float]

    @classmethod
    def from_counts(cls, rows: list[tuple[str, int]], power: float) -> WeightedList:
        items = [r[0] for r in rows]
        weights = [max(r[1], 1) ** power for r in rows]
        return cls(items, list(itertools.accumulate(weights)))

    def sample(self, rng: random.Random) -> str:
        x = rng.random() * self.cum[-1]
        return self.items[min(bisect.bisect_left(self.cum, x), len(self.items) - 1)]


def _read_counts(path: Path) -> list[tuple[str, int]]:
    rows = []
    with open(path, encoding="utf-8") as fh:
        for row in csv.DictReader(fh):
            name = (row.get("name") or "").strip()
            if len(name) < 2 or not name[0].isalpha() or not name[0].isupper():
                continue
            if any(c.isdigit() for c in name) or " " in name:
                continue
            try:
                cnt = int(row.get("count") or 1)
            except ValueError:
                cnt = 1
            rows.append((name, cnt))
    return rows


class NameBank:
    """Samples Danish and foreign names over the whole frequency range."""

    def __init__(self, gazetteer_dir: Path, heldout: bool = False):
        g = Path(gazetteer_dir)
        self.first_all = _read_counts(g / "danish_first_names.csv")
        self.male = _read_counts(g / "danish_first_names_male.csv")
        self.female = _read_counts(g / "danish_first_names_female.csv")
        self.last_all = _read_counts(g / "danish_last_names.csv")
        # three regimes: frequency-weighted (common names), flattened (sqrt), uniform (rare names)
        self.first_w = [WeightedList.from_counts(self.first_all, p) for p in (1.0, 0.5, 0.0)]
        self.male_w = WeightedList.from_counts(self.male, 0.5)
        self.female_w = WeightedList.from_counts(self.female, 0.5)
        self.last_w = [WeightedList.from_counts(self.last_all, p) for p in (1.0, 0.5, 0.0)]
        self.foreign_first = {k: _split(v.split(), heldout) for k, v in FOREIGN_FIRST.items()}
        self.foreign_last = {k: _split(v.split(), heldout) for k, v in FOREIGN_LAST.items()}
        self.foreign_keys = sorted(self.foreign_first)

    def first(self, rng: random.Random, gender: str | None = None) -> str:
        r = rng.random()
        if gender == "m" and r < 0.3:
            return self.male_w.sample(rng)
        if gender == "f" and r < 0.3:
            return self.female_w.sample(rng)
        return self.first_w[rng.choices((0, 1, 2), (0.45, 0.35, 0.2))[0]].sample(rng)

    def last(self, rng: random.Random) -> str:
        return self.last_w[rng.choices((0, 1, 2), (0.5, 0.35, 0.15))[0]].sample(rng)

    def foreign(self, rng: random.Random) -> tuple[str, str]:
        k = rng.choice(self.foreign_keys)
        first = rng.choice(self.foreign_first[k])
        last = rng.choice(self.foreign_last[k])
        if k == "vietnamese" and rng.random() < 0.5:
            return first, rng.choice(self.foreign_last[k]) + " " + last  # e.g. "Minh Tran Nguyen"
        return first, last

    def full_name_parts(self, rng: random.Random) -> tuple[list[str], list[str]]:
        """Returns (first names, surnames) of one person."""
        if rng.random() < 0.22:
            f, last = self.foreign(rng)
            firsts = [f]
            if rng.random() < 0.15:
                firsts.append(self.foreign(rng)[0])
            return firsts, last.split()
        firsts = [self.first(rng)]
        r = rng.random()
        if r < 0.25:
            firsts.append(self.first(rng))  # double first name
        elif r < 0.30:
            firsts = [firsts[0] + "-" + self.first(rng)]  # Anne-Marie
        lasts = [self.last(rng)]
        r = rng.random()
        if r < 0.22:
            lasts.insert(0, self.last(rng))  # double surname
        elif r < 0.32:
            lasts = [self.last(rng) + "-" + lasts[0]]  # hyphenated
        return firsts, lasts
