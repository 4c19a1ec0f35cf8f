"""URLs with personal paths (a profile on a social network, a personal page).

``facebook.com/mette.hansen``, ``linkedin.com/in/mettehansen``, ``instagram.com/mette_h``
are suggested; a plain municipal or company URL (``https://www.aarhus.dk/borger``) is not.
The list of social domains is data: ``resources/detect/url_domains.yaml``.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import lru_cache

from aktindsigt.core.model import EntityType
from aktindsigt.detect.recognizers.base import DanishRecognizer, Hit
from aktindsigt.detect.resources import load_yaml

_URL = re.compile(
    r"(?<![\w@.])(?:https?://)?(?:www\.|m\.|da-dk\.|dk\.)?"
    r"(?P<host>(?:[a-z0-9](?:[a-z0-9-]*[a-z0-9])?\.)+[a-z]{2,12})"
    r"(?P<path>/[^\s<>\"'()\[\]]*)?",
    re.IGNORECASE,
)
# a path segment that looks like a person: "mette.hansen", "mette-hansen", "~mh", "@mette"
_PERSONAL_SEGMENT = re.compile(r"^(?:~|@)\w+|^[a-zæøå]{2,}[._-][a-zæøå]{2,}(?:[._-][a-zæøå]{2,})?$", re.IGNORECASE)


@lru_cache(maxsize=1)
def _config() -> tuple[frozenset[str], frozenset[str]]:
    data = load_yaml("url_domains.yaml")
    return frozenset(d.lower() for d in data["social"]), frozenset(d.lower() for d in data.get("public", []))


def _domain_in(host: str, domains: frozenset[str]) -> bool:
    host = host.lower()
    return any(host == d or host.endswith("." + d) for d in domains)


class DaUrlRecognizer(DanishRecognizer):
    ENTITY = EntityType.URL
    DETECTOR = "url"

    def find(self, text: str, nlp_artifacts=None) -> Iterator[Hit]:
        social, public = _config()
        for m in _URL.finditer(text):
            path = (m.group("path") or "").rstrip(".,;:!?")
            segments = [s for s in path.split("/") if s]
            if not segments:
                continue
            host = m.group("host")
            start, end = m.start(), m.start("path") + len(path)
            if _domain_in(host, social):
                yield start, end, 0.8
            elif (
                not _domain_in(host, public)
                and any(_PERSONAL_SEGMENT.match(s) for s in segments[:3])
                and host.lower().endswith((".dk", ".com", ".net", ".org", ".eu", ".me", ".io"))
            ):
                yield start, end, 0.4
