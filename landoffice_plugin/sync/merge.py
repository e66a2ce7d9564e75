"""Three-way merge per field: base (last common server state), mine (working copy), theirs (server now).

A field changed on one side only takes that side's value; a field changed on both sides to
the same value is no conflict; to different values it is a conflict. The geometry is one
more field (``geometry``). A delete on one side against a change on the other is a conflict
on the pseudo-field ``__deleted__``; deleted on both sides is agreement. A feature that exists
on both sides with no common base (a create whose answer was lost and that nobody journalled,
say) is merged against an empty base: every field that differs is a conflict, never a silent
"mine".

Whatever a decision or a mine/theirs policy throws away is listed in ``MergeResult.discarded``
(field, kept side, kept value, discarded value, how it was decided) so that it can be kept.
"""
from __future__ import annotations

from dataclasses import dataclass, field

from .features import Feature

DELETED = "__deleted__"
STOP, MINE, THEIRS = "stop", "mine", "theirs"
POLICIES = (STOP, MINE, THEIRS)


@dataclass
class FieldConflict:
    field: str
    base: object
    mine: object
    theirs: object


@dataclass
class MergeResult:
    """``result`` is the merged feature (None = deleted); ``conflicts`` the undecided fields."""
    result: Feature | None
    conflicts: list = field(default_factory=list)
    discarded: list = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not self.conflicts


def _pick(choice: str, conflict: FieldConflict):
    return conflict.mine if choice == MINE else conflict.theirs


def merge_feature(base: Feature | None, mine: Feature | None, theirs: Feature | None,
                  decisions: dict | None = None, policy: str = STOP) -> MergeResult:
    """Merge one feature. ``decisions``: field → 'mine'/'theirs' already chosen by the user.

    With ``policy`` 'mine' or 'theirs' every conflict is decided that way; with 'stop' the
    conflicts without a decision are returned and the result keeps *mine* for them.
    """
    decisions = decisions or {}
    if base is None:
        if mine is None or theirs is None:  # created on one side only
            return MergeResult(mine if mine is not None else theirs)
        base = Feature(theirs.id, None, {k: None for k in {**mine.props, **theirs.props}}, None)
    if mine is None and theirs is None:
        return MergeResult(None)
    if mine is None or theirs is None:
        alive, deleted_by = (theirs, "mine") if mine is None else (mine, "theirs")
        if not _differs(base, alive):
            return MergeResult(None)  # the other side did not change it: the delete wins
        conflict = FieldConflict(DELETED, False, deleted_by == "mine", deleted_by == "theirs")
        choice = decisions.get(DELETED) or (policy if policy != STOP else None)
        if choice is None:
            return MergeResult(mine, [conflict])
        keep_deleted = _pick(choice, conflict)
        how = "decision" if decisions.get(DELETED) else policy
        if keep_deleted:  # the delete wins: every value of the side that kept the feature is thrown away
            lost = [(key, choice, None, value, how) for key, value in alive.values().items()]
        else:
            lost = [(DELETED, choice, "kept", "deleted", how)]
        return MergeResult(None if keep_deleted else alive, discarded=lost)
    b, m, t = base.values(), mine.values(), theirs.values()
    merged, conflicts, discarded = {}, [], []
    for key in list(dict.fromkeys([*b, *m, *t])):
        bv, mv, tv = b.get(key), m.get(key), t.get(key)
        if mv == tv or tv == bv:
            merged[key] = mv
        elif mv == bv:
            merged[key] = tv
        else:
            conflict = FieldConflict(key, bv, mv, tv)
            choice = decisions.get(key) or (policy if policy != STOP else None)
            if choice is None:
                conflicts.append(conflict)
                merged[key] = mv
            else:
                merged[key] = _pick(choice, conflict)
                lost = tv if choice == MINE else mv
                discarded.append((key, choice, merged[key], lost, "decision" if decisions.get(key) else policy))
    geom = merged.pop("geometry", None)
    return MergeResult(Feature(theirs.id, theirs.version, merged, geom), conflicts, discarded)


def _differs(a: Feature, b: Feature) -> bool:
    return a.values() != b.values()
