"""The HTML report, loaded in a real headless Chromium (Debian's `chromium`)."""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
from pathlib import Path

import pytest

from tests.conftest import invoke

CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
FLAGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]


def browser() -> str:
    if CHROMIUM is None:
        if os.environ.get("CI"):
            pytest.fail("chromium is missing; .ci/run installs Debian's chromium package")
        pytest.skip("chromium is not installed here")
    return CHROMIUM


def chromium(tmp_path: Path, *args: str) -> str:
    done = subprocess.run(
        [browser(), *FLAGS, f"--user-data-dir={tmp_path / 'profile'}", *args],
        capture_output=True,
        text=True,
        timeout=120,
        check=True,
    )
    return done.stdout


@pytest.fixture(scope="module")
def page(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, dict[str, object]]:
    folder = tmp_path_factory.mktemp("html")
    html, data = folder / "status.html", folder / "status.json"
    invoke("check", "--as-of", "2011-12-31", "-o", f"html:{html}", "-o", f"json:{data}")
    return html, json.loads(data.read_text(encoding="utf-8"))


def test_the_page_is_self_contained(page: tuple[Path, dict[str, object]]) -> None:
    text = page[0].read_text(encoding="utf-8")
    for outside in ("http://", "https://", "<script", "<link", "src=", "@import", "url("):
        assert outside not in text
    assert '<meta name="viewport"' in text


def test_chromium_renders_every_cell_and_status(
    page: tuple[Path, dict[str, object]], tmp_path: Path
) -> None:
    html, report = page
    dom = chromium(tmp_path, "--dump-dom", html.as_uri())
    matrix = dom.split('<table id="matrix">')[1].split("</table>")[0]
    cells = re.findall(r'<td class="cell [^"]*" data-status="([^"]+)"', matrix)
    units = report["units"]
    assert isinstance(units, list)
    expected = [status for unit in units for status in unit["cells"].values()]
    assert len(cells) == 53 * 13
    assert cells == expected
    assert dom.count("<details ") == 53
    assert '<b id="as-of" data-date="2011-12-31">2011-12-31</b>' in dom


def test_chromium_renders_the_chinese_page_as_a_bulletin_attachment(tmp_path: Path) -> None:
    html = tmp_path / "status.html"
    invoke("check", "--as-of", "2011-12-31", "--lang", "zh", "-o", f"html:{html}")
    dom = chromium(tmp_path, "--dump-dom", html.as_uri())
    assert '<b id="as-of" data-date="2011-12-31">2011年12月31日</b>' in dom
    text = re.sub(r"<[^>]+>", " ", dom.split("<body", 1)[1])
    text = re.sub(r"submissions/[\w.-]+", "", text)  # file paths stay as they are
    assert "市旅游局＊" in text
    assert "＊ 通知未列名，依通知对市政府各部门的要求或任务分解（泸府法〔2011〕8号）承担" in text
    for english in ("gulin", "t1-1", "risk-assessment", "missed", "compliant"):
        assert english not in text


def test_chromium_screenshot_on_a_phone(
    page: tuple[Path, dict[str, object]], tmp_path: Path
) -> None:
    shot = tmp_path / "phone.png"
    chromium(tmp_path, "--window-size=412,915", f"--screenshot={shot}", page[0].as_uri())
    assert shot.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    assert shot.stat().st_size > 10_000


def _luminance(colour: str) -> float:
    red, green, blue = (int(colour.lstrip("#")[i : i + 2], 16) / 255 for i in (0, 2, 4))

    def channel(c: float) -> float:
        return c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4

    return 0.2126 * channel(red) + 0.7152 * channel(green) + 0.0722 * channel(blue)


def contrast(one: str, other: str) -> float:
    light, dark = sorted((_luminance(one), _luminance(other)), reverse=True)
    return (light + 0.05) / (dark + 0.05)


def test_every_text_colour_is_readable(page: tuple[Path, dict[str, object]]) -> None:
    """WCAG AA: 4.5:1 for every status cell's text on its colour, and for the page's."""
    text = page[0].read_text(encoding="utf-8")
    rules = re.findall(r"\.s-[a-z-]+\{background:(#[0-9a-f]{6});color:(#[0-9a-f]{6})\}", text)
    assert len(rules) == 9  # one per status
    pairs = [*rules, ("#ffffff", "#212121"), ("#ffffff", "#555555")]
    low = [(bg, fg, round(contrast(bg, fg), 2)) for bg, fg in pairs if contrast(bg, fg) < 4.5]
    assert low == []


