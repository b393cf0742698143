"""Clauses that state a norm or a sanction, not a piece of work anyone can report.

Notices mix duties (建立…制度, 评估不少于3件) with clauses that only bind conduct or
threaten a sanction: 对违反决策规定…的，要严格追究过错责任 (nothing happens until
someone errs) and 坚持文明执法，不得粗暴对待当事人 (a prohibition: its breach is what
would be reported). A plan lists them as `unreported`, with its reason.
"""

from __future__ import annotations

import re

# 对/凡…的，要(严格|依法)追究(有关人员的)(过错)责任
_SANCTION = re.compile(r"^(?:对|凡)[^。；;]*的[，,]?[^，,。；;]*追究[^，,。；;]{0,8}责任[。；;.]?$")
_PROHIBITION = re.compile(r"^(?:不得|严禁|禁止|杜绝)")
_PRINCIPLE = re.compile(r"^坚持")


def sanction(clause: str) -> bool:
    """A sanction for a breach (对违反…的，要严格追究过错责任)."""
    return bool(_SANCTION.match(clause.strip()))


def prohibition(clause: str) -> bool:
    """Only what must not be done, beside the principle it follows (坚持文明执法，不得
    粗暴对待当事人): every part a prohibition or a 坚持…, at least one a prohibition."""
    parts = [p.strip() for p in re.split(r"[，,；;。]", clause) if p.strip()]
    banned = [p for p in parts if _PROHIBITION.match(p)]
    return bool(banned) and all(_PROHIBITION.match(p) or _PRINCIPLE.match(p) for p in parts)
