"""``sync.log`` beside the field package: one readable block per sync, in the user's language.

What a field worker or the county's administrator reads to know what a sync did: when, against
which data centre, what was sent and received, which conflicts wait for a decision, and why a
sync stopped. No password or token ever reaches it (URLs are written without credentials).
"""
from __future__ import annotations

import datetime as _dt
from pathlib import Path

from ..i18n import tr

LOG_NAME = "sync.log"


def _stamp() -> str:
    return _dt.datetime.now().astimezone().isoformat(timespec="seconds")


def append(package_dir, lines: list[str]) -> Path:
    path = Path(package_dir) / LOG_NAME
    with path.open("a", encoding="utf-8") as log:
        log.write("\n".join([f"== {_stamp()}", *lines]) + "\n\n")
    return path


def log_report(package_dir, url: str, report) -> Path:
    s = report.summary()
    lines = [tr("Data centre: {url}").format(url=url),
             tr("Received {pulled}, merged {merged}; sent: {created} created, {updated} updated, {deleted} deleted; "
                "{rejected} rejected by the server and merged again.").format(**s)]
    for conflict in report.conflicts:
        lines.append(tr("Conflict waiting for a decision: {collection} {fid}, field {field}").format(**conflict))
    for refused in report.refused:
        lines.append(tr("Refused by the data centre, kept on this laptop: {collection} {fid}: {reason}. Correct "
                        "the feature and sync again.").format(**refused))
    for item in report.discarded:
        lines.append(tr("Discarded ({kept} kept): {collection} {fid}, field {field}, value {discarded}").format(
            **{**item, "discarded": _value(item["discarded"])}))
    if report.left_area:
        lines.append(tr("{count} features left the checked-out area on the data centre and were removed from "
                        "this laptop (not deleted on the data centre).").format(count=report.left_area))
    if report.kept_for_next:
        lines.append(tr("{count} features changed while the sync ran: they go with the next sync.").format(
            count=report.kept_for_next))
    if not report.conflicts:
        lines.append(tr("No conflict."))
    return append(package_dir, lines)


def _value(value) -> str:
    if isinstance(value, (bytes, bytearray)):
        import shapely

        return shapely.from_wkb(bytes(value)).wkt[:200]
    return repr(value)[:200]


def log_failure(package_dir, url: str, error: Exception) -> Path:
    return append(package_dir, [tr("Data centre: {url}").format(url=url),
                                tr("The sync stopped: {error}").format(error=error),
                                tr("Nothing is lost: run the sync again.")])
