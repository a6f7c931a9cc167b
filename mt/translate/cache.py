"""A cache of finished translations (SQLite), keyed by model, decoding settings and text.

An interrupted run (SIGKILL, Ctrl-C) leaves every committed batch here; the next run with the same
settings translates only what is missing, so its output equals an uninterrupted run's. Two runs
at once share it safely (WAL journal, busy timeout, idempotent inserts).
"""
from __future__ import annotations

import hashlib
import sqlite3
from pathlib import Path


class TranslationCache:
    def __init__(self, path: Path):
        self.path = Path(path)
        self.path.parent.mkdir(parents=True, exist_ok=True)
        self._db = sqlite3.connect(str(self.path), timeout=60.0, isolation_level=None)
        self._db.execute("PRAGMA journal_mode=WAL")
        self._db.execute("PRAGMA synchronous=NORMAL")
        self._db.execute("CREATE TABLE IF NOT EXISTS translations (key TEXT PRIMARY KEY, output TEXT NOT NULL)")

    @staticmethod
    def key(namespace: str, text: str) -> str:
        return hashlib.sha256(f"{namespace}\x00{text}".encode()).hexdigest()

    def get_many(self, keys: list[str]) -> dict[str, str]:
        found: dict[str, str] = {}
        for k in range(0, len(keys), 500):
            chunk = keys[k:k + 500]
            rows = self._db.execute(f"SELECT key, output FROM translations WHERE key IN ({','.join('?' * len(chunk))})", chunk)
            found.update(rows.fetchall())
        return found

    def put_many(self, items: list[tuple[str, str]]) -> None:
        with self._db:  # one transaction: a batch is stored whole or not at all
            self._db.execute("BEGIN IMMEDIATE")
            self._db.executemany("INSERT OR REPLACE INTO translations (key, output) VALUES (?, ?)", items)

    def count(self) -> int:
        return self._db.execute("SELECT COUNT(*) FROM translations").fetchone()[0]
