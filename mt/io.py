"""Reading input safely and writing output atomically."""
from __future__ import annotations

import contextlib
import json
import os
import stat
import sys
import tempfile
import unicodedata
from pathlib import Path
from typing import Any, Iterable, Iterator

from .types import MtError

_MAGIC = {b"\x89PNG": "a PNG image", b"PK\x03\x04": "a zip archive", b"%PDF": "a PDF file", b"GIF8": "a GIF image",
          b"\xff\xd8\xff": "a JPEG image", b"\x1f\x8b": "gzip data", b"\x7fELF": "an executable"}
_VI_MARKS = {0x300, 0x301, 0x303, 0x309, 0x323, 0x302, 0x306, 0x31B}
_WESTERN = set("äöüÄÖÜßéèàâçêëîïôûùœŒ€–—„“”‘’‚«»…·°§½¼¾íóúñÑáÁÉÍÓÚ")
MAX_INPUT_MB = float(os.environ.get("MT_MAX_INPUT_MB", "20"))


def _is_vietnamese_letter(ch: str) -> bool:
    if ch in "đĐ":
        return True
    d = unicodedata.normalize("NFD", ch)
    return d[0].lower() in "aeiouy" and all(ord(m) in _VI_MARKS for m in d[1:]) and len(d) > 1


def _viscii(data: bytes) -> str:
    table = json.loads((Path(__file__).parent / "data" / "viscii.json").read_text(encoding="utf-8"))
    return "".join(table[b] for b in data)


def _plausible(text: str, lang: str | None) -> float:
    """Share of non-ASCII characters that belong to the language (1.0 when there are none)."""
    composed = unicodedata.normalize("NFC", text)
    if any(unicodedata.combining(c) for c in composed):
        return 0.0  # marks left over: bytes decoded as combining marks that combine with nothing
    if any("\x80" <= c <= "\x9f" or (c < " " and c not in "\t\n") for c in composed):
        return 0.0
    high = [c for c in composed if ord(c) > 127]
    if not high:
        return 1.0
    ok = _is_vietnamese_letter if (lang or "").startswith("vi") else (lambda c: c in _WESTERN)
    return sum(1 for c in high if ok(c)) / len(high)


def _decode(data: bytes, name: str, lang: str | None = None) -> str:
    for magic, what in _MAGIC.items():
        if data.startswith(magic):
            raise MtError(f"{name}: binary data ({what}), not a text file")
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return data.decode("utf-16")
    if b"\x00" in data[:8192]:
        raise MtError(f"{name}: binary data (NUL bytes), not a text file")
    if data.startswith(b"\xef\xbb\xbf"):
        data = data[3:]
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as err:
        utf8_error = err
    vietnamese = (lang or "").startswith("vi")
    candidates = ("cp1258", "viscii", "cp1252") if vietnamese else ("cp1252", "latin-1", "cp1258")
    best = (0.0, "", "")
    for enc in candidates:
        try:
            text = _viscii(data) if enc == "viscii" else data.decode(enc)
        except UnicodeDecodeError:
            continue
        score = _plausible(text, lang)
        if score >= 0.95:
            return unicodedata.normalize("NFC", text)
        best = max(best, (score, enc, text))
    guess = f"; it looks most like {best[1]}" if best[1] else ""
    raise MtError(f"{name}: not UTF-8 (invalid byte at {utf8_error.start}){guess}, and no encoding decodes it cleanly "
                  f"as {lang or 'text'}; convert it to UTF-8 first (e.g. iconv -f ENCODING -t UTF-8)")


def read_text(path: str | Path, lang: str | None = None) -> str:
    """Whole file as str, line ends normalised to \\n. '-' reads stdin. `lang` helps to tell
    legacy 8-bit encodings apart (Windows-1258 or VISCII for Vietnamese, Windows-1252/Latin-1)."""
    if str(path) == "-":
        data = sys.stdin.buffer.read()
        name = "<stdin>"
    else:
        p = Path(path)
        if not p.exists():
            raise MtError(f"{p}: no such file")
        if p.is_dir():
            raise MtError(f"{p}: is a directory, expected a file")
        size_mb = p.stat().st_size / 1e6
        if size_mb > MAX_INPUT_MB:
            raise MtError(f"{p}: {size_mb:.1f} MB is over the {MAX_INPUT_MB:g} MB input limit (split it, or set MT_MAX_INPUT_MB)")
        try:
            data = p.read_bytes()
        except OSError as err:
            raise MtError(f"{p}: cannot read ({err.strerror})") from None
        name = str(p)
    text = _decode(data, name, lang)
    return text.replace("\r\n", "\n").replace("\r", "\n")


def read_lines(path: str | Path, lang: str | None = None) -> list[str]:
    """Lines of a text file without line ends; a trailing newline adds no empty line."""
    text = read_text(path, lang)
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
        if "\\u" in line:  # JSON may escape half of a surrogate pair ('\ud800'), which is no text and fails far downstream
            try:
                json.dumps(row, ensure_ascii=False).encode("utf-8")
            except UnicodeEncodeError:
                raise MtError(f"{path}:{n}: a lone surrogate escape (\\ud800-\\udfff) is not text") from None
        rows.append(row)
    return rows


def _umask() -> int:
    """The process umask; read from /proc where possible, since os.umask() can only read it by setting it."""
    with contextlib.suppress(OSError, ValueError, StopIteration):
        with open("/proc/self/status", encoding="ascii") as fh:
            return int(next(line for line in fh if line.startswith("Umask:")).split()[1], 8)
    mask = os.umask(0o022)
    os.umask(mask)
    return mask


