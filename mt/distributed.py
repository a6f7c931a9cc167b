"""Running the same jobs on Ray Data: documents or lines in, an actor pool holding one loaded
model each, results in input order.

Local by default (`ray.init(num_cpus=...)`); `address` joins an existing cluster ("auto" or
"ray://head:10001"). Translation is resumable: every actor writes finished batches to the
translation cache, and the driver sends only what the cache does not hold.
"""
from __future__ import annotations

import contextlib
import pickle
from collections import Counter
from typing import Any, Callable, Iterator, Sequence

from .types import MtError, clean_text


def _ray():
    try:
        import ray
        import ray.data  # noqa: F401
    except ImportError:
        raise MtError("--engine ray needs Ray: pip install -e '.[ray]' (or pip install 'ray[data]')") from None
    return ray


@contextlib.contextmanager
def ray_session(address: str | None = None, num_cpus: int | None = None) -> Iterator[Any]:
    ray = _ray()
    started = False
    if not ray.is_initialized():
        kwargs: dict[str, Any] = {"include_dashboard": False, "log_to_driver": False, "configure_logging": False}
        if address:
            kwargs["address"] = address
        elif num_cpus:
            kwargs["num_cpus"] = num_cpus
        ray.init(**kwargs)
        started = True
    ctx = ray.data.DataContext.get_current()
    ctx.enable_progress_bars = False
    try:
        yield ray
    finally:
        if started:
            ray.shutdown()


class _TranslatorActor:
    """One loaded model per actor; batches of {"idx", "text"} rows get a "translation" column."""

    def __init__(self, src: str, tgt: str, model: str | None, backend: str | None, options, compute_type: str | None, cache: bool):
        from .translate import open_translator

        self.translator = open_translator(src, tgt, model=model, backend=backend, options=options, compute_type=compute_type, cache=cache)

    def __call__(self, batch: dict) -> dict:
        texts = [str(t) for t in batch["text"]]
        batch["translation"] = self.translator.translate(texts)
        return batch


def translate_lines(lines: Sequence[str], src: str, tgt: str, model: str | None = None, backend: str | None = None,
                    options=None, compute_type: str | None = None, actors: int = 2, gpus_per_actor: float = 0.0,
                    address: str | None = None, cache: bool = True, progress: Callable[[int], None] | None = None) -> list[str]:
    """Translate lines on a Ray actor pool; the output equals the single-process output line for line."""
    from .translate import DecodeOptions, open_translator

    options = options or DecodeOptions()
    cleaned = [clean_text(t) for t in lines]
    counts = Counter(cleaned)
    done: dict[str, str] = {}
    if cache:
        # the driver resolves the model once, to know the cache namespace, and reads what is finished
        probe = open_translator(src, tgt, model=model, backend=backend, options=options, compute_type=compute_type, cache=True)
        done = probe.cached(counts)
    todo = sorted((t for t in counts if t and t not in done), key=len, reverse=True)
    if progress:
        progress(sum(n for t, n in counts.items() if not t or t in done))
    if todo:
        with ray_session(address, num_cpus=max(1, actors) if not address else None) as ray:
            ds = ray.data.from_items([{"idx": k, "text": t} for k, t in enumerate(todo)])
            out = ds.map_batches(
                _TranslatorActor,
                fn_constructor_kwargs={"src": src, "tgt": tgt, "model": model, "backend": backend, "options": options,
                                       "compute_type": compute_type, "cache": cache},
                batch_size=max(1, options.batch_size) * 4,
                compute=ray.data.ActorPoolStrategy(size=max(1, actors)),
                num_gpus=gpus_per_actor or None,
                num_cpus=1,
                batch_format="numpy",
            )
            for batch in out.iter_batches(batch_size=256, batch_format="numpy"):
                for t, o in zip(batch["text"], batch["translation"]):
                    done[str(t)] = str(o)
                if progress:
                    progress(sum(counts[str(t)] for t in batch["text"]))
    return [done[t] if t else "" for t in cleaned]


def map_documents(fn: Callable[[Any], Any], docs: Sequence[Any], actors: int = 2, address: str | None = None,
                  progress: Callable[[int], None] | None = None) -> list[Any]:
    """Apply a picklable function to every document on Ray Data; results in input order."""
    if not docs:
        return []
    with ray_session(address, num_cpus=max(1, actors) if not address else None) as ray:
        payload = pickle.dumps(fn)

        def run(row: dict) -> dict:
            func = pickle.loads(row["fn"])
            return {"idx": row["idx"], "result": pickle.dumps(func(pickle.loads(row["doc"])))}

        ds = ray.data.from_items([{"idx": k, "doc": pickle.dumps(d), "fn": payload} for k, d in enumerate(docs)])
        results: dict[int, Any] = {}
        for row in ds.map(run, num_cpus=1).iter_rows():
            results[int(row["idx"])] = pickle.loads(row["result"])
            if progress:
                progress(1)
    return [results[k] for k in range(len(docs))]
