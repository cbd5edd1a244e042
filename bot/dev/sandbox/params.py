"""Bot API parameters from a query string, a JSON body, a urlencoded or a multipart form."""

from __future__ import annotations

import builtins
import json
from dataclasses import dataclass
from typing import Any

from aiohttp import web

from bot.dev.sandbox.errors import ApiError, bad_request


@dataclass
class Upload:
    """A file part of a multipart request."""

    filename: str
    content_type: str | None
    data: bytes


class Params:
    """Typed access to one call's parameters; values from forms are strings, as Telegram sees."""

    def __init__(self, values: dict[str, Any], files: dict[str, Upload] | None = None) -> None:
        self.values = values
        self.files = files or {}

    def has(self, name: str) -> bool:
        return self.values.get(name) not in (None, "")

    def raw(self, name: str) -> Any:
        return self.values.get(name)

    def str(self, name: str, *, required: bool = False) -> str | None:
        value = self.values.get(name)
        if value is None or isinstance(value, Upload):
            if required:
                raise bad_request(f"{name} is empty")
            return None
        if isinstance(value, (dict, list)):
            return json.dumps(value, ensure_ascii=False)
        return str(value) if not isinstance(value, bool) else ("true" if value else "false")

    def int(self, name: builtins.str, *, required: bool = False) -> int | None:
        value = self.values.get(name)
        if value in (None, ""):
            if required:
                raise bad_request(f"{name} is empty")
            return None
        try:
            return int(value)
        except (TypeError, ValueError):
            raise bad_request(f'field "{name}" must be of type Integer') from None

    def float(self, name: builtins.str, default: float) -> float:
        value = self.values.get(name)
        if value in (None, ""):
            return default
        try:
            return float(value)
        except (TypeError, ValueError):
            raise bad_request(f'field "{name}" must be of type Float') from None

    def bool(self, name: builtins.str, default: bool = False) -> bool:
        value = self.values.get(name)
        if value in (None, ""):
            return default
        if isinstance(value, bool):
            return value
        return str(value).lower() in ("true", "1", "yes")

    def json(self, name: builtins.str) -> Any:
        value = self.values.get(name)
        if value in (None, ""):
            return None
        if isinstance(value, str):
            try:
                return json.loads(value)
            except ValueError:
                if name == "reply_markup":
                    raise bad_request("can't parse reply keyboard markup JSON object") from None
                raise bad_request(f"can't parse {name} JSON object") from None
        return value

    def file(self, name: builtins.str) -> Upload | builtins.str | None:
        """An uploaded part (directly or through `attach://name`) or a file_id / URL string."""
        value = self.values.get(name)
        if isinstance(value, Upload):
            return value
        if isinstance(value, str) and value.startswith("attach://"):
            upload = self.files.get(value[len("attach://") :])
            if upload is None:
                raise bad_request(f"file {value} not found in the request")  # pragma: no cover
            return upload
        return value if isinstance(value, str) and value else None

    def loggable(self) -> dict[builtins.str, Any]:
        """The parameters for the call log: file bytes replaced by their name and size."""
        out: dict[str, Any] = {}
        for key, value in self.values.items():
            if isinstance(value, Upload):
                out[key] = {"file_name": value.filename, "size": len(value.data)}
            elif key in self.files:
                continue
            else:
                out[key] = value
        return out


async def read_params(request: web.Request) -> Params:
    values: dict[str, Any] = dict(request.query)
    files: dict[str, Upload] = {}
    if request.method != "POST" or not request.can_read_body:
        return Params(values)
    content_type = request.content_type
    try:
        if content_type == "application/json":
            body = await request.json()
            if not isinstance(body, dict):
                raise ApiError(400, "Bad Request: invalid JSON object in the request")
            values.update(body)
        elif content_type == "multipart/form-data":
            reader = await request.multipart()
            while (part := await reader.next()) is not None:
                name = getattr(part, "name", None)
                if not name:
                    continue
                filename = getattr(part, "filename", None)
                if filename is not None:
                    data = await part.read()  # type: ignore[union-attr]
                    mime = part.headers.get("Content-Type")
                    upload = Upload(filename=filename, content_type=mime, data=bytes(data))
                    files[name] = upload
                    values[name] = upload
                else:
                    values[name] = await part.text()  # type: ignore[union-attr]
        else:
            form = await request.post()
            values.update({k: v for k, v in form.items() if isinstance(v, str)})
    except ValueError:
        raise ApiError(400, "Bad Request: can't parse request body") from None
    return Params(values, files)
