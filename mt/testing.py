"""Test material made at run time, for tests, benchmarks and eval/: small MarianMT checkpoints in
the real OPUS-MT layout, and synthetic document pairs with a known alignment.

The layout is what `Helsinki-NLP/opus-mt-*` ships: `source.spm`, `target.spm`, a joint
`vocab.json` with `</s>` = 0, `<unk>` = 1 and `<pad>` last, `config.json`, weights and
`tokenizer_config.json`. Checkpoints made here load through `mt.translate.resolve`, exactly
like downloaded ones. Training (`train_pairs`) is a plain loop: a few hundred steps make a
tiny model reproduce its training pairs, which proves real decoding end to end.
`build_sentence_model` writes a random BERT in the sentence-transformers layout for `--embed`.
"""
from __future__ import annotations

import io
import json
import random
from pathlib import Path
from typing import Iterable, Sequence

from .types import BeadPair


def train_spm(lines: Iterable[str], vocab_size: int) -> bytes:
    import sentencepiece as spm

    buf = io.BytesIO()
    spm.SentencePieceTrainer.train(
        sentence_iterator=iter([line for line in lines if line.strip()]),
        model_writer=buf,
        vocab_size=vocab_size,
        model_type="unigram",
        character_coverage=1.0,
        hard_vocab_limit=False,
        bos_id=-1,
        eos_id=2,
        unk_id=1,
        pad_id=-1,
        minloglevel=2,
    )
    return buf.getvalue()


def _pieces(model: bytes) -> list[str]:
    import sentencepiece as spm

    sp = spm.SentencePieceProcessor(model_proto=model)
    return [sp.id_to_piece(i) for i in range(sp.get_piece_size())]


def build_marian(
    out_dir: Path,
    src_lines: Sequence[str],
    tgt_lines: Sequence[str],
    src_lang: str = "vi",
    tgt_lang: str = "de",
    spm_vocab: int = 200,
    d_model: int = 64,
    layers: int = 2,
    heads: int = 4,
    ffn: int = 128,
    max_positions: int = 256,
    seed: int = 0,
    vocab_pieces: Sequence[str] | None = None,
) -> Path:
    """Write an untrained MarianMT checkpoint in OPUS-MT layout; returns `out_dir`."""
    import torch
    from transformers import MarianConfig, MarianMTModel

    out_dir = Path(out_dir)
    out_dir.mkdir(parents=True, exist_ok=True)
    src_model = train_spm(src_lines, spm_vocab)
    tgt_model = train_spm(tgt_lines, spm_vocab)
    (out_dir / "source.spm").write_bytes(src_model)
    (out_dir / "target.spm").write_bytes(tgt_model)
    vocab: dict[str, int] = {"</s>": 0, "<unk>": 1}
    for piece in list(_pieces(src_model)) + list(_pieces(tgt_model)) + list(vocab_pieces or []):
        if piece not in vocab and piece not in ("<s>", "<pad>"):
            vocab[piece] = len(vocab)
    vocab["<pad>"] = len(vocab)  # OPUS-MT: the pad token is the last id
    (out_dir / "vocab.json").write_text(json.dumps(vocab, ensure_ascii=False, indent=1))
    pad = vocab["<pad>"]
    config = MarianConfig(
        vocab_size=len(vocab),
        decoder_vocab_size=len(vocab),
        d_model=d_model,
        encoder_layers=layers,
        decoder_layers=layers,
        encoder_attention_heads=heads,
        decoder_attention_heads=heads,
        encoder_ffn_dim=ffn,
        decoder_ffn_dim=ffn,
        max_position_embeddings=max_positions,
        pad_token_id=pad,
        decoder_start_token_id=pad,
        eos_token_id=0,
        forced_eos_token_id=0,
        scale_embedding=True,
        share_encoder_decoder_embeddings=True,
        activation_function="swish",
        dropout=0.0,
    )
    torch.manual_seed(seed)
    model = MarianMTModel(config)
    with torch.no_grad():
        # OPUS-MT decoders start from the <pad> embedding, which is all zeros there (and
        # CTranslate2 relies on it); nn.Embedding's padding_idx keeps it at zero in training.
        model.get_input_embeddings().weight[pad].zero_()
    model.save_pretrained(out_dir)
    (out_dir / "tokenizer_config.json").write_text(
        json.dumps({"source_lang": src_lang, "target_lang": tgt_lang, "model_max_length": max_positions, "tokenizer_class": "MarianTokenizer"})
    )
    return out_dir


def train_pairs(model_dir: Path, pairs: Sequence[tuple[str, str]], steps: int = 300, lr: float = 3e-3, seed: int = 0) -> float:
    """Train the checkpoint in place on `pairs` (all in one batch); returns the final loss."""
    import torch
    from transformers import MarianMTModel, MarianTokenizer

    from .finetune import guard_marian_training

    torch.manual_seed(seed)
    tok = MarianTokenizer.from_pretrained(str(model_dir))
    model = MarianMTModel.from_pretrained(str(model_dir))
    guard_marian_training(model)
    model.train()
    batch = tok([s for s, _ in pairs], text_target=[t for _, t in pairs], return_tensors="pt", padding=True)
    batch["labels"][batch["labels"] == tok.pad_token_id] = -100
    opt = torch.optim.AdamW(model.parameters(), lr=lr)
    loss_value = float("nan")
    for _ in range(steps):
        loss = model(**batch).loss
        loss.backward()
        opt.step()
        opt.zero_grad()
        loss_value = float(loss.detach())
    model.eval()
    model.save_pretrained(model_dir)
    return loss_value


