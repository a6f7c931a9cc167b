"""Reading input safely and writing output atomically."""
from __future__ import annotations

import contextlib
import json
import os
import sys
import tempfile
from pathlib import Path
from typing import Any, Iterator

from .types import MtError

# Legacy encodings people actually send us, tried in order when a file is not UTF-8.
# Each must decode the bytes and leave no C1 control characters behind to be accepted.
_LEGACY_ENCODINGS = ("cp1258", "cp1252", "latin-1")


def _decode(data: bytes, name: str) -> str:
    if b"\x00" in data[:8192]:
        raise MtError(f"{name}: binary data (NUL bytes), not a text file")
    if data.startswith(b"\xef\xbb\xbf"):
        data = data[3:]
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as err:
        utf8_error = err
    for enc in _LEGACY_ENCODINGS:
        try:
            text = data.decode(enc)
        except UnicodeDecodeError:
            continue
        if not any("\x80" <= ch <= "\x9f" for ch in text):
            return text
    raise MtError(f"{name}: not valid UTF-8 (byte {utf8_error.start}) and no known legacy encoding fits")


def read_text(path: str | Path) -> str:
    """Whole file as str, line ends normalised to \\n. '-' reads stdin."""
    if str(path) == "-":
        data = sys.stdin.buffer.read()
        name = "<stdin>"
    else:
        p = Path(path)
        if not p.exists():
            raise MtError(f"{p}: no such file")
        if p.is_dir():
            raise MtError(f"{p}: is a directory, expected a file")
        try:
            data = p.read_bytes()
        except OSError as err:
            raise MtError(f"{p}: cannot read ({err.strerror})") from None
        name = str(p)
    text = _decode(data, name)
    return text.replace("\r\n", "\n").replace("\r", "\n")


def read_lines(path: str | Path) -> list[str]:
    """Lines of a text file without line ends; a trailing newline adds no empty line."""
    text = read_text(path)
    if not text:
        return []
    lines = text.split("\n")
    if lines and lines[-1] == "":
        lines.pop()
    return lines


def read_jsonl(path: str | Path) -> list[dict[str, Any]]:
    rows = []
    for n, line in enumerate(read_text(path).split("\n"), 1):
        if not line.strip():
            continue
        try:
            row = json.loads(line)
        except json.JSONDecodeError as err:
            raise MtError(f"{path}:{n}: malformed JSON ({err.msg})") from None
        if not isinstance(row, dict):
            raise MtError(f"{path}:{n}: expected a JSON object")
        rows.append(row)
    return rows


@contextlib.contextmanager
def atomic_writer(path: str | Path, mode: str = "w", force: bool = True) -> Iterator[Any]:
    """Write to a temporary file next to `path` and rename it into place only on success."""
    p = Path(path)
    if p.exists() and p.is_dir():
        raise MtError(f"{p}: is a directory")
    if p.exists() and not force:
        raise MtError(f"{p}: exists; pass --force to replace it")
    p.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{p.name}.", suffix=".tmp", dir=p.parent)
    try:
        with os.fdopen(fd, mode, encoding=None if "b" in mode else "utf-8") as fh:
            yield fh
            fh.flush()
            os.fsync(fh.fileno())
        os.replace(tmp, p)
    except BaseException:
        with contextlib.suppress(FileNotFoundError):
            os.unlink(tmp)
        raise


def write_text(path: str | Path | None, text: str, force: bool = True) -> None:
    """Write text atomically; None or '-' writes to stdout."""
    if path is None or str(path) == "-":
        sys.stdout.write(text)
        sys.stdout.flush()
        return
    with atomic_writer(path, force=force) as fh:
        fh.write(text)


def write_jsonl(path: str | Path | None, rows: list[dict[str, Any]], force: bool = True) -> None:
    write_text(path, "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows), force=force)
