"""Claim values measured against a hand-annotated gold set, and the speed of the whole extract stage.

Usage::

    python benchmarks/claims.py [--gold FILE] [--polnear FILE] [--runs N] [--big-words N]
                                [--big-doc-words N] [--no-speed] [--errors OUT.jsonl]

The gold set is ``benchmarks/data/claims-gold.jsonl``. It holds offsets only, and
``benchmarks/data/README.md`` gives the annotation and normalisation rules. The article texts come from the
PolNeAR dev file: ``--polnear``, else ``$NEWSDIFF_POLNEAR``, else ``../shared/data/polnear-dev/dev.jsonl`` next to
the repository. Each record goes through the public API,
``newsdiff.extract(newsdiff.Article.from_dict(record), pm=newsdiff.get_plugin_manager(third_party=False))``.
Scoring uses every value of every claim, with duplicates (same span, same kind) counted once.

Scoring
-------
Gold kinds fall into three families: numeric (number, ordinal, percent, money, measure), date and list.
Predicted values of any other kind (person, place, organisation, name, ...) are not scored.

* **found**: a predicted value and a gold value match when their spans overlap and they are in the same
  family. Within each family and article, pairs are matched one to one, greedily, largest overlap first.
  Precision is matched predictions / predictions, recall is matched gold values / gold values, and F1 is
  their harmonic mean. Per-kind rows use the gold kind for recall and the predicted kind for precision.
* **kind accuracy**: for matched numeric pairs, the share where the predicted kind equals the gold kind.
* **normalised**: a matched pair whose value is also right. For numeric kinds, ``low`` and ``high`` must each
  agree within 1e-6 relative. ``None``, ``-inf`` and ``inf`` mean unbounded on that side, and an unbounded
  predicted ``low`` counts as equal to a gold ``low`` of 0 when the gold ``high`` is not 0. For dates, ``norm``
  must be equal. For lists, the member sets must be equal, ignoring case, spacing and full stops
  ("John D Podesta" is "John D. Podesta"). The table
  shows normalised precision, recall and F1 (normalised matches over predictions and over gold values), and
  the share of matches that are normalised right.
* **unit accuracy**: for matched numeric pairs whose gold ``unit`` is set, excluding percentages. The
  comparison ignores case and a plural "s". A multi-word predicted unit also counts when its last word is the
  gold unit ("bentley car" for "car").

Speed
-----
All 84 dev articles go through the whole extract stage (``newsdiff.extract``: reading, quotes and claims), and
the best of ``--runs`` passes is reported. The same is then done for a large generated input: the dev texts
joined into articles of about ``--big-doc-words`` words, repeated up to ``--big-words`` words in total. Words
are white-space separated tokens. A last line times the claim extractor alone on the dev articles, already read
and with their quotes found (its share of the stage). Peak memory is tracemalloc's peak over one separate, untimed pass (tracing
slows the code down), and ``ru_maxrss`` is the process's peak resident set. The goal in issue 5 is at least
200,000 words per second on one core. The benchmark prints against it and never fails on a time.

``--errors FILE`` writes one JSON line per missed gold value, false alarm or wrong normalisation. Each line
has the article id, offsets, kinds, gold and predicted values, and the value's own words (a few words, never
more of the article).
"""

from __future__ import annotations

import argparse
import gc
import json
import math
import os
import resource
import sys
import time
import tracemalloc
from collections import Counter, defaultdict
from pathlib import Path

import newsdiff
from newsdiff.memo import clear_memos

REPO = Path(__file__).resolve().parent.parent
DEFAULT_GOLD = REPO / "benchmarks" / "data" / "claims-gold.jsonl"
DEFAULT_POLNEAR = REPO.parent / "shared" / "data" / "polnear-dev" / "dev.jsonl"

NUMERIC = ("number", "ordinal", "percent", "money", "measure")
KINDS = NUMERIC + ("date", "list")
FAMILY = {**{k: "numeric" for k in NUMERIC}, "date": "date", "list": "list"}
GOAL_WPS = 200_000
REL_TOL = 1e-6


# --------------------------------------------------------------------------- input


def polnear_path(arg: str | None) -> Path:
    if arg:
        return Path(arg)
    env = os.environ.get("NEWSDIFF_POLNEAR")
    return Path(env) if env else DEFAULT_POLNEAR


