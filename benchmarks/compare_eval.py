"""Score newsdiff's comparison against hand-labelled invented stories.

    python benchmarks/compare_eval.py                       # table, overall and per story
    python benchmarks/compare_eval.py --errors /tmp/compare-errors.txt
    python benchmarks/compare_eval.py --stories flood court

Data: ``benchmarks/data/stories/<story>/<outlet>.txt`` (six invented events told by 3-4 invented outlets) and
``benchmarks/data/stories/gold.json``.  Each story folder is run through
``newsdiff.compare(newsdiff.load(story_dir), pm=newsdiff.get_plugin_manager(third_party=False), experimental=True)``
(every finding kind, the experimental ones too).

Matching rules
--------------
* A gold snippet ``{"article", "text"}`` is located at every place its text occurs in that article's file.
* **Quote matching.** A gold quote is matched to the extracted quote of its article whose span overlaps a
  location of the snippet most, provided the overlap covers at least half of the shorter of the two spans.
  No such quote: the gold quote is "not extracted" (and any pair using it is missed).
* **Quote pairs** (``quote_pairs``): found when both matched quotes are members of one ``quote_clusters``
  entry.  Recall is over the listed gold pairs.
* **Pair precision.** The gold positives are the transitive closure of the gold pairs (so three printings of
  one remark give three positive pairs).  "Labelled" quotes are the matched quotes of every gold quote in
  ``quote_pairs`` and ``hard_negatives``.  Every cross-article pair of labelled quotes that newsdiff puts in one
  cluster is counted; it is correct when it is a gold positive, wrong otherwise (including hard negatives).
* **Hard-negative false merges**: listed ``hard_negatives`` whose two quotes share a cluster.
* **Relation accuracy** (found pairs only): the predicted relation of a pair is ``identical`` when the
  cluster's relation is ``identical``, or when every change of the two quotes against the cluster's base is
  ``identical``/``punctuation`` (the base itself counting as identical), or when neither is the base and both
  have the same change with the same word diff against it (punctuation and case ignored); else ``variant``.  Gold
  ``identical`` means the same words (punctuation may differ).
* **Meaning-change recall**: gold pairs with ``meaning_changed``; detected when the pair is found and the
  ``quote_variant`` finding of that cluster lists the gold kind (``negation``/``number``) in the ``meaning``
  of a change involving one of the two quotes.  A meaning false alarm is a found pair without a gold meaning
  change where one quote is the base and the other's change has a non-empty ``meaning``.
* **Attribution-conflict recall**: an ``attribution_conflict`` finding whose cluster holds both quotes.
  False alarms: ``attribution_conflict`` findings matching no gold conflict.
* **Evidence matching for claim findings**: a finding covers a gold snippet when one of its evidence items
  is in the same article and overlaps a location of the snippet.  A gold number/date pair is covered when
  both of its snippets are.
* **Number / date conflicts**: a gold ``conflict`` pair is found when a ``number_conflict`` (numbers) or
  ``date_conflict`` (dates) finding covers it.  A conflict finding is a false alarm when no gold conflict
  pair of its type is covered by it; it is reported as a *labelled* false alarm when it covers a gold
  agreement/difference/publication pair (a plain false alarm otherwise).
* **Misquotes** (gold ``misquote``): a number or year changed inside a quoted remark.  A conflict finding on
  it is neither required nor a false alarm (the quote-pair meaning change is where it is scored).
* **Agreement / difference**: strict recall needs the gold kind (``agreement`` finding for ``agreement``,
  ``number_difference`` for ``difference``); lenient recall accepts either of the two.
* **Publication dates** (gold ``publication``): found when a ``date_difference`` finding names both
  articles (in ``details.published`` or ``details.event_dates``) and gives the gold ``event`` day, and no
  ``date_conflict`` covers the pair.
* **Lists**: found when a ``list_difference`` finding has evidence overlapping the gold list in at least two
  of its articles; "missing right" additionally needs, for each article in ``missing``, every gold missing
  member to appear (case-insensitive substring) in ``details.missing`` for that article.
* **Unique facts**: recall when a ``unique_fact`` finding's evidence overlaps the snippet in its article.
  Precision is over the unique_fact findings that overlap any labelled snippet: a gold unique fact (right)
  or a ``not_unique`` snippet or a side of a gold number/date pair (wrong: another outlet carries it).
* **Shared passages**: found when a ``shared_passage`` finding has evidence in both articles covering at
  least half of each gold passage.
* **Headlines**: found when a ``framing`` finding with ``aspect == "headline"`` has evidence in that article
  overlapping the gold phrase.

The scores are for the lead to act on; nothing here fails on a score.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import Counter, defaultdict
from itertools import combinations
from pathlib import Path

import newsdiff

HERE = Path(__file__).resolve().parent
DATA = HERE / "data" / "stories"


# --------------------------------------------------------------------------- helpers

def locations(text: str, snippet: str) -> list[tuple[int, int]]:
    out, i = [], text.find(snippet)
    while i >= 0:
        out.append((i, i + len(snippet)))
        i = text.find(snippet, i + 1)
    return out


def overlap(a: tuple[int, int], b: tuple[int, int]) -> int:
    return max(0, min(a[1], b[1]) - max(a[0], b[0]))


class Story:
    def __init__(self, name: str, gold: dict):
        self.name, self.gold = name, gold
        self.dir = DATA / name
        self.texts = {p.stem: p.read_text(encoding="utf-8") for p in sorted(self.dir.glob("*.txt"))}
        pm = newsdiff.get_plugin_manager(third_party=False)
        self.report = newsdiff.compare(newsdiff.load(str(self.dir)), pm=pm, experimental=True).to_dict()
        self.quotes = {q["id"]: (a["id"], q) for a in self.report["articles"] for q in a["quotes"]}
        self.by_article = defaultdict(list)
        for _qid, (aid, q) in self.quotes.items():
            self.by_article[aid].append(q)
        self.cluster_of: dict[str, set[str]] = defaultdict(set)
        self.clusters = {c["id"]: c for c in self.report["quote_clusters"]}
        for c in self.report["quote_clusters"]:
            for m in c["members"]:
                self.cluster_of[m].add(c["id"])
        self.findings = defaultdict(list)
        for f in self.report["findings"]:
            self.findings[f["kind"]].append(f)

    def locs(self, snip: dict) -> list[tuple[int, int]]:
        return locations(self.texts[snip["article"]], snip["text"])

    def match_quote(self, snip: dict) -> str | None:
        best, best_ov = None, 0
        for loc in self.locs(snip):
            for q in self.by_article.get(snip["article"], []):
                ov = overlap(loc, (q["start"], q["end"]))
                if ov and ov >= 0.5 * min(loc[1] - loc[0], q["end"] - q["start"]) and ov > best_ov:
                    best, best_ov = q["id"], ov
        return best

    def same_cluster(self, a: str | None, b: str | None) -> str | None:
        if not a or not b:
            return None
        common = self.cluster_of.get(a, set()) & self.cluster_of.get(b, set())
        return min(common) if common else None

    def covers(self, finding: dict, snip: dict, share: float = 0.0) -> bool:
        locs = self.locs(snip)
        for ev in finding["evidence"]:
            if ev["article"] != snip["article"]:
                continue
            for loc in locs:
                ov = overlap(loc, (ev["start"], ev["end"]))
                if ov and ov >= share * (loc[1] - loc[0]):
                    return True
        return False

    def covers_pair(self, finding: dict, pair: dict) -> bool:
        return self.covers(finding, pair["a"]) and self.covers(finding, pair["b"])

    def qtext(self, qid: str | None) -> str:
        if not qid:
            return "(not extracted)"
        aid, q = self.quotes[qid]
        return f"{qid} [{q['speaker']}] {q['text']!r}"


def snip_s(s: dict) -> str:
    return f"{s['article']}: {s['text']!r}"


# --------------------------------------------------------------------------- scoring

def score(st: Story, C: Counter, errs: list[str]) -> None:
    g = st.gold

    def err(kind: str, msg: str) -> None:
        errs.append(f"[{st.name}] {kind}: {msg}")

    # ---- quote pairs
    matched = {}

    def m(s):
        key = (s["article"], s["text"])
        if key not in matched:
            matched[key] = st.match_quote(s)
            C["quotes gold"] += 1
            if matched[key] is None:
                C["quotes not extracted"] += 1
                err("quote not extracted", snip_s(s))
        return matched[key]

    parent: dict = {}

    def find(x):
        parent.setdefault(x, x)
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    labelled = set()
    for p in g["quote_pairs"]:
        qa, qb = m(p["a"]), m(p["b"])
        labelled.update(x for x in (qa, qb) if x)
        if qa and qb:
            parent[find(qa)] = find(qb)
        C["pairs gold"] += 1
        cid = st.same_cluster(qa, qb)
        if not cid:
            why = "quote not extracted" if not (qa and qb) else (
                "only one side clustered" if bool(st.cluster_of.get(qa)) != bool(st.cluster_of.get(qb)) else
                "both clustered apart" if st.cluster_of.get(qa) else "neither clustered")
            err(f"pair missed ({p['change']}; {why})", f"{st.qtext(qa)}  <>  {st.qtext(qb)}")
            if p["meaning_changed"]:
                C["meaning gold"] += 1
                err("meaning change missed (pair not found)", f"{snip_s(p['a'])} <> {snip_s(p['b'])}")
            continue
        C["pairs found"] += 1
        cl = st.clusters[cid]
        variant = next((f for f in st.findings["quote_variant"] if f["details"]["cluster"] == cid), None)
        changes = {c["quote"]: c for c in (variant["details"]["changes"] if variant else [])}
        base = variant["details"]["base"] if variant else None

        def ident(q):
            return q == base or changes.get(q, {}).get("change") in ("identical", "punctuation")

        def words(q):
            c = changes.get(q)
            return [(op, " ".join("".join(ch for ch in w.lower() if ch.isalnum()) for w in t.split()))
                    for op, t in c["diff"]] if c else None

        same = (qa != base and qb != base and changes.get(qa, {}).get("change") == changes.get(qb, {}).get("change")
                and words(qa) == words(qb))
        pred = "identical" if cl["relation"] == "identical" or (ident(qa) and ident(qb)) or same else "variant"
        C["relation total"] += 1
        if pred == p["relation"]:
            C["relation right"] += 1
        else:
            err(f"relation wrong (gold {p['relation']}/{p['change']}, got {pred})", f"{st.qtext(qa)}  <>  {st.qtext(qb)}")
        meanings = set()
        for q in (qa, qb):
            meanings.update(changes.get(q, {}).get("meaning", []))
        if p["meaning_changed"]:
            C["meaning gold"] += 1
            if set(p["meaning"]) & meanings:
                C["meaning found"] += 1
            else:
                err(f"meaning change missed ({'/'.join(p['meaning'])}; got {sorted(meanings)})",
                    f"{st.qtext(qa)}  <>  {st.qtext(qb)}")
        elif base in (qa, qb):
            other = qb if base == qa else qa
            if changes.get(other, {}).get("meaning"):
                C["meaning false alarms"] += 1
                err(f"meaning change false alarm ({changes[other]['meaning']})", f"{st.qtext(qa)}  <>  {st.qtext(qb)}")

    # ---- hard negatives
    for h in g["hard_negatives"]:
        qa, qb = m(h["a"]), m(h["b"])
        labelled.update(x for x in (qa, qb) if x)
        C["hard negatives"] += 1
        if st.same_cluster(qa, qb):
            C["hard negatives merged"] += 1
            err(f"hard negative merged ({h['why']})", f"{st.qtext(qa)}  <>  {st.qtext(qb)}")

    # ---- precision over labelled quotes
    for c in st.report["quote_clusters"]:
        mem = [q for q in c["members"] if q in labelled]
        for a, b in combinations(mem, 2):
            if st.quotes[a][0] == st.quotes[b][0]:
                continue
            C["clustered labelled pairs"] += 1
            if a in parent and b in parent and find(a) == find(b):
                C["clustered labelled right"] += 1
            else:
                err("wrong merge", f"{c['id']}: {st.qtext(a)}  <>  {st.qtext(b)}")

    # ---- attribution conflicts
    used_ac = set()
    for ac in g["attribution_conflicts"]:
        qa, qb = m(ac["a"]), m(ac["b"])
        C["attribution gold"] += 1
        hit = [f for f in st.findings["attribution_conflict"]
               if qa and qb and {qa, qb} <= set(st.clusters[f["details"]["cluster"]]["members"])]
        if hit:
            C["attribution found"] += 1
            used_ac.update(f["id"] for f in hit)
        else:
            err("attribution conflict missed",
                f"{st.qtext(qa)} (gold {ac['a']['speaker']})  <>  {st.qtext(qb)} (gold {ac['b']['speaker']})")
    for f in st.findings["attribution_conflict"]:
        if f["id"] not in used_ac:
            C["attribution false alarms"] += 1
            err("attribution conflict false alarm", f"{f['summary']} :: {f['details'].get('speakers')}")

    # ---- numbers and dates
    for kind, gl, ckind in (("number", g["numbers"], "number_conflict"), ("date", g["dates"], "date_conflict")):
        used = set()
        for p in gl:
            exp = p["expected"]
            if exp == "conflict":
                C[f"{kind} conflicts gold"] += 1
                hit = [f for f in st.findings[ckind] if st.covers_pair(f, p)]
                used.update(f["id"] for f in hit)
                if hit:
                    C[f"{kind} conflicts found"] += 1
                else:
                    near = [f["kind"] for fk in ("agreement", "number_difference") for f in st.findings[fk]
                            if st.covers_pair(f, p)]
                    err(f"{kind} conflict missed ({p['what']}; reported as {near or 'nothing'})",
                        f"{snip_s(p['a'])} <> {snip_s(p['b'])}")
            elif exp == "misquote":
                used.update(f["id"] for f in st.findings[ckind] if st.covers_pair(f, p))
            elif exp == "publication":
                C["publication gold"] += 1
                ok = False
                for f in st.findings["date_difference"]:
                    d = f["details"]
                    named = set(d.get("published") or {}) | set(d.get("event_dates") or {})
                    if {p["a"]["article"], p["b"]["article"]} <= named and d.get("event") == p["event"]:
                        ok = True
                bad = [f for f in st.findings[ckind] if st.covers_pair(f, p)]
                if ok and not bad:
                    C["publication found"] += 1
                else:
                    err("publication date not told from the event" + (" (reported as a conflict)" if bad else ""),
                        f"{snip_s(p['a'])} <> {snip_s(p['b'])}; event {p['event']}")
            else:
                C[f"{kind} agree/diff gold"] += 1
                strict = "agreement" if exp == "agreement" else "number_difference"
                kinds = {f["kind"] for fk in ("agreement", "number_difference") for f in st.findings[fk]
                         if st.covers_pair(f, p)}
                if strict in kinds:
                    C[f"{kind} agree/diff strict"] += 1
                if kinds:
                    C[f"{kind} agree/diff lenient"] += 1
                if strict not in kinds:
                    err(f"{kind} {exp} missed ({p['what']}; got {sorted(kinds) or 'nothing'})",
                        f"{snip_s(p['a'])} <> {snip_s(p['b'])}")
        non_conflict = [p for p in gl if p["expected"] not in ("conflict", "misquote")]
        for f in st.findings[ckind]:
            if f["id"] in used:
                continue
            C[f"{kind} conflict false alarms"] += 1
            lab = [p for p in non_conflict if st.covers_pair(f, p)]
            if lab:
                C[f"{kind} conflict labelled false alarms"] += 1
            ev = "; ".join(f"{e['article']}: {e['text']!r}" for e in f["evidence"])
            err(f"{kind} conflict false alarm" + (f" (gold {lab[0]['expected']})" if lab else ""),
                f"{f['summary']} :: {ev}")

    # ---- lists
    for lst in g["lists"]:
        C["lists gold"] += 1
        ev = [{"article": a, "text": t} for a, t in lst["evidence"].items()]
        hit = [f for f in st.findings["list_difference"] if sum(st.covers(f, s) for s in ev) >= 2]
        if not hit:
            got = [f["kind"] for f in st.findings["agreement"] if sum(st.covers(f, s) for s in ev) >= 2]
            err(f"list difference missed ({lst['what']}; got {got or 'nothing'})",
                "; ".join(f"{a}: {t!r}" for a, t in lst["evidence"].items()))
            continue
        C["lists found"] += 1
        ok = False
        for f in hit:
            miss = f["details"].get("missing") or {}
            if all(all(any(mm.lower() in x.lower() for x in miss.get(a, [])) for mm in mems)
                   for a, mems in lst["missing"].items()):
                ok = True
        if ok:
            C["lists missing right"] += 1
        else:
            err(f"list missing members wrong ({lst['what']})",
                f"gold {lst['missing']}; got {[f['details'].get('missing') for f in hit]}")

    # ---- unique facts
    negatives = list(g["not_unique"]) + [p[s] for p in g["numbers"] + g["dates"] for s in ("a", "b")]
    for u in g["unique_facts"]:
        C["unique gold"] += 1
        if any(st.covers(f, u) for f in st.findings["unique_fact"]):
            C["unique found"] += 1
        else:
            err("unique fact missed", snip_s(u))
    for f in st.findings["unique_fact"]:
        C["unique findings"] += 1
        if any(st.covers(f, u) for u in g["unique_facts"]):
            C["unique labelled"] += 1
            C["unique labelled right"] += 1
        elif any(st.covers(f, n) for n in negatives):
            C["unique labelled"] += 1
            ev = "; ".join(f"{e['article']}: {e['text']!r}" for e in f["evidence"])
            err("unique fact false alarm (another outlet carries it)", ev)

    # ---- shared passages
    for sp in g["shared_passages"]:
        C["shared gold"] += 1
        if any(st.covers(f, sp["a"], 0.5) and st.covers(f, sp["b"], 0.5) for f in st.findings["shared_passage"]):
            C["shared found"] += 1
        else:
            err("shared passage missed", f"{snip_s(sp['a'])} <> {sp['b']['article']}")

    # ---- headlines
    heads = [f for f in st.findings["framing"] if f["details"].get("aspect") == "headline"]
    for h in g["headline_unsupported"]:
        C["headline gold"] += 1
        if any(st.covers(f, h) for f in heads):
            C["headline found"] += 1
        else:
            err("unsupported headline missed", f"{snip_s(h)}; headline findings: {[f['summary'] for f in heads]}")


# --------------------------------------------------------------------------- table

ROWS = [
    ("quotes extracted", "quotes gold", "quotes not extracted", "inv"),
    ("quote-pair recall", "pairs found", "pairs gold", ""),
    ("quote-pair precision", "clustered labelled right", "clustered labelled pairs", ""),
    ("hard-negative merges", "hard negatives merged", "hard negatives", "low"),
    ("relation accuracy", "relation right", "relation total", ""),
    ("meaning-change recall", "meaning found", "meaning gold", ""),
    ("meaning false alarms", "meaning false alarms", None, "count"),
    ("attribution recall", "attribution found", "attribution gold", ""),
    ("attribution false alarms", "attribution false alarms", None, "count"),
    ("number-conflict recall", "number conflicts found", "number conflicts gold", ""),
    ("number-conflict false alarms", "number conflict false alarms", None, "count"),
    ("  of which on gold agreements", "number conflict labelled false alarms", None, "count"),
    ("date-conflict recall", "date conflicts found", "date conflicts gold", ""),
    ("date-conflict false alarms", "date conflict false alarms", None, "count"),
    ("publication vs event day", "publication found", "publication gold", ""),
    ("number agree/diff (strict)", "number agree/diff strict", "number agree/diff gold", ""),
    ("number agree/diff (lenient)", "number agree/diff lenient", "number agree/diff gold", ""),
    ("date agreement", "date agree/diff strict", "date agree/diff gold", ""),
    ("list-difference recall", "lists found", "lists gold", ""),
    ("list missing members right", "lists missing right", "lists gold", ""),
    ("unique-fact recall", "unique found", "unique gold", ""),
    ("unique-fact precision (labelled)", "unique labelled right", "unique labelled", ""),
    ("unique_fact findings (all)", "unique findings", None, "count"),
    ("shared-passage recall", "shared found", "shared gold", ""),
    ("headline recall", "headline found", "headline gold", ""),
]


def cell(C: Counter, num: str, den: str | None, mode: str) -> str:
    if mode == "count":
        return str(C[num])
    if mode == "inv":
        n, d = C[num] - C[den], C[num]
    else:
        n, d = C[num], C[den]
    if not d:
        return "-"
    return f"{n}/{d} {n / d:.0%}" if mode != "low" else f"{n}/{d}"


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--gold", default=str(DATA / "gold.json"))
    ap.add_argument("--stories", nargs="*", help="only these stories")
    ap.add_argument("--errors", metavar="FILE", help="write every miss and false alarm, with the texts, to FILE")
    args = ap.parse_args(argv)
    gold = json.loads(Path(args.gold).read_text(encoding="utf-8"))
    names = args.stories or list(gold["stories"])
    per, total, errs = {}, Counter(), []
    for name in names:
        C = Counter()
        score(Story(name, gold["stories"][name]), C, errs)
        per[name] = C
        total.update(C)
    cols = ["all"] + names
    table = [[label] + [cell(total if c == "all" else per[c], num, den, mode) for c in cols]
             for label, num, den, mode in ROWS]
    widths = [max(len(r[i]) for r in table + [["metric"] + cols]) for i in range(len(cols) + 1)]
    def line(r):
        return "  ".join(x.ljust(w) if i == 0 else x.rjust(w) for i, (x, w) in enumerate(zip(r, widths)))
    print(line(["metric"] + cols))
    for r in table:
        print(line(r))
    kinds = Counter(e.split("] ", 1)[1].split(":", 1)[0].split(" (")[0] for e in errs)
    print("\nerrors by type:", ", ".join(f"{k} {v}" for k, v in kinds.most_common()))
    if args.errors:
        Path(args.errors).write_text("\n".join(errs) + "\n", encoding="utf-8")
        print(f"{len(errs)} errors written to {args.errors}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
