"""The sentence-embedding channel (`--embed`) with tiny random BERTs in the sentence-transformers layout."""
from __future__ import annotations

import dataclasses

import numpy as np
import pytest

from conftest import CORPUS, run_cli
from mt.align import align_documents
from mt.align.dp import WITHOUT_MT
from mt.align.embed import Embedder, load_embedder
from mt.io import read_lines
from mt.segment import segment_lines
from mt.testing import build_sentence_model

LINES = [x for x in read_lines(CORPUS / "de.txt") if x.strip()][:12]


@pytest.fixture(scope="module")
def model_dir(tmp_path_factory):
    return build_sentence_model(tmp_path_factory.mktemp("st") / "mean", LINES)


def _direct(path, texts, pooling):
    """Pooling computed here from the transformer's token vectors, as sentence-transformers defines it."""
    import torch
    from transformers import AutoModel, AutoTokenizer

    tok, model = AutoTokenizer.from_pretrained(str(path)), AutoModel.from_pretrained(str(path)).eval()
    out = []
    with torch.no_grad():
        for t in texts:
            enc = tok(t, return_tensors="pt")
            hidden = model(**enc).last_hidden_state[0]
            out.append(hidden.mean(0) if pooling == "mean" else hidden[0])
    return torch.stack(out)


def test_mean_pooling_matches_a_direct_computation(model_dir):
    texts = LINES[:5]
    got = Embedder(model_dir, batch_size=2).encode(texts)  # batches pad: the mask must keep pads out
    want = _direct(model_dir, texts, "mean")
    want = (want / want.norm(dim=-1, keepdim=True)).numpy()
    assert got.shape == want.shape and np.allclose(got, want, atol=1e-5)


def test_cls_pooling_with_a_tanh_dense_layer_as_labse(tmp_path):
    import torch
    from safetensors.torch import load_file

    path = build_sentence_model(tmp_path / "cls", LINES, pooling="cls_token", dense=True)
    got = Embedder(path).encode(LINES[:3])
    dense = load_file(str(path / "2_Dense" / "model.safetensors"))
    want = torch.tanh(_direct(path, LINES[:3], "cls") @ dense["linear.weight"].T + dense["linear.bias"])
    want = (want / want.norm(dim=-1, keepdim=True)).numpy()
    assert np.allclose(got, want, atol=1e-5)


def test_windows_embed_joined_sentences(model_dir):
    emb = Embedder(model_dir)
    win = emb.windows(LINES[:6], 3)
    assert set(win) == {1, 2, 3} and win[2].shape[0] == 7
    assert np.allclose(win[2][4], emb.encode([" ".join(LINES[2:4])])[0], atol=1e-5)
    assert np.allclose(win[1][1:], emb.encode(LINES[:6]), atol=1e-5)


def test_identical_texts_align_one_to_one_on_embeddings_alone(model_dir):
    """Only the embedding channel scores (n-gram channel weight 0): the same text on both sides aligns 1-1,
    and a sentence missing on one side becomes a 1-0 bead."""
    src = segment_lines(LINES, "de", True)
    tgt = segment_lines(LINES[:5] + LINES[6:], "de", True)
    params = dataclasses.replace(WITHOUT_MT, direct_weight=0.0, induce_top=0.0, embed_weight=1.0)
    emb = Embedder(model_dir)
    same = align_documents(src, src, params=params, embedder=emb)
    assert [(b.src, b.tgt) for b in same.beads] == [((i,), (i,)) for i in range(len(LINES))]
    gap = align_documents(src, tgt, params=params, embedder=emb)
    assert ((5,), ()) in [(b.src, b.tgt) for b in gap.beads]


def test_cli_embed_end_to_end_and_missing_model(model_dir, tmp_path, capsys):
    doc = tmp_path / "a.txt"
    doc.write_text("\n".join(LINES) + "\n", encoding="utf-8")
    code, out, err = run_cli(["align", str(doc), str(doc), "--src-lang", "de", "--tgt-lang", "de", "--segmented",
                              "--embed", str(model_dir)], capsys)
    assert code == 0, err
    assert out.splitlines() == [f"[{i}]:[{i}]" for i in range(len(LINES))]
    load_embedder.cache_clear()
    code, out, err = run_cli(["align", str(doc), str(doc), "--src-lang", "de", "--tgt-lang", "de", "--segmented",
                              "--embed", str(tmp_path / "nowhere" / "model")], capsys)
    assert code == 2 and len(err.strip().splitlines()) == 1 and "Traceback" not in err


def test_an_alias_not_in_the_cache_says_how_to_get_it(monkeypatch):
    from mt.align.embed import resolve
    from mt.types import MtError

    import importlib

    models = importlib.import_module("mt.translate.models")  # `mt.translate` is the API function

    monkeypatch.setattr(models, "cached_hub_path", lambda model_id: None)  # as on a machine without the model
    with pytest.raises(MtError, match="mt models pull labse"):
        resolve("labse")
