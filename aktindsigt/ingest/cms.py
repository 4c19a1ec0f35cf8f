"""CMS / PKCS #7 containers (RFC 5652), read with asn1crypto: the content of an opaque signature.

A file signed "opaquely" (``kontrakt.pdf.p7m``, an S/MIME mail whose body is ``smime.p7m`` with
``smime-type=signed-data``) carries the signed file inside the signature structure; it is readable
without any key. An enveloped (encrypted) one is not. The signature itself is not verified.
"""

from __future__ import annotations

import base64
import binascii

#: DER of the OIDs 1.2.840.113549.1.7.x (pkcs7-data, -signedData, -envelopedData, ...), after the tag
PKCS7_OID_PREFIX = b"\x06\x09\x2a\x86\x48\x86\xf7\x0d\x01\x07"
ENCRYPTED_KINDS = {"enveloped_data", "encrypted_data", "authenticated_enveloped_data", "authenticated_data"}


class NotSigned(Exception):
    """Not a CMS structure whose content can be read."""


class Encrypted(Exception):
    """A CMS structure that needs a key (enveloped or encrypted data)."""


def looks_like_cms(head: bytes) -> bool:
    """DER (or BER) ContentInfo: a SEQUENCE whose first element is a PKCS #7 content-type OID."""
    return head[:1] == b"\x30" and PKCS7_OID_PREFIX in head[:16]


def _der(data: bytes) -> bytes:
    if looks_like_cms(data[:32]):
        return data
    text = data.strip()
    if text.startswith(b"-----BEGIN"):
        text = b"".join(line for line in text.splitlines() if not line.startswith(b"-----"))
    try:
        decoded = base64.b64decode(text, validate=False)
    except (binascii.Error, ValueError) as e:
        raise NotSigned("neither DER nor base64") from e
    if not looks_like_cms(decoded[:32]):
        raise NotSigned("no PKCS #7 content type")
    return decoded


def signed_content(data: bytes) -> bytes:
    """The signed content of a CMS SignedData (DER, BER or base64). Raises ``Encrypted`` for enveloped or
    encrypted data, ``NotSigned`` for anything else, including a detached signature (no content)."""
    from asn1crypto import cms

    try:
        info = cms.ContentInfo.load(_der(data))
        kind = info["content_type"].native
        if kind in ENCRYPTED_KINDS:
            raise Encrypted(kind)
        if kind != "signed_data":
            raise NotSigned(f"content type {kind}")
        content = info["content"]["encap_content_info"]["content"]
        value = content.native if content is not None else None
    except (Encrypted, NotSigned):
        raise
    except Exception as e:  # noqa: BLE001 - asn1crypto parses lazily and raises many kinds
        raise NotSigned(f"{type(e).__name__}: {e}") from e
    if isinstance(value, bytes | bytearray) and value:
        return bytes(value)
    raise NotSigned("detached signature: no content")
