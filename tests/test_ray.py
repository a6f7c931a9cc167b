"""The Ray engine: a local Ray instance, an actor pool with the tiny model, same output as one process."""
from __future__ import annotations

import pytest

from conftest import EXAMPLE_CASES, TRAIN_PAIRS, run_cli

ray = pytest.importorskip("ray", reason="Ray is an optional extra: pip install -e '.[ray]'")


@pytest.fixture(scope="module")
def local_ray():
    ray.init(num_cpus=2, include_dashboard=False, log_to_driver=False, configure_logging=False)
    yield
    ray.shutdown()


def test_ray_translation_equals_single_process(local_ray, tiny_model, tmp_path, capsys):
    lines = [s for s, _ in TRAIN_PAIRS] * 40 + [f"Hai bên thảo luận về {i} người." for i in range(150)] + ["", "Nga."]
    inp = tmp_path / "in.txt"
    inp.write_text("\n".join(lines) + "\n", encoding="utf-8")
    common = ["translate", str(inp), "--src", "vi", "--tgt", "de", "--model", str(tiny_model), "--beam", "1", "--max-length", "64", "--no-cache"]
    code, _, err = run_cli(common + ["-o", str(tmp_path / "one.txt")], capsys)
    assert code == 0, err
    code, _, err = run_cli(common + ["--engine", "ray", "--actors", "2", "-o", str(tmp_path / "ray.txt")], capsys)
    assert code == 0, err
    one = (tmp_path / "one.txt").read_text(encoding="utf-8").splitlines()
    assert len(one) == len(lines) == len((tmp_path / "ray.txt").read_text(encoding="utf-8").splitlines())
    assert (tmp_path / "ray.txt").read_text(encoding="utf-8") == (tmp_path / "one.txt").read_text(encoding="utf-8")
    assert one[0] == TRAIN_PAIRS[0][1] and one[-2] == ""


def test_ray_batch_check_equals_local(local_ray, tmp_path, capsys):
    code, local, err = run_cli(["check", "--batch", str(EXAMPLE_CASES)], capsys)
    assert code == 0, err
    code, distributed, err = run_cli(["check", "--batch", str(EXAMPLE_CASES), "--engine", "ray"], capsys)
    assert code == 0, err
    assert local == distributed and local.strip()


def test_ray_missing_is_a_clear_error(monkeypatch, tmp_path, capsys):
    import builtins

    real_import = builtins.__import__

    def no_ray(name, *args, **kwargs):
        if name == "ray" or name.startswith("ray."):
            raise ImportError("no ray")
        return real_import(name, *args, **kwargs)

    monkeypatch.setattr(builtins, "__import__", no_ray)
    code, _, err = run_cli(["check", "--batch", str(EXAMPLE_CASES), "--engine", "ray"], capsys)
    assert code == 2 and "pip install" in err
