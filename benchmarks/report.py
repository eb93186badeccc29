"""The rows every benchmark adds, and the Markdown table `run_all.py` prints of them."""

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
    **extra,
) -> None:
    row = {
        "bench": bench,
        "what": what,
        "size": size,
        "figure": figure,
        "unit": unit,
        "peer": peer_name,
        "peer_figure": peer,
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
        "| benchmark | what | size | PageDesk | peer (same run) | ratio | target | met |",
        "|---|---|---|---|---|---|---|---|",
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
            f"| {r['bench']} | {r['what']} | {size} | {fig} | {peer} | {ratio} | "
            f"{r['target']} | {met} |"
        )
    return "\n".join(out)