def read_polnear(path: Path) -> dict[str, dict]:
    if not path.is_file():
        sys.exit(
            f"claims benchmark: PolNeAR dev file not found at {path}.\n"
            "Set NEWSDIFF_POLNEAR or pass --polnear to point at dev.jsonl (it is kept outside the repository)."
        )
    records = {}
    with path.open(encoding="utf-8") as fh:
        for line in fh:
            if line.strip():
                rec = json.loads(line)
                records[rec["id"]] = rec
    return records


def read_gold(path: Path) -> tuple[dict, list[dict]]:
    header: dict = {}
    values = []
    with path.open(encoding="utf-8") as fh:
        for line in fh:
            if not line.strip():
                continue
            obj = json.loads(line)
            if "_header" in obj:
                header = obj["_header"]
            else:
                values.append(obj)
    return header, values


def words(text: str) -> int:
    return len(text.split())


# --------------------------------------------------------------------------- prediction


def predicted_values(extraction) -> list[dict]:
    """The scored values of one extraction, once per (span, kind)."""
    seen = set()
    out = []
    for claim in extraction.claims:
        for v in claim.values:
            if v.kind not in FAMILY:
                continue
            key = (v.start, v.end, v.kind)
            if key in seen:
                continue
            seen.add(key)
            members = getattr(v, "members", None)
            out.append(
                {
                    "start": v.start,
                    "end": v.end,
                    "kind": v.kind,
                    "text": v.text,
                    "norm": v.norm,
                    "low": v.low,
                    "high": v.high,
                    "unit": v.unit,
                    "members": list(members) if members else None,
                }
            )
    return out


def run_extract(records, pm) -> list:
    return [newsdiff.extract(newsdiff.Article.from_dict(r), pm=pm) for r in records]


# --------------------------------------------------------------------------- comparison


def _bound(x, side: str) -> float:
    if x is None:
        return -math.inf if side == "low" else math.inf
    return float(x)


def _close(a: float, b: float) -> bool:
    if math.isinf(a) or math.isinf(b):
        return a == b
    return abs(a - b) <= REL_TOL * max(abs(a), abs(b), 1.0)


def numeric_ok(gold: dict, pred: dict) -> bool:
    g_lo, g_hi = _bound(gold["low"], "low"), _bound(gold["high"], "high")
    p_lo, p_hi = _bound(pred["low"], "low"), _bound(pred["high"], "high")
    if g_lo == 0 and p_lo == -math.inf and g_hi != 0:
        p_lo = 0.0  # "up to n": an open lower bound on a quantity is 0
    return _close(g_lo, p_lo) and _close(g_hi, p_hi)


def _member_key(m: str) -> str:
    return " ".join(m.replace(".", " ").split()).casefold()


def normalised_ok(gold: dict, pred: dict) -> bool:
    fam = FAMILY[gold["kind"]]
    if fam == "numeric":
        return numeric_ok(gold, pred)
    if fam == "date":
        return (pred["norm"] or "") == gold["norm"]
    return {_member_key(m) for m in gold["members"] or ()} == {_member_key(m) for m in pred["members"] or ()}


def _unit_key(u: str) -> str:
    u = " ".join(u.split()).casefold()
    return u[:-1] if u.endswith("s") and not u.endswith("ss") else u


def unit_ok(gold_unit: str, pred_unit: str | None) -> bool:
    if not pred_unit:
        return False
    g, p = _unit_key(gold_unit), _unit_key(pred_unit)
    return p == g or p.rsplit(" ", 1)[-1] == g


def match(gold: list[dict], pred: list[dict]) -> list[tuple[int, int]]:
    """One-to-one pairs (gold index, pred index): overlapping spans, same family, largest overlap first."""
    cands = []
    for gi, g in enumerate(gold):
        for pi, p in enumerate(pred):
            if FAMILY[g["kind"]] != FAMILY[p["kind"]]:
                continue
            ov = min(g["end"], p["end"]) - max(g["start"], p["start"])
            if ov > 0:
                cands.append((-ov, abs(g["start"] - p["start"]) + abs(g["end"] - p["end"]), gi, pi))
    cands.sort()
    used_g, used_p, pairs = set(), set(), []
    for _, _, gi, pi in cands:
        if gi in used_g or pi in used_p:
            continue
        used_g.add(gi)
        used_p.add(pi)
        pairs.append((gi, pi))
    return pairs


