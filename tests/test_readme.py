"""The README's examples run as written: every command in a block marked `<!-- readme-test: run -->` is run,
in order, in a fresh copy of the repository (no ../shared beside it), with `mt` on PATH as after
`source .venv/bin/activate`. Blocks that need a model or network are not marked."""
from __future__ import annotations

import os
import re
import shlex
import shutil
import subprocess
import sys

import pytest

from conftest import ROOT

MARKER = "<!-- readme-test: run -->"


def readme_commands() -> list[str]:
    text = (ROOT / "README.md").read_text(encoding="utf-8")
    commands = []
    for block in re.findall(re.escape(MARKER) + r"\s*```[a-z]*\n(.*?)```", text, re.DOTALL):
        for line in block.splitlines():
            line = line.strip()
            if line and not line.startswith("#"):
                commands.append(line)
    return commands


def test_readme_has_runnable_examples():
    commands = readme_commands()
    assert len(commands) >= 8, commands
    assert any(c.startswith("mt align") and "-o out.vide" in c for c in commands)
    # `mt eval align` reads what an earlier example wrote
    assert commands.index(next(c for c in commands if c.startswith("mt eval align"))) > \
        commands.index(next(c for c in commands if "-o out.vide" in c))


@pytest.fixture(scope="module")
def fresh_copy(tmp_path_factory):
    base = tmp_path_factory.mktemp("clone")
    repo = base / "mt"  # nothing named shared beside it
    shutil.copytree(ROOT, repo, symlinks=True,
                    ignore=shutil.ignore_patterns(".git", ".venv", "__pycache__", ".pytest_cache", ".hypothesis", "report", "build", "*.egg-info"))
    bin_dir = base / "bin"
    bin_dir.mkdir()
    mt = bin_dir / "mt"
    mt.write_text(f"#!/bin/sh\nexec {shlex.quote(sys.executable)} -m mt \"$@\"\n")
    mt.chmod(0o755)
    return repo, bin_dir


def test_readme_commands_run_in_a_fresh_copy(fresh_copy):
    repo, bin_dir = fresh_copy
    env = {k: v for k, v in os.environ.items() if k not in ("MT_CONFIG_DIR",)}
    env.update(PATH=f"{bin_dir}{os.pathsep}{env.get('PATH', '')}", PYTHONPATH=str(repo), HF_HUB_OFFLINE="1")
    assert not (repo.parent / "shared").exists()
    for command in readme_commands():
        run = subprocess.run(["bash", "-c", command], cwd=repo, env=env, capture_output=True, text=True, timeout=600)
        # `--fail-on` exits 1 when the findings it names exist: the README says so next to the command
        allowed = (0, 1) if "--fail-on" in command else (0,)
        assert run.returncode in allowed, f"{command}\n{run.stderr[-2000:]}"
        assert "Traceback" not in run.stderr, f"{command}\n{run.stderr[-2000:]}"
