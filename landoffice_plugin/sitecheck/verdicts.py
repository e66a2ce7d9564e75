"""The verdict list of a site report, by the rules of ``resources/sitecheck/rules.toml``: each line a rule, the
area it concerns and why (e.g. 占用永久基本农田 2.31 亩 → 不符合)."""
from __future__ import annotations

from .model import SiteReport, Verdict
from .rules import LEVELS, SiteRules


def _pct(share: float) -> str:
    return f"{share * 100:.2f}%"


def _fill(rule, mu: float, site_mu: float, count: int = 0, detail: str = "", layer: str = "") -> Verdict:
    share = mu / site_mu if site_mu > 0 else 0.0
    text = rule.text.format(mu=f"{mu:.2f}", share=_pct(share), count=count, detail=detail, layer=layer)
    return Verdict(rule.id, rule.severity, rule.verdict, text, mu)


def _total(report: SiteReport, table_id: str):
    t = report.table(table_id)
    return (t, t.total_mu or 0.0) if t is not None else (None, 0.0)


def verdicts(report: SiteReport, rules: SiteRules) -> list:
    """Triggered rules, most severe first; the 'compliant' line when nothing of severity 2 or more is found."""
    out = []
    site_mu = report.site_mu

    def take(rule_id, mu, **kw):
        rule = rules.rule(rule_id)
        if rule.enabled and mu > 0 and mu >= rule.min_mu:
            out.append(_fill(rule, mu, site_mu, **kw))

    t, mu = _total(report, "basic_farmland")
    take("basic_farmland", mu, count=len(t.rows) if t else 0)
    t, mu = _total(report, "eco_redline")
    if t is not None:
        names = sorted({r.get("name") or r.get("no") or "" for r in t.rows} - {""})
        take("eco_redline", mu, count=len(t.rows), detail="、".join(names))
    _t, mu = _total(report, "outside_boundary")
    take("outside_boundary", mu)
    t, mu = _total(report, "cropland")
    if t is not None:
        detail = "、".join(f"{r['name'] or r['grade']} {r['mu']:.2f} 亩" for r in t.rows)
        take("cropland", mu, count=len(t.rows), detail=detail)
    t, mu = _total(report, "approved")
    if t is not None:
        detail = "；".join(f"{r['pzwh']}（{r['date']}）" for r in t.rows)
        take("approved", mu, count=len(t.rows), detail=detail)
    t, mu = _total(report, "supplied")
    if t is not None:
        detail = "；".join(f"{r['project'] or r['no']}（{r['date']}）" for r in t.rows)
        take("supplied", mu, count=len(t.rows), detail=detail)
    t, mu = _total(report, "buildings")
    if t is not None and t.rows:
        h = report.table("households")
        persons = sum(int(r["persons"] or 0) for r in h.rows) if h is not None else 0
        detail = f"{len(h.rows)} 户 {persons} 人" if h is not None else "户籍未提供"
        take("buildings", max(mu, 1e-9), count=len(t.rows), detail=detail)
    t = report.table("controls")
    if t is not None:
        by_layer: dict = {}
        for r in t.rows:
            key = (r["layer"], r["level"])
            by_layer[key] = by_layer.get(key, 0.0) + r["mu"]
        for (layer, level), mu in by_layer.items():
            take(LEVELS[level], mu, layer=layer)
    out.sort(key=lambda v: -v.severity)
    compliant = rules.rule("compliant")
    if compliant.enabled and not any(v.severity >= 2 for v in out):
        out.append(_fill(compliant, site_mu, site_mu))
    return out
