"""Selection procedures compared on one score table: is leave-one-document-out held back by how a fold picks its setting?

`eval/align_cv.py --dump PREFIX` pickles every candidate setting's strict F1 on every document (PREFIX.MODE.pkl).
This script re-runs the leave-one-document-out choice on that table under several procedures, without aligning
anything again, and prints the held-out figure per corpus for each (every procedure sees only the nine training
documents of a fold; the one left out is only scored):

- corpus mean: mean over corpora of each corpus's mean F1 (what eval/align_cv.py ships);
- document mean: mean over all nine training documents (MAC then weighs 8 to 1);
- smoothed: the corpus mean averaged with the mean of the setting's grid neighbours (one step in one parameter):
  a broad optimum beats a narrow one;
- 1-SE consensus: the settings within one standard error (of the per-document differences) of the best tie;
  per parameter the value most of them share wins;
- mean rank: per document the settings are ranked, the mean over corpora of the ranks decides;
- least regret: the largest shortfall on any training document from that document's best setting decides.

    .venv/bin/python eval/align_cv.py --dump /tmp/cv     # writes /tmp/cv.none.pkl and /tmp/cv.mt.pkl (about 25 min)
    .venv/bin/python eval/align_select.py /tmp/cv        # the table, in seconds
"""
from __future__ import annotations

import argparse
import pickle
import sys
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))


def load(path: Path):
    d = pickle.loads(path.read_bytes())
    names = list(d["scores"][0])
    return d["cands"], np.array([[s[n] for n in names] for s in d["scores"]]), names, d["corpus"]


def weights(names, corpus, keep) -> np.ndarray:
    """Per-document weights of the corpus-mean objective over the kept documents."""
    w = np.zeros(len(names))
    kept = sorted({corpus[n] for k, n in enumerate(names) if keep[k]})
    for c in kept:
        idx = [k for k, n in enumerate(names) if corpus[n] == c and keep[k]]
        w[idx] = 1.0 / (len(idx) * len(kept))
    return w


def neighbours(cands: list[dict], grid: dict) -> list[list[int]]:
    keys = list(grid)
    index = {tuple(repr(c[k]) for k in keys): i for i, c in enumerate(cands)}
    out = []
    for c in cands:
        near = []
        for k in keys:
            p = grid[k].index(c[k])
            for q in (p - 1, p + 1):
                if 0 <= q < len(grid[k]):
                    key = tuple(repr(grid[k][q] if kk == k else c[kk]) for kk in keys)
                    if key in index:
                        near.append(index[key])
        out.append(near)
    return out


def choose(proc: str, cands, S, names, corpus, keep, near) -> int:
    w = weights(names, corpus, keep)
    o = S @ w
    if proc == "corpus mean":
        return int(np.argmax(o))
    if proc == "document mean":
        return int(np.argmax(S[:, keep].mean(axis=1)))
    if proc == "smoothed":
        return int(np.argmax([(o[i] + np.mean(o[nb])) / 2 if nb else o[i] for i, nb in enumerate(near)]))
    if proc == "mean rank":
        from scipy.stats import rankdata
        return int(np.argmax(np.column_stack([rankdata(S[:, d]) for d in range(S.shape[1])]) @ w))
    if proc == "least regret":
        regret = (S - S.max(axis=0, keepdims=True))[:, keep].min(axis=1)
        return int(np.argmax(regret + 1e-3 * o))
    if proc == "1-SE consensus":
        b = int(np.argmax(o))
        ww = w[keep] / w[keep].sum()
        diff = S[:, keep] - S[b, keep]
        mean = diff @ ww
        se = np.sqrt((((diff - mean[:, None]) ** 2) @ ww) / max(1.0, 1.0 / (ww ** 2).sum() - 1))
        tied = np.flatnonzero(mean >= -se)
        pick = {}
        for k in cands[0]:
            votes: dict[str, int] = {}
            for i in tied:
                votes[repr(cands[i][k])] = votes.get(repr(cands[i][k]), 0) + 1
            pick[k] = max(votes, key=votes.get)
        return int(max(tied, key=lambda i: (sum(repr(cands[i][k]) == pick[k] for k in pick), o[i])))
    raise ValueError(proc)


PROCEDURES = ("corpus mean", "document mean", "smoothed", "1-SE consensus", "mean rank", "least regret")


def main(prefix: str) -> None:
    from align_cv import GRID

    rows = ["| mode | procedure | " + " | ".join(("Text+Berg", "tb-A", "tb-B", "MAC")) + " |", "|---|---|---|---|---|---|"]
    for mode in ("none", "mt"):
        path = Path(f"{prefix}.{mode}.pkl")
        if not path.exists():
            continue
        cands, S, names, corpus = load(path)
        near = neighbours(cands, GRID[mode])
        for proc in PROCEDURES:
            held = {}
            for d, name in enumerate(names):
                keep = np.array([k != d for k in range(len(names))])
                held[name] = S[choose(proc, cands, S, names, corpus, keep, near), d]
            tb = [held[n] for n in names if corpus[n] == "textberg"]
            mac = [held[n] for n in names if corpus[n] == "mac"]
            rows.append(f"| {mode} | {proc} | {np.mean(tb):.3f} | {held.get('tb-A', float('nan')):.3f} | "
                        f"{held.get('tb-B', float('nan')):.3f} | {np.mean(mac):.3f} |")
    if len(rows) == 2:
        print(f"align_select: no {prefix}.none.pkl or {prefix}.mt.pkl (write them with eval/align_cv.py --dump {prefix})", file=sys.stderr)
        sys.exit(2)
    print("\n".join(rows))


if __name__ == "__main__":
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0], epilog=__doc__.split("\n\n", 2)[2],
                                 formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("prefix", help="the PREFIX given to eval/align_cv.py --dump")
    main(ap.parse_args().prefix)
