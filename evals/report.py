"""The Markdown report of a run, with a PNG chart of pass rates per metric."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

CHART = "pass_rates.png"
MAX_FAILURES = 20
_INPUT_CHARS = 300


def _fmt(value: Any) -> str:
    if value is None:
        return "–"
    if isinstance(value, float):
        return f"{value:.3f}" if abs(value) < 100 else f"{value:.0f}"
    return str(value)


def write_chart(record: dict[str, Any], path: Path) -> None:
    """A horizontal bar chart of each metric's pass rate, grouped by task."""
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    labels, rates = [], []
    for task, data in record["tasks"].items():
        for metric, agg in data["metrics"].items():
            if agg["pass_rate"] is not None:
                labels.append(f"{task}: {metric}")
                rates.append(agg["pass_rate"])
    fig, ax = plt.subplots(figsize=(8, 0.3 * len(labels) + 1.2))
    colors = ["#2e7d32" if r >= 0.999 else "#f9a825" if r >= 0.8 else "#c62828" for r in rates]
    ax.barh(labels[::-1], rates[::-1], color=colors[::-1])
    ax.set_xlim(0, 1)
    ax.set_xlabel("share of cases passing")
    ax.set_title(f"coach eval — {record['provider']} / {record['model']}")
    for y, r in enumerate(rates[::-1]):
        ax.text(min(r, 0.9) + 0.01, y, f"{r:.0%}", va="center", fontsize=7)
    fig.tight_layout()
    fig.savefig(path, dpi=110)
    plt.close(fig)


def _header(record: dict[str, Any]) -> list[str]:
    lines = [
        f"# coach eval — {record['suite']} suite",
        "",
        f"- provider: `{record['provider']}`, model: `{record['model']}` "
        f"(seen: {', '.join(record['models_seen']) or '–'})",
        f"- embedding: `{record['embedding']}`",
        f"- git commit: `{record['git_commit']}`",
        f"- started {record['started_at']}, finished {record['finished_at']}, "
        f"limit: {record['limit'] or 'none'}",
        f"- verdict: **{'PASS' if record['passed'] else 'FAIL'}** against "
        f"`{Path(record['thresholds_file']).name}`",
        "",
        "| dataset | sha256 | cases run |",
        "|---|---|---|",
    ]
    for ds in record["datasets"].values():
        lines.append(f"| `{ds['path']}` | `{ds['sha256'][:16]}` | {ds['cases_run']} |")
    lines += ["", "| prompt template | hash |", "|---|---|"]
    lines += [f"| `{t}` | `{h[:16]}` |" for t, h in record["prompt_hashes"].items()]
    degraded = [t for t, d in record["tasks"].items() if d["stats"].get("degraded_rate")]
    if degraded:
        lines += [
            "",
            f"**Warning:** some cases fell back to the offline engine ({', '.join(degraded)});"
            " see `degraded` per task.",
        ]
    return [*lines, "", f"![pass rates]({CHART})", ""]


def _task_table(name: str, data: dict[str, Any], checks: list[dict[str, Any]]) -> list[str]:
    limits = {c["metric"]: c for c in checks if c["task"] == name}
    lines = [
        f"## {name}",
        "",
        "| metric | mean | pass rate | n | threshold | ok |",
        "|---|---|---|---|---|---|",
    ]
    for metric, agg in data["metrics"].items():
        c = limits.get(metric)
        bound = f"{'≤' if c['bound'] == 'max' else '≥'} {c['threshold']:g}" if c else "–"
        ok = ("✅" if c["ok"] else "❌") if c else ""
        lines.append(
            f"| {metric} | {_fmt(agg['mean'])} | {_fmt(agg['pass_rate'])} | {agg['n']} "
            f"| {bound} | {ok} |"
        )
    stats = data["stats"]
    for key in ("latency_p50_ms", "latency_p95_ms"):
        c = limits.get(key)
        bound = f"≤ {c['threshold']:g}" if c else "–"
        ok = ("✅" if c["ok"] else "❌") if c else ""
        lines.append(f"| {key} | {_fmt(stats.get(key))} | | | {bound} | {ok} |")
    lines.append(
        f"\ncases {stats['cases']}, errors {stats['errors']}, tokens/request "
        f"{_fmt(stats['tokens_per_request'])} ({stats['token_source']}), degraded "
        f"{_fmt(stats['degraded_rate'])}\n"
    )
    return lines


def _failures(data: dict[str, Any]) -> list[str]:
    failing = [c for c in data["cases"] if any(s["passed"] is False for s in c["scores"])]
    if not failing:
        return ["No failing cases.", ""]
    lines = [f"<details><summary>{len(failing)} failing cases</summary>", ""]
    for case in failing[:MAX_FAILURES]:
        inputs = json.dumps(case["inputs"], ensure_ascii=False)
        if len(inputs) > _INPUT_CHARS:
            inputs = inputs[:_INPUT_CHARS] + "…"
        lines.append(f"- **{case['case_id']}** `{inputs}`")
        for s in case["scores"]:
            if s["passed"] is False:
                lines.append(f"  - {s['metric']} = {_fmt(s['value'])}: {s['detail'] or 'failed'}")
    if len(failing) > MAX_FAILURES:
        lines.append(f"- … and {len(failing) - MAX_FAILURES} more in results.json")
    return [*lines, "", "</details>", ""]


def render(record: dict[str, Any]) -> str:
    """The report's Markdown."""
    lines = _header(record)
    failed = [c for c in record["checks"] if not c["ok"]]
    if failed:
        lines += ["## Below threshold", ""]
        lines += [
            f"- {c['task']}.{c['metric']} = {_fmt(c['value'])} (threshold "
            f"{c['threshold']:g}, {c['bound']})"
            for c in failed
        ]
        lines.append("")
    for name, data in record["tasks"].items():
        lines += _task_table(name, data, record["checks"])
        lines += _failures(data)
    return "\n".join(lines)


def write_report(record: dict[str, Any], out_dir: Path) -> Path:
    """Write the chart and report.md into out_dir."""
    write_chart(record, out_dir / CHART)
    path = out_dir / "report.md"
    path.write_text(render(record), encoding="utf-8")
    return path
