"""transformers backend (PyTorch). Imported only when this backend is used."""
from __future__ import annotations

from .base import DecodeOptions, Translator
from .models import ResolvedModel


class HFTranslator(Translator):
    backend = "hf"

    def __init__(self, resolved: ResolvedModel, src: str, tgt: str, options: DecodeOptions):
        super().__init__(options)
        import torch
        from transformers import AutoModelForSeq2SeqLM, AutoTokenizer
        from transformers.utils import logging as hf_logging

        hf_logging.set_verbosity_error()
        self._torch = torch
        self.model_id, self.src_lang, self.tgt_lang = resolved.model_id, src, tgt
        if options.device == "auto":
            self.device = "cuda" if torch.cuda.is_available() else "cpu"
        elif options.device == "cuda" and not torch.cuda.is_available():
            from ..types import MtError

            raise MtError("--device cuda: PyTorch sees no CUDA device here; use --device cpu (or auto)")
        else:
            self.device = options.device
        self.tokenizer = AutoTokenizer.from_pretrained(str(resolved.path), source_lang=src, target_lang=tgt)
        hf_logging.disable_progress_bar()  # our own progress bar is the one on stderr
        self.model = AutoModelForSeq2SeqLM.from_pretrained(str(resolved.path)).to(self.device).eval()

    def count_tokens(self, text: str) -> int:
        return len(self.tokenizer(text)["input_ids"])

    @property
    def decoder_positions(self) -> int:
        return getattr(self.model.config, "max_position_embeddings", 512)

    @property
    def max_input_tokens(self) -> int:
        limits = [self.decoder_positions, self.tokenizer.model_max_length]
        return max(8, min(x for x in limits if isinstance(x, int) and x > 0))

    def _translate_batch(self, texts: list[str]) -> list[str]:
        torch = self._torch
        batch = self.tokenizer(texts, return_tensors="pt", padding=True).to(self.device)
        with torch.inference_mode():
            out = self.model.generate(
                **batch,
                num_beams=self.options.beam,
                do_sample=False,
                max_new_tokens=self.max_output_tokens,
                min_new_tokens=self.options.min_length or None,
            )
        return [t.strip() for t in self.tokenizer.batch_decode(out, skip_special_tokens=True)]
