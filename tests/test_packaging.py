"""`pip install .` gives a working tool: a wheel built from a copy of the repository, installed into a fresh
virtual environment, runs `mt check` and `mt report` on the bundled article with nothing from the checkout."""
from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import sysconfig
import venv

import pytest

from conftest import ROOT


def _run(cmd, **kw):
    return subprocess.run(cmd, capture_output=True, text=True, timeout=600, **kw)


@pytest.fixture(scope="module")
def installed(tmp_path_factory):
    base = tmp_path_factory.mktemp("wheel")
    src = base / "src"
    src.mkdir()
    for name in ("pyproject.toml", "README.md"):
        shutil.copy2(ROOT / name, src / name)
    for name in ("mt", "configs", "corpora"):
        shutil.copytree(ROOT / name, src / name, symlinks=True, ignore=shutil.ignore_patterns("__pycache__"))
    # the build needs no network: setuptools from this interpreter, no isolated build environment
    built = _run([sys.executable, "-m", "pip", "wheel", "--no-deps", "--no-build-isolation", "-q", "-w", str(base / "dist"), str(src)])
    assert built.returncode == 0, built.stderr
    wheel = next((base / "dist").glob("mt-*.whl"))
    env_dir = base / "venv"
    venv.EnvBuilder(with_pip=False).create(env_dir)
    python = env_dir / "bin" / "python"
    site = _run([str(python), "-c", "import sysconfig; print(sysconfig.get_paths()['purelib'])"]).stdout.strip()
    # the dependencies (torch, transformers, …) come from this environment's site-packages, read as a plain
    # path: its .pth files (an editable install of mt among them) are not processed
    deps = {sysconfig.get_paths()["purelib"], sysconfig.get_paths()["platlib"]}
    with open(os.path.join(site, "zz_deps.pth"), "w") as fh:
        fh.write("\n".join(sorted(deps)) + "\n")
    inst = _run([sys.executable, "-m", "pip", "--python", str(python), "install", "--no-deps", "--no-index", "--ignore-installed", "-q", str(wheel)])
    assert inst.returncode == 0, inst.stderr
    return env_dir


def _env() -> dict:
    env = {k: v for k, v in os.environ.items() if k not in ("PYTHONPATH", "MT_CONFIG_DIR")}
    env["HF_HUB_OFFLINE"] = "1"
    return env


def test_wheel_carries_configs_and_runs_check_on_the_bundled_article(installed, tmp_path):
    where = _run([str(installed / "bin" / "python"), "-c", "import mt, mt.config as c; print(mt.__file__); print(c.config_dir())"],
                 cwd=tmp_path, env=_env())
    assert where.returncode == 0, where.stderr
    module, configs = where.stdout.split()
    assert module.startswith(str(installed)) and configs.startswith(str(installed)), where.stdout
    assert not os.path.islink(configs) and os.path.isfile(os.path.join(configs, "segment.toml"))
    corpus = os.path.join(os.path.dirname(module), "corpora", "baoquocte-291854")
    run = _run([str(installed / "bin" / "mt"), "check", f"{corpus}/vi.txt", f"{corpus}/de.txt", "--segmented"],
               cwd=tmp_path, env=_env())
    assert run.returncode == 0, run.stderr
    findings = [json.loads(line) for line in run.stdout.splitlines()]
    assert sorted((f["type"], f["tgt"]) for f in findings if f["severity"] == "critical") == [("attribution", [2]), ("entity", [8])]


def test_wheel_report_uses_the_bundled_article(installed, tmp_path):
    run = _run([str(installed / "bin" / "mt"), "report", "-o", str(tmp_path / "r")], cwd=tmp_path, env=_env())
    assert run.returncode == 0, run.stderr
    assert (tmp_path / "r" / "index.html").exists() and "2 critical" in run.stderr
