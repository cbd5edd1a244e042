"""§33 authenticity offline: every issued PDF carries a PAdES signature (``ETSI.CAdES.detached``)
made with pyHanko and the organization's key.

The key: ``SIGNING_PKCS12_PATH`` + ``SIGNING_PKCS12_PASSWORD`` (for example a key issued to the
organization by a national certification authority), or else a self-signed one that the bot
makes at first start and keeps in the database (``signing_keys``, so ``biliktilik backup``
copies it), encrypted with a password derived from ``CERT_SECRET``.

Speed (≥ 100 documents per second on one core, ``biliktilik bench``): pyHanko writes the
signature field and the byte ranges (incremental update), while the CMS container is not
rebuilt by asn1crypto for every document (≈ 20 ms): :class:`DocumentSigner` asks pyHanko once
for a genuine container, keeps its constant parts as DER, and for each document only puts the
new message digest into the signed attributes, signs them with the key (loaded once) and
re-assembles the few enclosing DER lengths.
"""

from __future__ import annotations

import asyncio
import hashlib
import hmac
import io
import logging
import os
import threading
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from bot.config import Settings
    from domain.ports import UnitOfWorkFactory

__all__ = [
    "DocumentSigner",
    "SignatureCheck",
    "check_signature",
    "ensure_signing_key",
    "load_signer",
    "make_self_signed_pkcs12",
    "signing_key_password",
]

logger = logging.getLogger("biliktilik.signing")

FIELD_NAME = "OrganizationSignature"
_THREAD = threading.local()
SELF_SIGNED_YEARS = 20


def signing_key_password(secret: bytes) -> bytes:
    """The stored self-signed key's PKCS#12 password: derived from ``CERT_SECRET``, so a copy
    of the database alone does not give the key away."""
    return hmac.new(secret, b"biliktilik-signing-key", hashlib.sha256).hexdigest().encode()