def synthetic_pair(n: int, seed: int = 0) -> tuple[list[str], list[str], list[BeadPair]]:
    """Target = source sentences in another vocabulary (no shared strings but names and numbers),
    some merged, some dropped: known gold."""
    rng = random.Random(seed)
    words = "alpha beta gamma delta epsilon zeta eta theta iota kappa lambda mu".split()
    other = dict(zip(words, "rot grün blau gelb schwarz weiss braun grau rosa lila orange silber".split()))

    def translate(sentence: str) -> str:
        return " ".join(other.get(w, w) for w in sentence.split()).upper()

    src, tgt, gold = [], [], []
    i = 0
    while i < n:
        sent = " ".join(rng.choice(words) for _ in range(rng.randint(4, 14))) + f" Nr{i} {rng.randint(10, 9999)}."
        src.append(sent)
        roll = rng.random()
        if roll < 0.08 and i + 1 < n:
            nxt = " ".join(rng.choice(words) for _ in range(rng.randint(4, 10))) + f" Nr{i + 1}."
            src.append(nxt)
            tgt.append(translate(sent) + " " + translate(nxt))
            gold.append(((i, i + 1), (len(tgt) - 1,)))
            i += 2
            continue
        if roll < 0.12:
            gold.append(((i,), ()))
        else:
            tgt.append(translate(sent))
            gold.append(((i,), (len(tgt) - 1,)))
        i += 1
    return src, tgt, gold


def build_sentence_model(out_dir: Path, texts: Sequence[str], dim: int = 32, layers: int = 2, heads: int = 2,
                         pooling: str = "mean_tokens", dense: bool = False, seed: int = 0) -> Path:
    """Write a randomly initialised BERT in the sentence-transformers layout (modules.json, 1_Pooling,
    optional 2_Dense with tanh as LaBSE has, Normalize), with a WordPiece vocabulary of the words and
    characters of `texts`; returns `out_dir`."""
    import torch
    from transformers import BertConfig, BertModel, BertTokenizer

    out_dir = Path(out_dir)
    out_dir.mkdir(parents=True, exist_ok=True)
    words = sorted({w.lower() for t in texts for w in t.split()} | {c.lower() for t in texts for c in t if not c.isspace()})
    vocab = ["[PAD]", "[UNK]", "[CLS]", "[SEP]", "[MASK]"] + words + ["##" + c for c in sorted({c.lower() for t in texts for c in t if not c.isspace()})]
    (out_dir / "vocab.txt").write_text("\n".join(vocab) + "\n", encoding="utf-8")
    BertTokenizer(str(out_dir / "vocab.txt"), do_lower_case=True).save_pretrained(out_dir)
    torch.manual_seed(seed)
    config = BertConfig(vocab_size=len(vocab), hidden_size=dim, num_hidden_layers=layers, num_attention_heads=heads,
                        intermediate_size=2 * dim, max_position_embeddings=128)
    BertModel(config).save_pretrained(out_dir)
    modules = [{"idx": 0, "name": "0", "path": "", "type": "sentence_transformers.models.Transformer"},
               {"idx": 1, "name": "1", "path": "1_Pooling", "type": "sentence_transformers.models.Pooling"}]
    (out_dir / "1_Pooling").mkdir(exist_ok=True)
    (out_dir / "1_Pooling" / "config.json").write_text(json.dumps(
        {"word_embedding_dimension": dim, **{f"pooling_mode_{m}": m == pooling for m in ("cls_token", "mean_tokens", "max_tokens", "mean_sqrt_len_tokens")}}))
    if dense:
        from safetensors.torch import save_file

        (out_dir / "2_Dense").mkdir(exist_ok=True)
        (out_dir / "2_Dense" / "config.json").write_text(json.dumps(
            {"in_features": dim, "out_features": dim, "bias": True, "activation_function": "torch.nn.modules.activation.Tanh"}))
        save_file({"linear.weight": torch.randn(dim, dim) / dim ** 0.5, "linear.bias": torch.zeros(dim)}, str(out_dir / "2_Dense" / "model.safetensors"))
        modules.append({"idx": 2, "name": "2", "path": "2_Dense", "type": "sentence_transformers.models.Dense"})
    modules.append({"idx": len(modules), "name": str(len(modules)), "path": f"{len(modules)}_Normalize", "type": "sentence_transformers.models.Normalize"})
    (out_dir / "modules.json").write_text(json.dumps(modules, indent=1))
    (out_dir / "sentence_bert_config.json").write_text(json.dumps({"max_seq_length": 128, "do_lower_case": False}))
    return out_dir
