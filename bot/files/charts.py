"""Charts as PNG bytes (matplotlib, Agg backend, DejaVu Sans: it has every Kazakh letter).

matplotlib (with numpy and PIL, ~27 MB resident) is imported on the first chart, not with the
bot: only the admins' statistics draw charts.
"""

from __future__ import annotations

import io
from collections.abc import Sequence

__all__ = ["bar_chart_png"]


def bar_chart_png(
    title: str,
    labels: Sequence[str],
    values: Sequence[int],
    y_label: str = "",
    colors: Sequence[str] | None = None,
) -> bytes:
    """A bar chart with the value over each bar; ``colors`` one per bar (default: red to
    green for up to four bars). ``Figure`` is used directly (not pyplot), so nothing global is
    kept between charts and concurrent renders do not interfere."""
    import matplotlib

    matplotlib.use("Agg")  # no display on a server
    from matplotlib.figure import Figure
    from matplotlib.ticker import MaxNLocator

    figure = Figure(figsize=(7, 4), dpi=100)
    axes = figure.subplots()
    palette = list(colors or ["#c0392b", "#e67e22", "#27ae60", "#1e8449"])[: len(values)] or None
    bars = axes.bar(list(labels), list(values), color=palette)
    axes.bar_label(bars, labels=[str(v) for v in values])
    axes.set_title(title, fontfamily="DejaVu Sans")
    if y_label:
        axes.set_ylabel(y_label, fontfamily="DejaVu Sans")
    for label in axes.get_xticklabels():
        label.set_fontfamily("DejaVu Sans")
    axes.set_ylim(0, max([*values, 1]) * 1.2)
    axes.yaxis.set_major_locator(MaxNLocator(integer=True))
    figure.tight_layout()
    buffer = io.BytesIO()
    figure.savefig(buffer, format="png")
    return buffer.getvalue()
