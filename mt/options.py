"""Validation of enumerated option values, shared by the CLI and the Python API: an unknown value is
refused with the list of valid ones (exit 2), never silently ignored."""
from __future__ import annotations

from typing import Iterable

from .types import MtError


def one_of(value: str, option: str, valid: Iterable[str]) -> str:
    """`value` if it is one of `valid`; else an MtError naming the option and the valid values."""
    valid = tuple(valid)
    if value not in valid:
        raise MtError(f"{option}: unknown value {value!r}; choose one of {', '.join(valid)}")
    return value


def some_of(text: str | Iterable[str], option: str, valid: Iterable[str], allow_empty: bool = False) -> tuple[str, ...]:
    """A comma-separated list (or an iterable) whose every item is one of `valid`; duplicates dropped."""
    valid = tuple(valid)
    items = [x.strip() for x in (text.split(",") if isinstance(text, str) else text) if x.strip()]
    unknown = [x for x in items if x not in valid]
    if unknown:
        raise MtError(f"{option}: unknown value{'s' if len(unknown) > 1 else ''} {', '.join(map(repr, unknown))}; "
                      f"valid: {', '.join(valid)} (comma-separated)")
    if not items and not allow_empty:
        raise MtError(f"{option}: give at least one of {', '.join(valid)}")
    return tuple(dict.fromkeys(items))