class Tally:
    def __init__(self) -> None:
        self.gold = Counter()  # by gold kind
        self.pred = Counter()  # by predicted kind
        self.found_g = Counter()  # matched gold, by gold kind
        self.found_p = Counter()  # matched predictions, by predicted kind
        self.norm_g = Counter()  # normalised right, by gold kind
        self.norm_p = Counter()  # normalised right, by predicted kind
        self.kind_pairs = Counter()  # numeric matches: (gold kind, pred kind)
        self.unit_total = Counter()
        self.unit_right = Counter()


def score(gold_by_article, pred_by_article, texts, errors_out: list | None) -> Tally:
    t = Tally()
    for art in gold_by_article.keys() | pred_by_article.keys():
        gold = gold_by_article.get(art, [])
        pred = pred_by_article.get(art, [])
        text = texts.get(art, "")
        for g in gold:
            t.gold[g["kind"]] += 1
        for p in pred:
            t.pred[p["kind"]] += 1
        pairs = match(gold, pred)
        mg = {gi for gi, _ in pairs}
        mp = {pi for _, pi in pairs}
        for gi, pi in pairs:
            g, p = gold[gi], pred[pi]
            t.found_g[g["kind"]] += 1
            t.found_p[p["kind"]] += 1
            ok = normalised_ok(g, p)
            if ok:
                t.norm_g[g["kind"]] += 1
                t.norm_p[p["kind"]] += 1
            if FAMILY[g["kind"]] == "numeric":
                t.kind_pairs[(g["kind"], p["kind"])] += 1
                if g["unit"] and g["kind"] != "percent":
                    t.unit_total[g["kind"]] += 1
                    if unit_ok(g["unit"], p["unit"]):
                        t.unit_right[g["kind"]] += 1
            if errors_out is not None and (not ok or g["kind"] != p["kind"]):
                errors_out.append(_error("wrong_norm" if not ok else "wrong_kind", art, text, g, p))
        if errors_out is not None:
            errors_out.extend(_error("miss", art, text, gold[i], None) for i in range(len(gold)) if i not in mg)
            errors_out.extend(_error("false_alarm", art, text, None, pred[i]) for i in range(len(pred)) if i not in mp)
    return t


def _error(kind: str, art: str, text: str, g: dict | None, p: dict | None) -> dict:
    def side(v: dict | None) -> dict | None:
        if v is None:
            return None
        return {
            "start": v["start"],
            "end": v["end"],
            "kind": v["kind"],
            "words": text[v["start"] : v["end"]][:80],
            "norm": v["norm"],
            "low": v["low"],
            "high": v["high"],
            "unit": v["unit"],
            "members": v["members"],
        }

    return {"error": kind, "article": art, "gold": side(g), "pred": side(p)}


# --------------------------------------------------------------------------- printing


def _prf(tp_p: int, n_p: int, tp_g: int, n_g: int) -> tuple[float, float, float]:
    p = tp_p / n_p if n_p else 0.0
    r = tp_g / n_g if n_g else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return p, r, f


def print_quality(t: Tally, n_articles: int) -> None:
    print(f"claim values against the gold set ({n_articles} articles, {sum(t.gold.values())} gold values)")
    head = f"{'kind':<9} {'gold':>5} {'pred':>5} | {'P':>5} {'R':>5} {'F1':>5} | {'normP':>5} {'normR':>5} {'normF1':>6} {'norm|hit':>8} | {'unit':>5}"
    print(head)
    print("-" * len(head))
    rows = [(k, (k,)) for k in KINDS] + [("numeric", NUMERIC), ("all", KINDS)]
    for label, kinds in rows:
        ng = sum(t.gold[k] for k in kinds)
        npred = sum(t.pred[k] for k in kinds)
        if not ng and not npred:
            continue
        fg = sum(t.found_g[k] for k in kinds)
        fp = sum(t.found_p[k] for k in kinds)
        p, r, f = _prf(fp, npred, fg, ng)
        nng = sum(t.norm_g[k] for k in kinds)
        nnp = sum(t.norm_p[k] for k in kinds)
        np_, nr, nf = _prf(nnp, npred, nng, ng)
        hit = f"{nng / fg:8.3f}" if fg else f"{'-':>8}"
        ut = sum(t.unit_total[k] for k in kinds)
        unit = f"{sum(t.unit_right[k] for k in kinds) / ut:5.3f}" if ut else f"{'-':>5}"
        if label == "numeric":
            print("-" * len(head))
        print(f"{label:<9} {ng:>5} {npred:>5} | {p:5.3f} {r:5.3f} {f:5.3f} | {np_:5.3f} {nr:5.3f} {nf:6.3f} {hit} | {unit}")
    pairs = sum(t.kind_pairs.values())
    right = sum(n for (g, p), n in t.kind_pairs.items() if g == p)
    if pairs:
        print(f"numeric kind accuracy on matches: {right}/{pairs} = {right / pairs:.3f}", end="")
        wrong = Counter({f"{g}->{p}": n for (g, p), n in t.kind_pairs.items() if g != p})
        if wrong:
            print("  (gold->pred: " + ", ".join(f"{k} {n}" for k, n in wrong.most_common()) + ")", end="")
        print()
    ut = sum(t.unit_total.values())
    if ut:
        print(f"unit accuracy on matched numeric values with a gold unit (not percent): {sum(t.unit_right.values())}/{ut} = {sum(t.unit_right.values()) / ut:.3f}")
    print("P/R/F1: span overlap in the same family; norm*: also normalised right; norm|hit: normalised right among matches.")


