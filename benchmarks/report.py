"""The rows every benchmark adds, and the Markdown table `run_all.py` prints of them.

A row holds PageDesk's figure and what PageDesk did for it (`work`), and when
it has a peer, the peer's figure and what the peer did (`peer_work`): a ratio
means little unless the reader can see whether both sides did the same work.
"""

from __future__ import annotations

import sys

rows: list[dict] = []


def log(msg: str) -> None:
    print(msg, file=sys.stderr, flush=True)


def pct(values: list[float], q: float) -> float:
    values = sorted(values)
    return values[max(0, min(len(values) - 1, round(q * (len(values) - 1))))]


def add(
    bench: str,
    what: str,
    figure,
    unit: str,
    peer_name: str = "—",
    peer=None,
    ratio=None,
    ratio_means: str = "",
    target: str = "",
    met: bool | None = None,
    size: int | None = None,
    *,
    work: str,
    peer_work: str = "",
    **extra,
) -> None:
    if peer is not None and not peer_work:
        raise ValueError(f"{bench}: a row with a peer says what the peer does (peer_work)")
    row = {
        "bench": bench,
        "what": what,
        "size": size,
        "figure": figure,
        "unit": unit,
        "work": work,
        "peer": peer_name,
        "peer_figure": peer,
        "peer_work": peer_work,
        "ratio": None if ratio is None else round(ratio, 2),
        "ratio_means": ratio_means,
        "target": target,
        "met": met,
        **extra,
    }
    rows.append(row)
    log(
        f"  {bench} {what} {size or ''}: {figure} {unit}"
        + (f" | {peer_name} {peer} | ratio {row['ratio']}" if peer is not None else "")
        + (f" | target {target} met={met}" if target else "")
    )


def fmt_num(x) -> str:
    if x is None:
        return "—"
    if isinstance(x, float):
        return f"{x:.3g}" if abs(x) < 100 else f"{x:.0f}"
    return str(x)


def markdown(rows: list[dict]) -> str:
    out = [
        "| benchmark | what | size | PageDesk | PageDesk does | peer (same run) | peer does "
        "| ratio | target | met |",
        "|---|---|---|---|---|---|---|---|---|---|",
    ]
    for r in rows:
        fig = f"{fmt_num(r['figure'])} {r['unit']}"
        if "p95_ms" in r:
            fig += f" (p95 {fmt_num(r['p95_ms'])})"
        peer = "—" if r["peer_figure"] is None else f"{fmt_num(r['peer_figure'])} ({r['peer']})"
        ratio = "—" if r["ratio"] is None else f"{fmt_num(r['ratio'])} ({r['ratio_means']})"
        met = {True: "yes", False: "**no**", None: "—"}[r["met"]]
        size = f"{r['size']:,}" if r["size"] else ""
        out.append(
            f"| {r['bench']} | {r['what']} | {size} | {fig} | {r['work']} | {peer} | "
            f"{r['peer_work'] or '—'} | {ratio} | "
            f"{r['target']} | {met} |"
        )
    return "\n".join(out)
