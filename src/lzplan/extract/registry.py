"""The units and groups a draft can name: a registry file, or any plan.

Names are matched as `lzplan plan validate` matches them (``lzplan.plan.names``): a
unit by its name or an alias (简称: 市法制办), a group by any of its names, whatever
the width of the punctuation. A reviewed plan given as the registry also lends its
readings of a task's own 有关部门 (the groups a task defines) to the task with the
same owner statement.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from lzplan.plan.index import select
from lzplan.plan.model import Group, Unit
from lzplan.plan.names import Named, NameIndex, key


def statement_key(statement: str) -> str:
    """An owner statement compared whatever its punctuation's width, 、 and , alike (a
    notice written all half-width lists its units with commas)."""
    return key(statement).replace("、", ",")


@dataclass
class Registry:
    units: list[Unit]
    groups: list[Group]
    task_groups: dict[str, list[Group]] = field(default_factory=dict)  # by statement
    _indexes: dict[str, NameIndex] = field(default_factory=dict, repr=False)
    _groups: dict[str, tuple[str, ...]] = field(default_factory=dict, repr=False)

    @property
    def functions(self) -> dict[str, list[str]]:
        """Each unit's function words (职能), where the registry records them."""
        return {unit.id: unit.functions for unit in self.units if unit.functions}

    def own_groups(self, statement: str) -> list[Group]:
        return self.task_groups.get(statement_key(statement), [])

    def index(self, statement: str = "") -> NameIndex:
        """The names known within a task (its statement's own groups first)."""
        found = self._indexes.get(statement)
        if found is None:
            found = NameIndex(self.units, [*self.own_groups(statement), *self.groups])
            self._indexes[statement] = found
        return found

    def scan(self, text: str, statement: str = "") -> tuple[list[Named], list[str]]:
        return self.index(statement).scan(text)

    def narrower(self, group: str, text: str) -> tuple[str, str] | None:
        """The group of ``group``'s members that ``text`` names by what sets them apart
        (市级各部门要…组织本系统行政执法人员…: 市级各行政执法部门), with the words that
        do, when exactly one group is so named, by one of its qualifiers."""
        members = self._members()
        wide = set(members.get(group, ()))
        own = {qualifier(name) for g in self.groups if g.id == group for name in g.names}
        found = {
            (other.id, said)
            for other in self.groups
            if other.id != group and set(members[other.id]) < wide and members[other.id]
            for said in map(qualifier, other.names)
            if said and said not in own and said in text
        }
        return found.pop() if len(found) == 1 else None

    def _members(self) -> dict[str, tuple[str, ...]]:
        if not self._groups:
            self._groups.update({g.id: select(g, self.units) for g in self.groups})
        return self._groups

    def named_in(self, text: str) -> bool:
        """Whether the text names any unit of the registry: a group's name alone (各部门,
        各区县) is any city's words, and 县级各部门 holds 各部门."""
        named, _ = self.scan(text)
        return any(item.what == "unit" for item in named)


def qualifier(name: str) -> str:
    """What a group's name says of its members beyond 'departments': 行政执法 in
    县级行政执法部门, nothing in 县级各部门."""
    return re.sub(r"^(?:[省市县区]级|[省市县区]政府)?(?:各|所有)?|(?:各)?(?:部门|单位)$", "", name)