# --------------------------------------------------------------------------- speed


def _cold() -> None:
    """Forget what earlier passes worked out (the memos shared across articles and the per-document caches),
    so that each timed pass costs what a new process would."""
    from newsdiff.extracting.marks import document_pairs
    from newsdiff.extracting.people import people_of

    clear_memos()
    people_of.clear()
    document_pairs.clear()
    gc.collect()


def timed(records, pm, runs: int) -> tuple[float, float]:
    """Best seconds of (reading, extracting) over the records, each pass cold.  Each article is read, then
    its quotes and claims extracted, before the next (as ``newsdiff.extract`` does); the two stages are
    clocked apart."""
    from newsdiff.cleaning import read_article
    from newsdiff.pipeline import extract_document

    best_read = best_extract = math.inf
    articles = [newsdiff.Article.from_dict(r) for r in records]
    for _ in range(runs):
        _cold()
        read = extract = 0.0
        for article in articles:
            t0 = time.perf_counter()
            document = read_article(article, pm, [])
            t1 = time.perf_counter()
            extract_document(document, pm=pm)
            t2 = time.perf_counter()
            read += t1 - t0
            extract += t2 - t1
        best_read, best_extract = min(best_read, read), min(best_extract, extract)
    return best_read, best_extract


def claims_only(records, pm, runs: int) -> float:
    """Seconds of ``extract_claims`` alone over the records: each is read and its quotes found first, untimed,
    and its shared people index is built before the clock starts, as the quote extractor leaves it warm in
    the pipeline."""
    from newsdiff.extracting.claims import extract_claims
    from newsdiff.extracting.people import people_of

    done = [newsdiff.extract(newsdiff.Article.from_dict(r), pm=pm) for r in records]
    best = math.inf
    for _ in range(runs):
        _cold()
        total = 0.0
        for extraction in done:
            people_of(extraction.document)
            t0 = time.perf_counter()
            extract_claims(extraction.document, extraction.quotes)
            total += time.perf_counter() - t0
        best = min(best, total)
    return best


def traced_peak(records, pm) -> int:
    gc.collect()
    tracemalloc.start()
    try:
        for r in records:  # keep one extraction alive at a time, as a streaming caller would
            newsdiff.extract(newsdiff.Article.from_dict(r), pm=pm)
        return tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()


def big_records(records: list[dict], total_words: int, doc_words: int) -> list[dict]:
    """Dev texts joined into articles of about ``doc_words`` words, up to ``total_words`` words in all."""
    out: list[dict] = []
    parts: list[str] = []
    n_doc = n_all = 0
    while n_all < total_words:
        for r in records:
            parts.append(r["text"])
            w = words(r["text"])
            n_doc += w
            n_all += w
            if n_doc >= doc_words or n_all >= total_words:
                out.append({"id": f"generated-{len(out) + 1}", "date": r["date"], "text": "\n\n".join(parts)})
                parts, n_doc = [], 0
            if n_all >= total_words:
                break
    return out


def _rss_mb() -> float:
    rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return rss / (1024 * 1024) if sys.platform == "darwin" else rss / 1024


