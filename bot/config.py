"""Settings from the environment and `.env` (pydantic-settings). Created once in `main`."""

from __future__ import annotations

from datetime import date
from typing import Annotated
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from pydantic import Field, SecretStr, field_validator
from pydantic_settings import BaseSettings, NoDecode, SettingsConfigDict

DEFAULT_DATABASE_URL = "sqlite+aiosqlite:///./data/biliktilik.db"
#: The placeholder a development setting starts with; never good enough to run a real bot.
PLACEHOLDER_SECRET = "change-me-in-production"
#: 256 bits: HMAC-SHA256 gains nothing from more, and anything shorter can be guessed offline
#: from one QR code and the rotating check-in codes it signs.
MIN_SECRET_BYTES = 32
WEAK_SECRET_HINT = (
    "CERT_SECRET must be a random secret of at least 32 bytes: generate one with "
    "`python -c 'import secrets; print(secrets.token_hex(32))'`, put it in CERT_SECRET "
    "(environment or .env) and never change it once certificates are issued."
)


def _split_csv(value: object) -> object:
    if isinstance(value, str):
        return [part.strip() for part in value.replace(";", ",").split(",") if part.strip()]
    if isinstance(value, int):
        return [value]
    return value


class Settings(BaseSettings):
    """Every setting the bot reads; `.env.example` documents each one."""

    model_config = SettingsConfigDict(
        env_file=".env", env_file_encoding="utf-8", extra="ignore", case_sensitive=False
    )

    bot_token: SecretStr | None = None
    database_url: str = DEFAULT_DATABASE_URL
    redis_url: str | None = None
    admin_ids: Annotated[list[int], NoDecode] = Field(default_factory=list)

    organization_name_kk: str = "Біліктілікті арттыру ұйымы"
    organization_name_ru: str = "Организация повышения квалификации"
    organization_city_kk: str = "Астана"
    organization_city_ru: str = "Астана"
    head_name: str = "—"
    #: §33: "the head of the Organization, in their absence the person acting for them" signs;
    #: true while HEAD_NAME is the acting head (documents print "И.о. руководителя" /
    #: "Басшының м.а." instead of the head's title).
    head_is_acting: bool = False
    logo_path: str | None = None
    certificate_prefix: str = "BLK"
    cert_secret: SecretStr = SecretStr(PLACEHOLDER_SECRET)
    timezone: str = "Asia/Almaty"
    #: The organization's document-signing key (PKCS#12); unset: a self-signed key is made at
    #: first start and kept in the database (``bot.authenticity.signing``).
    signing_pkcs12_path: str | None = None
    signing_pkcs12_password: SecretStr | None = None
    #: The public address of the verification web page (``https://…``, no trailing slash):
    #: set, new QR codes open ``<PUBLIC_URL>/v/<number>…``; unset, the Telegram deep link.
    public_url: str | None = None
    extra_holidays: Annotated[list[date], NoDecode] = Field(default_factory=list)
    #: §19: weekend days made working by a government decree transferring days off (e.g. a
    #: working Saturday); they count towards the NOBD deadline.
    extra_working_days: Annotated[list[date], NoDecode] = Field(default_factory=list)
    #: §29 (2025) print overlay for the security blanks: the whole overlay shifted by these
    #: millimetres (right / down), and any field's box moved, as JSON
    #: ``{"name": [x, y, width, height], ...}`` in mm from the sheet's top-left corner
    #: (fields: name, topic, hours, number, issued, valid, qr). ``/blanks calibrate`` helps.
    blank_offset_x_mm: float = Field(default=0.0, ge=-50, le=50)
    blank_offset_y_mm: float = Field(default=0.0, ge=-50, le=50)
    blank_fields: Annotated[dict[str, tuple[float, float, float, float]], NoDecode] = Field(
        default_factory=dict
    )

    webhook_url: str | None = None
    webhook_secret: SecretStr | None = None
    webhook_host: str = "0.0.0.0"
    webhook_port: int = 8080
    telegram_api_base: str | None = None
    log_level: str = "INFO"
    #: The per-user throttle (``bot.runtime.middlewares.rate_limit``): at most this many
    #: updates per window of this many seconds. Telegram delivers about one message a second
    #: to a chat; only scripted clients (the e2e tests) need more.
    throttle_messages: int = Field(default=5, ge=1)
    throttle_seconds: float = Field(default=5.0, gt=0)

    @field_validator("admin_ids", mode="before")
    @classmethod
    def _parse_admin_ids(cls, value: object) -> object:
        return _split_csv(value)

    @field_validator("extra_holidays", "extra_working_days", mode="before")
    @classmethod
    def _parse_holidays(cls, value: object) -> object:
        return _split_csv(value)

    @field_validator("blank_fields", mode="before")
    @classmethod
    def _parse_blank_fields(cls, value: object) -> object:
        import json

        if isinstance(value, str):
            value = json.loads(value) if value.strip() else {}
        known = ("name", "topic", "hours", "number", "issued", "valid", "qr")
        if isinstance(value, dict):
            unknown = sorted(set(value) - set(known))
            if unknown:
                raise ValueError(f"unknown fields {unknown}; known: {', '.join(known)}")
        return value

    @field_validator("certificate_prefix")
    @classmethod
    def _check_prefix(cls, value: str) -> str:
        value = value.strip().upper()
        if not (2 <= len(value) <= 10 and value.isascii() and value.isalpha()):
            raise ValueError("must be 2–10 Latin letters, e.g. ORL")
        return value

    @field_validator("timezone")
    @classmethod
    def _check_timezone(cls, value: str) -> str:
        try:
            ZoneInfo(value)
        except (ZoneInfoNotFoundError, ValueError) as error:
            raise ValueError(f"unknown time zone {value!r}, e.g. Asia/Almaty") from error
        return value

    @field_validator("database_url")
    @classmethod
    def _check_database_url(cls, value: str) -> str:
        if not value.startswith(("sqlite+aiosqlite://", "postgresql+asyncpg://")):
            raise ValueError("must start with sqlite+aiosqlite:// or postgresql+asyncpg://")
        return value

    @property
    def tz(self) -> ZoneInfo:
        return ZoneInfo(self.timezone)

    @property
    def cert_secret_bytes(self) -> bytes:
        return self.cert_secret.get_secret_value().encode()

    @property
    def cert_secret_is_weak(self) -> bool:
        """Missing, the placeholder, or too short to keep QR signatures and check-in codes
        unforgeable: the real bot refuses to start with it (``biliktilik run``)."""
        secret = self.cert_secret.get_secret_value().strip()
        return secret == PLACEHOLDER_SECRET or len(secret.encode()) < MIN_SECRET_BYTES


class SettingsError(Exception):
    """A setting is malformed; the message names the variable and what is wrong."""


def load_settings(**overrides: object) -> Settings:
    from pydantic import ValidationError

    try:
        return Settings(**overrides)  # type: ignore[arg-type]
    except ValidationError as error:
        problems = []
        for item in error.errors():
            name = str(item["loc"][0]).upper() if item["loc"] else "?"
            message = str(item["msg"]).removeprefix("Value error, ")
            problems.append(f"{name}: {message}")
        raise SettingsError("; ".join(problems)) from None