def test_the_page_lists_the_shortfalls_worst_first(
    page: tuple[Path, dict[str, object]], tmp_path: Path
) -> None:
    dom = chromium(tmp_path, "--dump-dom", page[0].as_uri())
    table = dom.split('<table id="shortfalls">')[1].split("</table>")[0]
    statuses = re.findall(r'<tr data-status="([a-z_]+)"', table)
    assert statuses[:2] == ["missed", "missed"]
    assert statuses[-1] == "met_late"
    assert "市旅游局" in table


def test_on_a_phone_the_unit_and_its_standing_stay_in_view(
    page: tuple[Path, dict[str, object]],
) -> None:
    text = page[0].read_text(encoding="utf-8")
    header = text.split('<table id="matrix"><thead><tr>')[1].split("</tr>")[0]
    assert header.startswith('<th class="who">unit</th><th class="standing">status</th>')
    assert "#matrix .who{position:sticky;left:0" in text
    assert "#matrix .standing{position:sticky;left:8em" in text


AXE = Path(__file__).resolve().parents[1] / ".ci-cache" / "npm" / "node_modules" / "axe-core"


def axe_script() -> str:
    found = Path(os.environ.get("LZPLAN_AXE", AXE / "axe.min.js"))
    if not found.exists():
        if os.environ.get("CI"):
            pytest.fail("axe-core is missing; .ci/run installs it with npm")
        pytest.skip("axe-core is not installed (npm install axe-core)")
    return found.read_text(encoding="utf-8")


# Run in a copy of the page (the report itself holds no script): how the matrix fits, and
# axe-core's violations, written into the page for --dump-dom to return.
PROBE = """<script>%s</script><script>
var m = document.getElementById('matrix'), w = m.parentElement;
var fit = {right: m.getBoundingClientRect().right, viewport: window.innerWidth,
           scroll: w.scrollWidth, client: w.clientWidth,
           page: document.documentElement.scrollWidth};
axe.run(document, {runOnly: {type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa',
                                                    'best-practice']}}).then(function (r) {
  var out = document.createElement('pre'); out.id = 'probe';
  out.textContent = JSON.stringify({fit: fit, violations: r.violations.map(function (v) {
    return {id: v.id, impact: v.impact, nodes: v.nodes.length}; })});
  document.body.appendChild(out);
});
</script>"""


def probed(tmp_path: Path, html: Path, width: int) -> dict[str, object]:
    copy = tmp_path / f"probe-{html.name}"
    script = PROBE % axe_script().replace("</script>", "<\\/script>")
    copy.write_text(html.read_text(encoding="utf-8").replace("</body>", script + "</body>"),
                    encoding="utf-8")  # fmt: skip
    dom = chromium(tmp_path, "--virtual-time-budget=30000", f"--window-size={width},900",
                   "--dump-dom", copy.as_uri())  # fmt: skip
    found = re.search(r'<pre id="probe">(.*?)</pre>', dom, re.S)
    assert found is not None, dom[-2000:]
    result: dict[str, object] = json.loads(found.group(1).replace("&quot;", '"'))
    return result


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_axe_finds_nothing_and_the_matrix_fits_a_laptop(tmp_path: Path, lang: str) -> None:
    """At 1366 px every task column is in view without scrolling; axe-core (WCAG 2.1 A and
    AA, and its best practices: landmarks, regions) reports no violation."""
    html = tmp_path / f"status-{lang}.html"
    made = invoke("check", "--as-of", "2011-12-31", "--lang", lang, "-o", f"html:{html}")
    assert made.exit_code == 1, made.stderr
    found = probed(tmp_path, html, 1366)
    assert found["violations"] == []
    fit = found["fit"]
    assert isinstance(fit, dict)
    assert fit["scroll"] == fit["client"]  # nothing hidden sideways
    assert fit["right"] <= fit["viewport"]
    assert fit["page"] <= fit["viewport"]


def test_on_a_phone_the_matrix_scrolls_inside_the_page_with_a_cue(
    tmp_path: Path, page: tuple[Path, dict[str, object]]
) -> None:
    found = probed(tmp_path, page[0], 412)
    fit = found["fit"]
    assert isinstance(fit, dict)
    assert fit["scroll"] > fit["client"]  # the table scrolls in its box…
    assert fit["page"] <= fit["viewport"]  # …and the page itself does not
    assert 'class="scroll-cue"' in page[0].read_text(encoding="utf-8")
    assert found["violations"] == []