def print_speed(records: list[dict], pm, runs: int, big_words: int, big_doc_words: int) -> None:
    sets = [("dev (84 articles)", records)]
    if big_words > 0:
        sets.append((f"generated ({big_doc_words:,}-word docs)", big_records(records, big_words, big_doc_words)))
    print()
    print(f"words per second on one core, best of {runs} cold passes (memos emptied before each)")
    print("  extract: the extract stage (quotes, speakers and claims of articles already read) -- the goal's measure")
    print("  read+extract: newsdiff.extract, reading (cleaning, metadata, paragraphs, sentences) included")
    head = (
        f"{'input':<30} {'docs':>5} {'words':>10} {'read s':>7} {'extract s':>9} {'extract w/s':>12} {'goal':>5} "
        f"{'read+extract w/s':>17} {'traced peak':>12} {'maxrss':>9}"
    )
    print(head)
    print("-" * len(head))
    for label, recs in sets:
        n_words = sum(words(r["text"]) for r in recs)
        read, extract = timed(recs, pm, runs)
        peak = traced_peak(recs, pm)
        wps = n_words / extract if extract else math.inf
        goal = "ok" if wps >= GOAL_WPS else "below"
        print(
            f"{label:<30} {len(recs):>5} {n_words:>10,} {read:>7.2f} {extract:>9.2f} {wps:>12,.0f} {goal:>5} "
            f"{n_words / (read + extract):>17,.0f} {peak / 2**20:>9.1f} MB {_rss_mb():>6.0f} MB"
        )
    print(
        f"goal: extract >= {GOAL_WPS:,} words/s. traced peak: tracemalloc over one pass of newsdiff.extract; "
        "maxrss: process peak so far."
    )
    print(
        "the generated documents repeat the dev texts, so the memos shared across articles find more there "
        "than in a real corpus."
    )
    n_words = sum(words(r["text"]) for r in records)
    secs = claims_only(records, pm, runs)
    print(
        f"claims alone on dev (extract_claims on read documents, people index warm): {secs:.2f} s, "
        f"{n_words / secs:,.0f} words/s"
    )


# --------------------------------------------------------------------------- main


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--gold", type=Path, default=DEFAULT_GOLD, help="gold JSONL (default: %(default)s)")
    ap.add_argument("--polnear", help="PolNeAR dev.jsonl (default: $NEWSDIFF_POLNEAR, else ../shared/data/polnear-dev/dev.jsonl)")
    ap.add_argument("--runs", type=int, default=3, help="timed passes, best kept (default: 3)")
    ap.add_argument("--big-words", type=int, default=2_000_000, help="words of generated input, 0 to skip (default: 2,000,000)")
    ap.add_argument("--big-doc-words", type=int, default=20_000, help="words per generated article (default: 20,000)")
    ap.add_argument("--no-speed", action="store_true", help="score only, skip the timing")
    ap.add_argument("--errors", type=Path, help="write misses, false alarms and wrong values as JSON lines")
    args = ap.parse_args(argv)

    records = read_polnear(polnear_path(args.polnear))
    header, gold = read_gold(args.gold)
    article_ids = list(header.get("articles") or dict.fromkeys(g["article"] for g in gold))
    missing = [a for a in article_ids if a not in records]
    if missing:
        sys.exit(f"claims benchmark: {len(missing)} gold articles are not in the PolNeAR file, e.g. {missing[0]}")

    pm = newsdiff.get_plugin_manager(third_party=False)
    gold_by_article: dict[str, list[dict]] = defaultdict(list)
    for g in gold:
        gold_by_article[g["article"]].append(g)
    pred_by_article = {}
    for art in article_ids:
        extraction = newsdiff.extract(newsdiff.Article.from_dict(records[art]), pm=pm)
        pred_by_article[art] = predicted_values(extraction)

    errors: list | None = [] if args.errors else None
    texts = {a: records[a]["text"] for a in article_ids}
    tally = score(gold_by_article, pred_by_article, texts, errors)
    print_quality(tally, len(article_ids))

    if errors is not None:
        errors.sort(key=lambda e: (e["article"], (e["gold"] or e["pred"])["start"]))
        with args.errors.open("w", encoding="utf-8") as fh:
            for e in errors:
                fh.write(json.dumps(e, ensure_ascii=False) + "\n")
        print(f"{len(errors)} error lines written to {args.errors}")

    if not args.no_speed:
        print_speed(list(records.values()), pm, args.runs, args.big_words, args.big_doc_words)
    return 0


if __name__ == "__main__":
    sys.exit(main())
