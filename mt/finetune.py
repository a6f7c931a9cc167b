"""Fine-tune a MarianMT checkpoint on an `mt export` dataset (plain PyTorch loop), with BLEU and
chrF (sacrebleu) on the validation split before and after. The result is a Marian checkpoint in
OPUS-MT layout that `mt translate --model OUTDIR` loads."""
from __future__ import annotations

import json
import math
import shutil
from dataclasses import dataclass
from pathlib import Path
from typing import Callable

from .io import atomic_directory, refuse_nonempty_dir
from .types import MtError

TOKENIZER_FILES = ("source.spm", "target.spm", "vocab.json", "tokenizer_config.json", "special_tokens_map.json")


@dataclass
class FinetuneOptions:
    epochs: int = 3
    lr: float = 5e-5
    batch_size: int = 16
    max_steps: int | None = None
    seed: int = 0


def guard_marian_training(model) -> None:
    """Keep a Marian model trainable without drifting from what is saved and converted.

    - The sinusoidal position tables are not saved with the weights: they stay fixed.
    - The decoder starts from the <pad> embedding, which OPUS-MT keeps at zero and CTranslate2
      replaces by zeros; the tied output projection would otherwise train that row.
    """
    import torch

    for name, param in model.named_parameters():
        if "embed_positions" in name:
            param.requires_grad_(False)
    emb = model.get_input_embeddings().weight
    pad = torch.tensor([model.config.pad_token_id])
    emb.register_hook(lambda grad: grad.index_fill(0, pad, 0.0))


def evaluate(model, tokenizer, pairs: list[tuple[str, str]], batch_size: int = 16) -> dict[str, float]:
    import torch
    from sacrebleu.metrics import BLEU, CHRF

    if not pairs:
        return {"bleu": float("nan"), "chrf": float("nan"), "n": 0}
    model.eval()
    hyps = []
    for k in range(0, len(pairs), batch_size):
        batch = tokenizer([s for s, _ in pairs[k:k + batch_size]], return_tensors="pt", padding=True, truncation=True)
        limit = int(1.5 * batch["input_ids"].shape[1]) + 10  # an untrained model would babble to the cap
        with torch.inference_mode():
            out = model.generate(**batch, num_beams=1, do_sample=False, max_new_tokens=min(512, limit))
        hyps += [t.strip() for t in tokenizer.batch_decode(out, skip_special_tokens=True)]
    refs = [[t for _, t in pairs]]
    return {"bleu": BLEU().corpus_score(hyps, refs).score, "chrf": CHRF().corpus_score(hyps, refs).score, "n": len(pairs)}


def finetune(model: str, data_dir: str | Path, out_dir: str | Path, opts: FinetuneOptions, force: bool = False,
             progress: Callable[[int], None] | None = None, log: Callable[[str], None] = print) -> dict:
    import torch
    from datasets import load_from_disk
    from transformers import MarianMTModel, MarianTokenizer
    from transformers.utils import logging as hf_logging

    from .translate.models import check_pair, resolve

    hf_logging.set_verbosity_error()
    hf_logging.disable_progress_bar()
    data_dir, out = Path(data_dir), Path(out_dir)
    meta_path = data_dir / "export.json"
    if not (data_dir / "hf").is_dir() or not meta_path.exists():
        raise MtError(f"{data_dir}: not an `mt export` directory (hf/ and export.json expected)")
    refuse_nonempty_dir(out, force, inputs=[data_dir, model])
    meta = json.loads(meta_path.read_text())
    src_lang, tgt_lang = meta["src_lang"], meta["tgt_lang"]
    resolved = resolve(src_lang, tgt_lang, model)
    check_pair(resolved, src_lang, tgt_lang)  # as for translation: a vi→de model is not trained on de→en pairs
    if resolved.format != "marian":
        raise MtError(f"{resolved.path}: fine-tuning needs a Marian checkpoint, not a CTranslate2 model")
    ds = load_from_disk(str(data_dir / "hf"))
    train = [(r[src_lang], r[tgt_lang]) for r in ds["train"]["translation"]]
    dev = [(r[src_lang], r[tgt_lang]) for r in ds["validation"]["translation"]]
    if not train:
        raise MtError(f"{data_dir}: the train split is empty")
    dev_name = "validation"
    if not dev:
        dev, dev_name = train, "train (validation split is empty)"
    torch.manual_seed(opts.seed)
    tok = MarianTokenizer.from_pretrained(str(resolved.path))
    net = MarianMTModel.from_pretrained(str(resolved.path))
    before = evaluate(net, tok, dev, opts.batch_size)
    log(f"before: BLEU {before['bleu']:.1f} chrF {before['chrf']:.1f} on {dev_name} ({before['n']} pairs)")
    guard_marian_training(net)
    optim = torch.optim.AdamW([p for p in net.parameters() if p.requires_grad], lr=opts.lr)
    steps_per_epoch = math.ceil(len(train) / opts.batch_size)
    total = opts.max_steps or opts.epochs * steps_per_epoch
    gen = torch.Generator().manual_seed(opts.seed)
    step, loss_value = 0, float("nan")
    net.train()
    while step < total:
        order = torch.randperm(len(train), generator=gen).tolist()
        for k in range(0, len(order), opts.batch_size):
            if step >= total:
                break
            chunk = [train[i] for i in order[k:k + opts.batch_size]]
            batch = tok([s for s, _ in chunk], text_target=[t for _, t in chunk], return_tensors="pt", padding=True, truncation=True)
            batch["labels"][batch["labels"] == tok.pad_token_id] = -100
            loss = net(**batch).loss
            loss.backward()
            optim.step()
            optim.zero_grad()
            loss_value = float(loss.detach())
            step += 1
            if progress:
                progress(1)
    after = evaluate(net, tok, dev, opts.batch_size)
    log(f"after:  BLEU {after['bleu']:.1f} chrF {after['chrf']:.1f} on {dev_name} ({after['n']} pairs), {step} steps, last loss {loss_value:.4f}")
    metrics = {"steps": step, "final_loss": loss_value, "dev": dev_name, "before": before, "after": after,
               "model": resolved.model_id, "data": str(data_dir)}
    with atomic_directory(out) as tmp:
        net.save_pretrained(tmp)
        for name in TOKENIZER_FILES:
            if (resolved.path / name).exists():
                shutil.copy2(resolved.path / name, tmp / name)
        (tmp / "finetune_metrics.json").write_text(json.dumps(metrics, indent=1))
    return metrics
