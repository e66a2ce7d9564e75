"""Which jobs can run with the data checked, and why not. What each job needs is read from the job's own
definition (potential-land categories and their preflight fields, the cost inputs' roles, the parcel lookup's
ZD role, the field-work checks), never restated here."""
from __future__ import annotations

from dataclasses import dataclass, field

from landoffice_plugin.core.roles import load_roles
from landoffice_plugin.i18n import tr, tr_noop


@dataclass
class Job:
    id: str
    name_zh: str
    needs: dict          # role -> standard fields that must resolve
    optional: tuple = ()  # roles used when present


@dataclass
class JobVerdict:
    job: Job
    reasons: list = field(default_factory=list)   # translated: why it cannot run
    notes: list = field(default_factory=list)     # translated: runs, but look at this

    @property
    def can_run(self) -> bool:
        return not self.reasons


def jobs() -> list:
    """Every job with the roles and fields it needs."""
    from landoffice_plugin.analysis.categories import CATEGORIES
    from landoffice_plugin.analysis.engine import CATEGORY_FIELDS, REQUIRED_FIELDS
    from landoffice_plugin.processing.cost_common import ROLE_PARAMS
    from landoffice_plugin.sync.checks import REQUIRED as FIELDWORK_REQUIRED

    roles = load_roles()
    out = []
    for cat in CATEGORIES:
        needs = {r: list(REQUIRED_FIELDS.get(r, ())) for r in cat.needs}
        for role, fields in CATEGORY_FIELDS.get(cat.id, {}).items():
            needs.setdefault(role, [])
            needs[role] += [f for f in fields if f not in needs[role]]
        out.append(Job(f"potentialland:{cat.id}", f"用地潜力：{cat.name_zh}", needs))
    cost = {r: list(roles[r].required) for r, _label in ROLE_PARAMS}
    out.append(Job("demolitioncost", "征地拆迁成本测算", cost))
    out.append(Job("reclamationcost", "村庄复垦成本", dict(cost)))
    out.append(Job("parcelreport", "宗地查询", {"ZD": list(roles["ZD"].required)},
                   ("DLTB", "YJJBNTTB", "STBHHX", "CZKFBJ", "PZYD", "GYYD", "ZRZ", "HJ", "GYQY")))
    out.append(Job("fieldwork", "外业核查（检查规则）", {r: list(f) for r, f in FIELDWORK_REQUIRED.items()}))
    return out


def judge(job: Job, checks: dict, t=tr) -> JobVerdict:
    """Can ``job`` run on ``checks`` ({role: RoleCheck})? Reasons name the role, the field and its meaning, in the
    language of ``t`` (``i18n.zh`` for Chinese)."""
    verdict = JobVerdict(job)
    reason, note = verdict.reasons.append, verdict.notes.append
    roles = load_roles()
    for role_id, fields in job.needs.items():
        check = checks.get(role_id)
        name = roles[role_id].name_zh
        if check is None or not check.found:
            reason(t(tr_noop("no layer for {role} ({id})")).format(role=name, id=role_id))
            continue
        if check.features == 0:
            reason(t(tr_noop("the {role} layer '{layer}' is empty")).format(role=name, layer=check.layer))
        for std in fields:
            f = check.field(std)
            if f is None or f.actual is None:
                reason(t(tr_noop("{role} has no field for {id}.{field} ({meaning})")).format(
                    role=name, id=role_id, field=std, meaning=roles[role_id].fields.get(std, "")))
            elif f.checked and f.valid == 0:
                reason(t(tr_noop("none of the values of {id}.{field} ({actual}) is valid, e.g. {examples}")).format(
                    id=role_id, field=std, actual=f.actual, examples=", ".join(f.examples) or "—"))
            elif f.share is not None and f.share < 0.95:
                note(t(tr_noop("{id}.{field}: only {pct:.1f} % of the values are valid")).format(
                    id=role_id, field=std, pct=f.share * 100))
        if roles[role_id].shapes and check.shape is None:
            reason(t(tr_noop("{role} is neither one row per person (XM) nor one row per household (JTRKS)")).format(
                role=name))
        if check.invalid_geometries:
            note(t(tr_noop("{id}: {n} invalid geometries are repaired before use")).format(
                id=role_id, n=check.invalid_geometries))
    return verdict
