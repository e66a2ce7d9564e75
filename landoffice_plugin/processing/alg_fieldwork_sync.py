"""``landoffice:sync``: pull → merge → push a field package with its data centre."""
from __future__ import annotations

from qgis.core import (
    QgsProcessingOutputNumber,
    QgsProcessingOutputString,
    QgsProcessingParameterAuthConfig,
    QgsProcessingParameterBoolean,
    QgsProcessingParameterEnum,
    QgsProcessingParameterFile,
    QgsProcessingParameterString,
)

from ..i18n import tr
from .base import LandOfficeAlgorithm

POLICIES = ["stop", "mine", "theirs"]


class SyncAlgorithm(LandOfficeAlgorithm):
    NAME = "sync"
    DISPLAY = "Synchronise a field package"
    GROUP_ID = "fieldwork"
    GROUP = "Field work"
    HELP = ("Runs the checks on the features edited in the field, then reads the data centre's changes, merges "
            "them field by field with the local edits and sends the local edits. A sync that was interrupted is "
            "simply run again. Conflicts (the same field changed on both sides): stop and list them, keep mine, "
            "or take theirs.")

    def initAlgorithm(self, config=None):  # noqa: N802
        self.addParameter(QgsProcessingParameterFile("PACKAGE_DIR", tr("Field package folder"),
                                                     behavior=QgsProcessingParameterFile.Folder))
        self.addParameter(QgsProcessingParameterString("URL", tr("Data centre address (empty: the checkout's)"),
                                                       optional=True))
        self.addParameter(QgsProcessingParameterAuthConfig("AUTHCFG", tr("Authentication"), optional=True))
        self.addParameter(QgsProcessingParameterEnum("CONFLICTS", tr("Conflicts"), options=POLICIES, defaultValue=0))
        self.addParameter(QgsProcessingParameterBoolean("CHECKS", tr("Run the checks first"), defaultValue=True))
        self.addParameter(QgsProcessingParameterFile(
            "OVERRIDES", tr("Accepted problems (CSV: collection, fid, check, reason)"), optional=True,
            fileFilter="CSV (*.csv)"))
        self.addOutput(QgsProcessingOutputNumber("CONFLICT_COUNT", tr("Conflicts left")))
        self.addOutput(QgsProcessingOutputString("SUMMARY", tr("Summary")))

    def run_algorithm(self, parameters, context, feedback):
        from ..sync.sync import sync_package

        directory = self.parameterAsFile(parameters, "PACKAGE_DIR", context)
        url = self.parameterAsString(parameters, "URL", context) or None
        authcfg = self.parameterAsString(parameters, "AUTHCFG", context) or None
        policy = POLICIES[self.parameterAsEnum(parameters, "CONFLICTS", context)]
        checks = self.parameterAsBoolean(parameters, "CHECKS", context)
        overrides_file = self.parameterAsFile(parameters, "OVERRIDES", context)
        overrides = []
        if overrides_file:
            from ..sync.checks import read_overrides

            overrides = read_overrides(overrides_file)
        report = sync_package(directory, url, authcfg, policy, feedback=feedback, checks=checks, overrides=overrides)
        summary = report.summary()
        for key, value in summary.items():
            feedback.pushInfo(f"{key}: {value}")
        for conflict in report.conflicts:
            feedback.pushWarning(tr("Conflict: {collection} {fid} field {field}").format(**conflict))
        for refused in report.refused:
            feedback.pushWarning(tr("Refused by the data centre, kept on this laptop: {collection} {fid}: {reason}. "
                                    "Correct the feature and sync again.").format(**refused))
        return {"CONFLICT_COUNT": len(report.conflicts), "SUMMARY": ", ".join(f"{k}={v}" for k, v in summary.items())}