def make_self_signed_pkcs12(common_name: str, password: bytes, now: datetime) -> bytes:
    """A new ECDSA P-256 key and a self-signed certificate naming the organization, as
    PKCS#12. P-256 rather than RSA: a signature costs ~0.1 ms instead of ~2 ms, and every PDF
    reader that checks signatures (poppler's ``pdfsig``, Acrobat) verifies it."""
    from cryptography import x509
    from cryptography.hazmat.primitives import hashes, serialization
    from cryptography.hazmat.primitives.asymmetric import ec
    from cryptography.hazmat.primitives.serialization import pkcs12
    from cryptography.x509.oid import ExtendedKeyUsageOID, NameOID

    key = ec.generate_private_key(ec.SECP256R1())
    common_name = " ".join(common_name.split()) or "Biliktilik"
    while len(common_name.encode()) > 64:  # X.520 upper bound: cut at a word boundary
        cut = common_name.rsplit(" ", 1)[0]
        common_name = cut if cut != common_name else common_name[:-1]
    name = x509.Name(
        [
            x509.NameAttribute(NameOID.COMMON_NAME, common_name),
            x509.NameAttribute(NameOID.COUNTRY_NAME, "KZ"),
        ]
    )
    certificate = (
        x509.CertificateBuilder()
        .subject_name(name)
        .issuer_name(name)
        .public_key(key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(now - timedelta(days=1))
        .not_valid_after(now + timedelta(days=365 * SELF_SIGNED_YEARS))
        .add_extension(x509.BasicConstraints(ca=False, path_length=None), critical=True)
        .add_extension(
            x509.KeyUsage(True, True, False, False, False, False, False, False, False),
            critical=True,
        )
        .add_extension(
            x509.ExtendedKeyUsage([ExtendedKeyUsageOID.EMAIL_PROTECTION]), critical=False
        )
        .sign(key, hashes.SHA256())
    )
    return pkcs12.serialize_key_and_certificates(
        b"biliktilik", key, certificate, None, serialization.BestAvailableEncryption(password)
    )


def _der_length(size: int) -> bytes:
    if size < 0x80:
        return bytes([size])
    raw = size.to_bytes((size.bit_length() + 7) // 8, "big")
    return bytes([0x80 | len(raw)]) + raw


def _tlv(tag: int, content: bytes) -> bytes:
    return bytes([tag]) + _der_length(len(content)) + content


@dataclass
class _Template:
    """The constant DER parts of one genuine CMS SignedData made by pyHanko."""

    content_type: bytes  # OID signedData
    head: bytes  # version, digestAlgorithms, encapContentInfo, certificates
    si_head: bytes  # SignerInfo: version, sid, digestAlgorithm
    si_tail_alg: bytes  # signatureAlgorithm
    si_unsigned: bytes  # [1] unsignedAttrs, usually empty
    attrs: bytes  # content of signedAttrs, with ``marker`` where the digest goes
    marker: bytes


class DocumentSigner:
    """The organization's prepared signer: the PKCS#12 read once, the CMS template made once.

    ``sign(pdf)`` returns the PDF with an invisible PAdES signature field covering the whole
    file. Thread-safe (the template is built under a lock; signing itself shares nothing)."""

    def __init__(self, pkcs12_data: bytes, password: bytes | None) -> None:
        from cryptography.hazmat.primitives.serialization import pkcs12
        from pyhanko.sign import signers

        key, certificate, _chain = pkcs12.load_key_and_certificates(pkcs12_data, password)
        if key is None or certificate is None:
            raise ValueError("the PKCS#12 file has no private key or no certificate")
        self._key: Any = key
        self.certificate_der = certificate.public_bytes(_der_encoding())
        self.certificate_sha256 = hashlib.sha256(self.certificate_der).hexdigest()
        self.subject = certificate.subject.rfc4514_string()
        self.self_signed = certificate.issuer == certificate.subject
        self._pyhanko_signer = signers.SimpleSigner.load_pkcs12_data(pkcs12_data, (), password)
        self._template: _Template | None = None
        self._lock = threading.Lock()
        self._reserved = 0

    # --- the CMS, fast -------------------------------------------------------------------
    def _build_template(self) -> _Template:
        from asn1crypto import cms

        marker = os.urandom(32)
        content_info = asyncio.run(
            self._pyhanko_signer.async_sign(marker, "sha256", use_pades=True)
        )
        signed_data = content_info["content"]
        (signer_info,) = list(signed_data["signer_infos"])
        parts = [signed_data[name] for name in ("version", "digest_algorithms")]
        head = b"".join(p.dump() for p in parts)
        head += signed_data["encap_content_info"].dump()
        if signed_data["certificates"].native is not None:
            head += signed_data["certificates"].dump()
        attrs = signer_info["signed_attrs"].contents
        if attrs.count(marker) != 1:
            raise ValueError("unexpected CMS layout: the message digest is not found once")
        unsigned = signer_info["unsigned_attrs"]
        template = _Template(
            content_type=cms.ContentType("signed_data").dump(),
            head=head,
            si_head=b"".join(signer_info[n].dump() for n in ("version", "sid", "digest_algorithm")),
            si_tail_alg=signer_info["signature_algorithm"].dump(),
            si_unsigned=unsigned.dump() if unsigned.native is not None else b"",
            attrs=attrs,
            marker=marker,
        )
        self._check_algorithm(signer_info["signature_algorithm"].signature_algo)
        self._reserved = 2 * (len(content_info.dump()) + 512)  # hex digits
        return template

    def _check_algorithm(self, algorithm: str) -> None:
        if algorithm not in ("rsassa_pkcs1v15", "ecdsa"):
            raise ValueError(f"signature algorithm {algorithm} is not supported")
        self._algorithm = algorithm

    def _raw_sign(self, data: bytes) -> bytes:
        from cryptography.hazmat.primitives import hashes
        from cryptography.hazmat.primitives.asymmetric import ec, padding

        if self._algorithm == "ecdsa":
            return bytes(self._key.sign(data, ec.ECDSA(hashes.SHA256())))
        return bytes(self._key.sign(data, padding.PKCS1v15(), hashes.SHA256()))

    def cms_for_digest(self, digest: bytes) -> bytes:
        """A CMS SignedData (DER) over a document whose SHA-256 is ``digest``."""
        template = self.template
        attrs = template.attrs.replace(template.marker, digest)
        signature = self._raw_sign(_tlv(0x31, attrs))
        signer_info = _tlv(
            0x30,
            template.si_head
            + _tlv(0xA0, attrs)
            + template.si_tail_alg
            + _tlv(0x04, signature)
            + template.si_unsigned,
        )
        signed_data = _tlv(0x30, template.head + _tlv(0x31, signer_info))
        return _tlv(0x30, template.content_type + _tlv(0xA0, signed_data))

    @property
    def template(self) -> _Template:
        if self._template is None:
            with self._lock:
                if self._template is None:
                    self._template = self._build_template()
        return self._template

    # --- the PDF, with pyHanko -----------------------------------------------------------
    def sign(self, pdf: bytes) -> bytes:
        from pyhanko.pdf_utils.incremental_writer import IncrementalPdfFileWriter
        from pyhanko.sign import fields, signers

        self.template  # noqa: B018 -- built before pyHanko asks for a container
        meta = signers.PdfSignatureMetadata(
            field_name=FIELD_NAME,
            md_algorithm="sha256",
            subfilter=fields.SigSeedSubFilter.PADES,
        )
        pdf_signer = signers.PdfSigner(meta, signer=_FastSigner(self))
        writer = IncrementalPdfFileWriter(io.BytesIO(pdf))
        # The document information dictionary is left as reportlab wrote it (title, dates):
        # pyHanko would re-read and re-write it for a new ModDate, a third of the signing time.
        writer._update_meta = _keep_metadata  # type: ignore[method-assign]
        # one event loop per worker thread for pyHanko's coroutines (``sign_pdf`` would make
        # and close a new loop for every document)
        loop = getattr(_THREAD, "loop", None)
        if loop is None:
            loop = _THREAD.loop = asyncio.new_event_loop()
        output = loop.run_until_complete(
            pdf_signer.async_sign_pdf(writer, bytes_reserved=self._reserved)
        )
        return bytes(output.getvalue())


def _keep_metadata() -> None:
    """Stands in for ``IncrementalPdfFileWriter._update_meta`` (see ``DocumentSigner.sign``)."""


def _der_encoding() -> Any:
    from cryptography.hazmat.primitives.serialization import Encoding

    return Encoding.DER


def _fast_signer_class() -> type:
    from asn1crypto import cms
    from pyhanko.sign import signers

    class FastSigner(signers.SimpleSigner):  # type: ignore[misc]
        """pyHanko's signer interface over :meth:`DocumentSigner.cms_for_digest`."""

        def __init__(self, owner: DocumentSigner) -> None:
            base = owner._pyhanko_signer
            super().__init__(
                signing_cert=base.signing_cert,
                signing_key=base.signing_key,
                cert_registry=base.cert_registry,
            )
            self._owner = owner

        async def async_sign(
            self, data_digest: bytes, digest_algorithm: str, *args: Any, **kwargs: Any
        ) -> Any:
            if digest_algorithm != "sha256":
                return await super().async_sign(data_digest, digest_algorithm, *args, **kwargs)
            return cms.ContentInfo.load(self._owner.cms_for_digest(data_digest))

    return FastSigner


_FAST_SIGNER: type | None = None


def _FastSigner(owner: DocumentSigner) -> Any:
    global _FAST_SIGNER
    if _FAST_SIGNER is None:
        _FAST_SIGNER = _fast_signer_class()
    return _FAST_SIGNER(owner)


# --- loading the organization's key ----------------------------------------------------------

_SIGNERS: dict[tuple[str, str], DocumentSigner] = {}


async def ensure_signing_key(
    uows: UnitOfWorkFactory, settings: Settings, now: datetime | None = None
) -> bytes | None:
    """At start: without a configured PKCS#12 file, the stored self-signed key, made and
    stored now if there is none yet (another instance may win the race: the stored one is
    returned either way). ``None`` when a key file is configured."""
    if settings.signing_pkcs12_path:
        return None
    password = signing_key_password(settings.cert_secret_bytes)
    async with uows(read_only=True) as uow:
        stored = await uow.documents.signing_key()
    if stored is not None and await asyncio.to_thread(_opens, stored, password):
        return stored
    if stored is not None:  # CERT_SECRET was changed: the old key cannot be opened any more
        logger.warning(
            "the stored signing key does not open with this CERT_SECRET: a new one is made; "
            "documents signed before keep their (old) signature"
        )
    made = await asyncio.to_thread(
        make_self_signed_pkcs12, settings.organization_name_ru, password, now or datetime.now(UTC)
    )
    async with uows() as uow:
        in_force = await uow.documents.store_signing_key(made, now or datetime.now(UTC), stored)
        await uow.commit()
    logger.info("a self-signed document-signing key was made and stored")
    return in_force


def _opens(pkcs12_data: bytes, password: bytes) -> bool:
    from cryptography.hazmat.primitives.serialization import pkcs12

    try:
        pkcs12.load_key_and_certificates(pkcs12_data, password)
    except ValueError:
        return False
    return True


async def load_signer(
    uows: UnitOfWorkFactory, settings: Settings, now: datetime | None = None
) -> DocumentSigner:
    """The organization's signer, prepared once per process: the configured PKCS#12 file, or
    the self-signed key stored in the database (made now if there is none yet)."""
    path = settings.signing_pkcs12_path or ""
    cache_key = (settings.database_url, path)
    if cache_key in _SIGNERS:
        return _SIGNERS[cache_key]
    if path:
        data = await asyncio.to_thread(Path(path).read_bytes)
        secret = settings.signing_pkcs12_password
        password = secret.get_secret_value().encode() if secret is not None else None
    else:
        stored = await ensure_signing_key(uows, settings, now)
        assert stored is not None
        data, password = stored, signing_key_password(settings.cert_secret_bytes)
    signer = await asyncio.to_thread(DocumentSigner, data, password)
    _SIGNERS[cache_key] = signer
    return signer


# --- checking a file -------------------------------------------------------------------------


@dataclass(frozen=True)
class SignatureCheck:
    """What a PDF's embedded signature says."""

    present: bool = False
    intact: bool = False  # the signed bytes are unchanged and the signature is mathematically right
    whole_file: bool = False  # nothing was added after signing
    ours: bool = False  # made with the organization's certificate

    @property
    def genuine(self) -> bool:
        return self.present and self.intact and self.whole_file and self.ours


def check_signature(pdf: bytes, signer: DocumentSigner | None) -> SignatureCheck:
    """Validate the first embedded signature with pyHanko (integrity only: trust in the
    certificate is answered by comparing it with the organization's)."""
    from pyhanko.pdf_utils.reader import PdfFileReader
    from pyhanko.sign.validation import validate_pdf_signature
    from pyhanko.sign.validation.status import SignatureCoverageLevel

    try:
        reader = PdfFileReader(io.BytesIO(pdf), strict=False)
        signatures = reader.embedded_signatures
        if not signatures:
            return SignatureCheck()
        embedded = signatures[0]
        # trust is decided below by comparing certificates; path building of a self-signed
        # or unknown certificate would only log a traceback
        logging.getLogger("pyhanko.sign.validation").setLevel(logging.CRITICAL)
        from pyhanko_certvalidator import ValidationContext

        roots = [signer._pyhanko_signer.signing_cert] if signer is not None else []
        context = ValidationContext(trust_roots=roots, allow_fetching=False)
        status = validate_pdf_signature(embedded, context, skip_diff=True)
    except Exception:  # a broken or hostile file: no usable signature
        return SignatureCheck(present=False)
    certificate_der = embedded.signer_cert.dump() if embedded.signer_cert else b""
    ours = (
        signer is not None
        and hashlib.sha256(certificate_der).hexdigest() == signer.certificate_sha256
    )
    return SignatureCheck(
        present=True,
        intact=bool(status.intact and status.valid),
        whole_file=status.coverage == SignatureCoverageLevel.ENTIRE_FILE,
        ours=ours,
    )
