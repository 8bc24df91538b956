"""Suggestions: quality on the hand-coded evaluation set, and speed per article.

Run: python bench/bench_suggest.py   (prints figures; no timed assertions)

Quality: precision, recall and F1 per category on tests/data/suggest_eval.yaml, the
development texts and the held-out texts apart (goals: Source recall >= 0.85 and precision
>= 0.75 with an overlap of at least one word; Attribution phrase recall >= 0.9), and the
four sources of the seed article. Speed: one 5,000-character article (goal < 50 ms) and
10,000 articles (goal < 60 s), beside the raw work of one regular-expression pass over the
folded text looking for the same cue words (the least any cue finder does).
"""

from __future__ import annotations

import re
import statistics
import sys
import time
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from annotator.core.suggest import Memory, suggest_text  # noqa: E402
from annotator.core.suggest.evaluate import Span, score  # noqa: E402
from annotator.core.suggest.lexicon import default_lexicon  # noqa: E402
from annotator.core.text import fold  # noqa: E402

DATA = ROOT / "tests" / "data" / "suggest_eval.yaml"
SEED = ROOT / "annotator" / "resources" / "sample" / "000_cbfbf9d43873636c.txt"


def quality(items: list[dict]) -> dict:
    pred, gold, texts = [], [], {}
    for item in items:
        t = item["text"]
        texts[item["id"]] = t
        for g in item["gold"]:
            pos = -1
            for _ in range(g[2] if len(g) > 2 else 1):
                pos = t.find(g[1], pos + 1)
            gold.append(Span(item["id"], g[0], pos, pos + len(g[1])))
        pred += [Span(item["id"], s.category, s.start, s.end)
                 for s in suggest_text(t) if s.category != "claim"]
    return {c: sc.as_dict() for c, sc in score(pred, gold, texts).items()}


def show_quality(name: str, items: list[dict]) -> None:
    r = quality(items)
    print(f"{name}: {len(items)} texts")
    for cat in ("source", "attribution"):
        d = r[cat]
        o, e = d["overlap"], d["exact"]
        print(f"  {cat:<12} suggested {d['suggested']:>3} coded {d['coded']:>3}   overlap "
              f"P {o['precision']:.3f} R {o['recall']:.3f} F1 {o['f1']:.3f}   exact "
              f"P {e['precision']:.3f} R {e['recall']:.3f} F1 {e['f1']:.3f}")


def raw_cue_pass(texts: list[str]) -> float:
    forms = sorted({" ".join(c.words) for cues in default_lexicon().cues.values()
                    for c in cues}, key=len, reverse=True)
    pat = re.compile(r"(?<!\w)[وف]?(?:" + "|".join(map(re.escape, forms)) + r")")
    t0 = time.perf_counter()
    n = 0
    for t in texts:
        n += sum(1 for _ in pat.finditer(fold(t)))
    return time.perf_counter() - t0


def article(chars: int) -> str:
    seed = SEED.read_text(encoding="utf-8")
    return (seed * (chars // len(seed) + 1))[:chars]


def main() -> None:
    data = yaml.safe_load(DATA.read_text(encoding="utf-8"))
    show_quality("development set", data["texts"])
    show_quality("held-out set", data["heldout"])
    seed = SEED.read_text(encoding="utf-8")
    srcs = [s.quote for s in suggest_text(seed) if s.category == "source"]
    print(f"seed article: {len(srcs)} sources proposed: " + " | ".join(srcs))

    a5 = article(5000)
    suggest_text(a5)  # warm the lexicon cache
    times = []
    for _ in range(30):
        t0 = time.perf_counter()
        suggest_text(a5)
        times.append(time.perf_counter() - t0)
    med = statistics.median(times)
    raw = min(raw_cue_pass([a5]) for _ in range(10))
    print(f"\none 5,000-character article: median {med * 1000:.1f} ms "
          f"(goal < 50 ms); raw cue regex {raw * 1000:.2f} ms; ratio {med / raw:.1f}x")

    mem = Memory.learn([("source", q, {"type": "arab_media", "named": True})
                        for q in ("صحيفة المدى", "قناة الفرات", "وكالة شفق نيوز")] +
                       [("attribution", "لفت", {"stance": "neutral"})])
    base = seed.split("\n")
    docs = []
    for i in range(10_000):  # varied articles: the seed's paragraphs rotated, ~3,000 chars
        k = i % len(base)
        docs.append("\n".join(base[k:] + base[:k]))
    t0, c0 = time.perf_counter(), time.process_time()
    n = 0
    for d in docs:
        n += len(suggest_text(d, memory=mem))
    total, cpu = time.perf_counter() - t0, time.process_time() - c0
    raw = raw_cue_pass(docs)
    # CPU time beside wall time: on a shared machine the wall clock counts others' work
    print(f"10,000 articles of {len(docs[0]):,} characters with project memory: "
          f"{total:.1f} s wall, {cpu:.1f} s CPU (goal < 60 s), {n:,} suggestions; raw cue "
          f"regex {raw:.1f} s; ratio {total / raw:.1f}x")


if __name__ == "__main__":
    main()
