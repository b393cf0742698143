"""One self-contained HTML page: a heat-map of the matrix, a legend, and a drill-down per
unit. No script, no network, no external fonts; readable on a phone."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from html import escape

from lzplan import __version__
from lzplan.check.result import Notice, Outcome, Result, Status, UnitResult
from lzplan.errors import Problem
from lzplan.messages import Lang, say
from lzplan.plan.load import LoadedPlan
from lzplan.plan.model import Plan
from lzplan.reporters import Options, common, labels
from lzplan.reporters.looks import LOOK, PACE

STYLE = """
body{font-family:system-ui,-apple-system,"Noto Sans CJK SC","PingFang SC","Microsoft YaHei",
sans-serif;margin:0;padding:12px;color:#212121;line-height:1.45}
header,footer,main>*{max-width:1100px;margin-left:auto;margin-right:auto}
main>.bleed{max-width:100%;width:fit-content}
h1{font-size:1.3em}h2{font-size:1.1em;margin-top:1.6em}
.wrap{overflow-x:auto;-webkit-overflow-scrolling:touch}
.scroll-cue{display:none;color:#555;font-size:.85em}
@media (max-width:900px){.scroll-cue{display:block}}
table{border-collapse:collapse;font-size:.9em}
th,td{border:1px solid #ddd;padding:3px 6px;text-align:left;vertical-align:top}
td.cell{text-align:center;min-width:2.4em;font-weight:600}
#matrix th{white-space:nowrap}
#matrix .who{position:sticky;left:0;background:#fff;font-weight:400;min-width:8em;
max-width:8em;overflow:hidden;text-overflow:ellipsis;z-index:1}
#matrix .standing{position:sticky;left:8em;background:#fff;z-index:1;white-space:nowrap}
.legend span{display:inline-block;margin:2px 8px 2px 0;white-space:nowrap}
.legend span.basis{white-space:normal}
.legend b{display:inline-block;width:1.1em;height:1.1em;vertical-align:middle;margin-right:4px}
details{margin:4px 0;border:1px solid #ddd;border-radius:4px;padding:4px 8px}
summary{cursor:pointer;font-weight:600}
.src{color:#555;font-size:.85em}
ul.items{margin:2px 0 2px 1em;padding:0}
.meta{color:#555;font-size:.85em}
code{word-break:break-all}
"""


def render(result: Result, loaded: LoadedPlan, options: Options) -> Iterable[str]:
    lang = options.lang
    info = loaded.plan.plan
    provenance = say(
        "html.plan",
        lang,
        plan=f"<code>{_e(info.id)}</code>",
        file=_e(loaded.display),
        sha=f"<code>{loaded.sha256}</code>",
        source=_e(info.source.title),
        publisher=_e(info.source.publisher),
        published=_e(labels.date(info.source.published, lang)),
    )
    parts = [
        "<!DOCTYPE html>",
        f'<html lang="{_e(say("html.lang", lang))}">',
        "<head>",
        '<meta charset="utf-8">',
        '<meta name="viewport" content="width=device-width, initial-scale=1">',
        f"<title>{_e(info.title)} - {_e(labels.date(result.as_of, lang))}</title>",
        f"<style>{STYLE}{_status_css()}</style>",
        "</head>",
        "<body>",
        "<header>",
        f"<h1>{_e(info.title)}</h1>",
        f'<p class="meta">{_e(say("html.as_of", lang))} '
        f'<b id="as-of" data-date="{result.as_of}">{_e(labels.date(result.as_of, lang))}</b>. '
        f"{provenance}</p>",
        "</header>",
        "<main>",
        *(f"<p>{_e(line)}</p>" for line in common.summary(result, lang)),
        _legend(lang, loaded.plan),
        f'<p class="scroll-cue" aria-hidden="true">{_e(say("html.scroll", lang))}</p>',
        '<div class="wrap bleed">',
        _matrix(result, loaded, lang),
        "</div>",
        _progress(result, loaded, lang),
        _scores(result, loaded, lang),
        _shortfalls(result, loaded, lang),
        f"<h2>{_e(say('html.units', lang))}</h2>",
        *(_unit(unit, loaded, lang) for unit in result.units),
        _messages(say("report.notices", lang), result.notices, lang),
        _messages(say("report.problems", lang), result.problems, lang),
        "</main>",
        f'<footer><p class="meta">{_e(say("html.made_by", lang, version=__version__))}</p>'
        "</footer>",
        "</body>",
        "</html>",
    ]
    return ["\n".join(part for part in parts if part) + "\n"]


def _e(text: object) -> str:
    return escape(str(text), quote=True)


def _css_class(status: Status) -> str:
    return "s-" + str(status).replace("/", "").replace("_", "-")


def _status_css() -> str:
    return "".join(
        f".{_css_class(s)}{{background:{look.colour};color:{look.ink}}}" for s, look in LOOK.items()
    )


def _legend(lang: Lang, plan: Plan) -> str:
    spans = "".join(
        f'<span><b class="{_css_class(s)}"></b>{_e(_symbol_and_word(s, lang))}</span>'
        for s in Status
    )
    assumed = f'<span class="basis">{_e(labels.basis(plan, lang))}</span>'
    return f'<p class="legend">{spans}{assumed}</p>'


def _symbol_and_word(status: Status, lang: Lang) -> str:
    symbol, word = labels.symbol(status, lang), labels.word(status, lang)
    return word if symbol == word else f"{symbol} {word}"


def _cell(status: Status, title: str, lang: Lang) -> str:
    return (
        f'<td class="cell {_css_class(status)}" data-status="{status}" '
        f'title="{_e(title)}">{_e(labels.symbol(status, lang))}</td>'
    )


def _matrix(result: Result, loaded: LoadedPlan, lang: Lang) -> str:
    titles = {task.id: task.title for task in loaded.plan.tasks}
    columns = labels.task_columns(loaded.plan, lang)
    head = "".join(f'<th title="{_e(titles[t])}">{_e(columns[t])}</th>' for t in result.tasks)
    unit_h, status_h = _e(say("report.unit", lang)), _e(say("report.status", lang))
    # the unit and its standing first, and held in view: a phone scrolls the tasks
    rows = [
        f'<table id="matrix"><thead><tr><th class="who">{unit_h}</th>'
        f'<th class="standing">{status_h}</th>{head}</tr></thead><tbody>'
    ]
    for unit in result.units:
        name = labels.unit_name(loaded.index.units[unit.unit], lang)
        cells = "".join(
            _cell(
                unit.cell(task),
                f"{name} {columns[task]}: {labels.word(unit.cell(task), lang)}",
                lang,
            )
            for task in result.tasks
        )
        rows.append(
            f'<tr data-unit="{_e(unit.unit)}"><th class="who" title="{_e(name)}">'
            f'<a href="#u-{_e(unit.unit)}">{_e(name)}</a></th>'
            f'<td class="standing">{_e(labels.unit_status(unit.status, lang))}</td>{cells}</tr>'
        )
    rows.append("</tbody></table>")
    return "\n".join(rows)


def _table(ident: str, keys: tuple[str, ...], rows: list[str], lang: Lang) -> str:
    heads = "".join(f"<th>{_e(say(key, lang))}</th>" for key in keys)
    return f'<div class="wrap"><table id="{ident}"><tr>{heads}</tr>{"".join(rows)}</table></div>'


def _progress(result: Result, loaded: LoadedPlan, lang: Lang) -> str:
    """While the period runs: each unit's share done against the share of time gone."""
    rows = common.progress(result, loaded)
    if not rows:
        return ""
    lines = []
    for row in rows:
        name = labels.unit_name(loaded.index.units[row.unit], lang)
        look = PACE[row.on_pace]
        lines.append(
            f'<tr data-unit="{_e(row.unit)}" data-on-pace="{str(row.on_pace).lower()}">'
            f"<td>{_e(name)}</td><td>{row.done}</td><td>{row.owed}</td>"
            f"<td>{common.percent(row.share)}</td>"
            f'<td style="background:{look.colour};color:{look.ink}">{_e(common.pace(row, lang))}'
            "</td></tr>"
        )
    keys = ("report.name", "report.done", "report.owed", "report.share", "report.pace")
    return (
        f"<h2>{_e(say('report.progress', lang))}</h2>"
        f"<p>{_e(common.progress_line(result, loaded, lang))}</p>"
        + _table("progress", keys, lines, lang)
    )


def _scores(result: Result, loaded: LoadedPlan, lang: Lang) -> str:
    rows = common.score_rows(result, loaded, lang)
    if not rows:
        return ""
    lines = [
        f'<tr data-unit="{_e(r.unit)}"><td>{_e(r.ranking)}</td><td>{r.rank}</td>'
        f"<td>{_e(r.name)}</td><td>{_e(r.points)}</td><td>{_e(r.percent)}</td></tr>"
        for r in rows
    ]
    keys = ("report.ranking", "report.rank", "report.name", "report.points", "report.percent")
    return (
        f"<h2>{_e(say('report.scores', lang))}</h2>"
        f"<p>{_e(common.scores_line(result, loaded, lang))}</p>"
        + _table("scores", keys, lines, lang)
    )


def _shortfalls(result: Result, loaded: LoadedPlan, lang: Lang) -> str:
    """What is not met, worst first: the list a bulletin's attachment is."""
    rows = common.shortfalls(result)
    if not rows:
        return ""
    heads = "".join(
        f"<th>{_e(say(f'report.{h}', lang))}</th>"
        for h in ("status", "unit", "requirement", "detail", "due")
    )
    lines = []
    for o in rows:
        name = labels.unit_name(loaded.index.units[o.unit], lang)
        title = (
            loaded.index.requirements[o.requirement][1].title
            if o.requirement
            else say("report.all", lang)
        )
        lines.append(
            f'<tr data-status="{o.status}"><td class="cell {_css_class(o.status)}">'
            f"{_e(labels.word(o.status, lang))}</td>"
            f'<td><a href="#u-{_e(o.unit)}">{_e(name)}</a></td><td>{_e(title)}</td>'
            f"<td>{_e(o.detail.render(lang))}</td><td>{_e(labels.date(o.due, lang))}</td></tr>"
        )
    heading = say("report.shortfalls", lang).rstrip(":：")
    table = f'<table id="shortfalls"><tr>{heads}</tr>{"".join(lines)}</table>'
    return f'<h2>{_e(heading)}</h2><div class="wrap">{table}</div>'


def _unit(unit: UnitResult, loaded: LoadedPlan, lang: Lang) -> str:
    name = labels.unit_label(loaded.index.units[unit.unit], lang)
    rows = "".join(_requirement_row(o, loaded, lang) for o in unit.outcomes)
    file = _e(unit.file) if unit.file else _e(say("report.no_file", lang))
    heads = "".join(
        f"<th>{_e(say(f'report.{h}', lang))}</th>"
        for h in ("status", "requirement", "detail", "due")
    )
    return (
        f'<details id="u-{_e(unit.unit)}"><summary>{_e(name)}{_e(labels.colon(lang))}'
        f"{_e(labels.unit_status(unit.status, lang))}</summary>"
        f'<p class="meta">{file}</p><div class="wrap"><table>'
        f"<tr>{heads}</tr>{rows}</table></div></details>"
    )


def _requirement_row(outcome: Outcome, loaded: LoadedPlan, lang: Lang) -> str:
    _, req = loaded.index.requirements[outcome.requirement]
    due = labels.date(req.due.date, lang)
    if req.due.wording:
        due = say("report.due_wording", lang, date=req.due.date, wording=req.due.wording)
    items = "".join(
        f"<li>{_e(labels.date(item.date, lang))} {_e(item.title)}"
        f"{' ' + _e(item.doc_no) if item.doc_no else ''}{_e(labels.colon(lang))}"
        f"{_e(labels.reason(item.reason, lang))}</li>"
        for item in outcome.items
    )
    word = labels.outcome_word(outcome.status, req, loaded.index, lang)
    code = f"<code>{_e(req.id)}</code> " if labels.show_ids(lang) else ""
    return (
        f'<tr><td class="cell {_css_class(outcome.status)}">{_e(word)}</td>'
        f"<td>{code}{_e(req.title)}"
        f'<div class="src">{_e(req.source)}</div>'
        f"{f'<ul class=items>{items}</ul>' if items else ''}</td>"
        f"<td>{_e(outcome.detail.render(lang))}</td><td>{_e(due)}</td></tr>"
    )


def _messages(title: str, messages: Sequence[Problem | Notice], lang: Lang) -> str:
    if not messages:
        return ""
    items = "".join(
        f"<li><code>{_e(m.location)}</code>: {_e(m.message.render(lang))}</li>" for m in messages
    )
    return f"<h2>{_e(title)}</h2><ul>{items}</ul>"
