"""Where configuration lives and how it is read. Language knowledge is data in configs/."""
from __future__ import annotations

import functools
import os
import tomllib
from pathlib import Path

from .types import MtError

PROJECT_ROOT = Path(__file__).resolve().parent.parent


def package_data(name: str) -> Path:
    """A data directory shipped inside the package (configs, corpora): in a checkout mt/NAME links to
    the top-level NAME/, in an installed wheel it holds the files."""
    import importlib.resources

    return Path(str(importlib.resources.files("mt").joinpath(name)))


def config_dir() -> Path:
    return Path(os.environ.get("MT_CONFIG_DIR") or package_data("configs"))


def cache_dir() -> Path:
    """mt's own cache (converted CTranslate2 models, translation cache)."""
    base = os.environ.get("MT_CACHE_DIR") or os.path.join(
        os.environ.get("XDG_CACHE_HOME", os.path.expanduser("~/.cache")), "mt"
    )
    return Path(base)


@functools.lru_cache(maxsize=None)
def load_toml(name: str) -> dict:
    path = config_dir() / name
    try:
        with open(path, "rb") as fh:
            return tomllib.load(fh)
    except FileNotFoundError:
        raise MtError(f"configuration file {path} is missing") from None
    except tomllib.TOMLDecodeError as err:
        raise MtError(f"{path}: invalid TOML ({err})") from None


def default_languages() -> tuple[str, str]:
    """(source, target) language when none is given: configs/defaults.toml."""
    d = load_toml("defaults.toml")
    return d["src_lang"], d["tgt_lang"]


def bundled_corpus() -> Path:
    return package_data("corpora") / load_toml("defaults.toml")["bundled"]["corpus"]


def bundled_languages() -> tuple[str, str]:
    b = load_toml("defaults.toml")["bundled"]
    return b["src_lang"], b["tgt_lang"]