def _new_file_mode(existing: os.stat_result | None) -> int:
    """A replaced file keeps its permissions; a new one gets what open() would give (0666 less the umask),
    not mkstemp's 0600."""
    if existing is not None:
        return stat.S_IMODE(existing.st_mode)
    return 0o666 & ~_umask()


def is_stream(path: str | Path | None) -> bool:
    """True for outputs that are written into, never replaced: stdout ('-' or None), a character or
    block device (/dev/null, /dev/stdout) or a FIFO."""
    if path is None or str(path) == "-":
        return True
    try:
        mode = os.stat(path).st_mode
    except OSError:
        return False
    return stat.S_ISCHR(mode) or stat.S_ISBLK(mode) or stat.S_ISFIFO(mode)


def _refuse_file_as_folder(p: Path) -> None:
    """Missing folders of an output are made, but a file where a folder must be is refused before any work
    ('out.txt/findings.jsonl'; mkdir would fail after the work with a bare 'File exists')."""
    for parent in p.absolute().parents:
        if parent.exists():
            if not parent.is_dir():
                raise MtError(f"{p}: {parent} is not a directory")
            return


def refuse_existing(path: str | Path | None, force: bool) -> None:
    """Fail before any work when the output would replace something: without --force nothing that exists
    is replaced, and even with it only a regular file (a stream such as /dev/null is written into)."""
    if path is None or is_stream(path):
        return
    p = Path(path)
    _refuse_file_as_folder(p)
    if p.is_dir():
        raise MtError(f"{p}: is a directory; give a file name")
    if p.exists() and not p.is_file():
        raise MtError(f"{p}: exists and is not a regular file; mt replaces only regular files")
    if p.exists() and not force:
        raise MtError(f"{p}: exists; pass --force to replace it")


def refuse_nonempty_dir(out_dir: str | Path, force: bool, inputs: Iterable[str | Path | None] = ()) -> None:
    """An output directory (export, fine-tuned or converted model) must be new or empty unless --force;
    a file in its place is never replaced, nor, even with --force, a folder that holds one of `inputs`
    ('mt export corpus/ -o corpus/ --force' would delete the documents it read)."""
    out = Path(out_dir)
    _refuse_file_as_folder(out)
    if out.is_dir():
        home = Path(os.path.realpath(out))
        for inp in inputs:
            if inp is not None and str(inp) != "-" and Path(str(inp)).exists():
                where = Path(os.path.realpath(str(inp)))
                if where == home or home in where.parents:
                    raise MtError(f"{out}: holds the input {inp}, which the output would replace; give another output directory")
    if out.exists() and not out.is_dir():
        raise MtError(f"{out}: exists and is not a directory")
    if out.exists() and any(out.iterdir()) and not force:
        raise MtError(f"{out}: exists and is not empty; pass --force to replace it")


def refuse_existing_report(out_dir: str | Path, force: bool) -> None:
    """`mt report` and `mt demo` alike: a directory that holds a report is replaced only with --force."""
    out = Path(out_dir)
    _refuse_file_as_folder(out)
    if out.exists() and not out.is_dir():
        raise MtError(f"{out}: exists and is not a directory")
    if (out / "index.html").exists() and not force:
        raise MtError(f"{out}: holds a report already; pass --force to replace it")


@contextlib.contextmanager
def atomic_writer(path: str | Path, mode: str = "w", force: bool = True) -> Iterator[Any]:
    """Write to a temporary file next to `path` and rename it into place only on success.
    A device or FIFO is written into directly (replacing /dev/null would break the system);
    a symbolic link keeps pointing where it did, its target is replaced."""
    encoding = None if "b" in mode else "utf-8"
    if is_stream(path) and str(path) != "-":
        with open(path, mode, encoding=encoding) as fh:
            yield fh
        return
    refuse_existing(path, force)
    p = Path(os.path.realpath(path))
    existing = p.stat() if p.exists() else None
    p.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{p.name}.", suffix=".tmp", dir=p.parent)
    try:
        os.fchmod(fd, _new_file_mode(existing))
        with os.fdopen(fd, mode, encoding=encoding) as fh:
            yield fh
            fh.flush()
            os.fsync(fh.fileno())
        os.replace(tmp, p)
    except BaseException:
        with contextlib.suppress(FileNotFoundError):
            os.unlink(tmp)
        raise


def write_text(path: str | Path | None, text: str, force: bool = True) -> None:
    """Write text atomically; None or '-' writes to stdout, a device or FIFO is written into."""
    if path is None or str(path) == "-":
        sys.stdout.write(text)
        sys.stdout.flush()
        return
    with atomic_writer(path, force=force) as fh:
        fh.write(text)


def write_jsonl(path: str | Path | None, rows: list[dict[str, Any]], force: bool = True) -> None:
    write_text(path, "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows), force=force)


@contextlib.contextmanager
def atomic_directory(path: str | Path) -> Iterator[Path]:
    """Build a directory under a temporary name beside `path` and swap it into place only when
    the block succeeds: readers never see half of it, and a failure leaves the old one intact."""
    import shutil

    out = Path(path)
    if out.exists() and not out.is_dir():
        raise MtError(f"{out}: exists and is not a directory")
    out.parent.mkdir(parents=True, exist_ok=True)
    tmp = Path(tempfile.mkdtemp(prefix=f".{out.name}.", dir=out.parent))
    try:
        os.chmod(tmp, 0o777 & ~_umask())  # mkdtemp makes 0700: colleagues could not read the result
        yield tmp
        old = None
        if out.exists():
            old = out.with_name(f".{out.name}.old-{os.getpid()}")
            os.replace(out, old)
        os.replace(tmp, out)
        if old is not None:
            shutil.rmtree(old, ignore_errors=True)
    except BaseException:
        shutil.rmtree(tmp, ignore_errors=True)
        raise
