"""Add January-2012 evidence for three of 2011's gaps (the 整改 of the samples)."""

import re
import sys
from pathlib import Path

ROOT = Path(sys.argv[1])


def add(unit: str, req: str, item: str, reported: str = "2012-01-15") -> None:
    path = ROOT / "submissions" / f"{unit}.yaml"
    text = path.read_text(encoding="utf-8")
    text = re.sub(r"^reported: .*$", f"reported: {reported}", text, count=1, flags=re.M)
    key = f"  {req}:\n"
    if key not in text:
        text = text.rstrip("\n") + f"\n{key}    evidence:\n{item}"
    else:
        at = text.index(key) + len(key)
        assert text[at:].startswith("    evidence:\n"), text[at : at + 80]
        at += len("    evidence:\n")
        text = text[:at] + item + text[at:]
    path.write_text(text, encoding="utf-8")


add(
    "gulin",
    "t1-1.risk-assessment",
    "    - title: 关于古蔺县农村公路建设项目社会稳定风险评估报告的批复\n"
    "      date: 2012-01-10\n      doc_no: 古府函〔2012〕3号\n",
)
add(
    "grain",
    "t2-1.enforcement-training",
    "    - title: 市粮食局2012年第一期行政执法人员法律知识培训班\n      date: 2012-01-09\n",
)
add(
    "environment",
    "t1-1.risk-assessment",
    "    - title: 关于泸州市某化工园区扩建项目社会稳定风险评估报告\n"
    "      date: 2012-01-12\n      doc_no: 泸市环函〔2012〕5号\n",
)
