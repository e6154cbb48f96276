"""JUnit XML: the report CI systems read, in the shape pytest's ``--junit-xml`` writes.

One ``<testsuite>`` inside ``<testsuites>``; one ``<testcase classname= name= time=>`` per
test, holding ``<failure>`` (the call failed), ``<error>`` (setup or teardown failed, or a
file could not be collected), ``<skipped type="pytest.skip">`` or, for an expected failure,
``<skipped type="pytest.xfail">``; an unexpected pass has no child, as in pytest.
``record_property`` values go into ``<properties>``. :func:`read_junit` reads such a file
back (pipetest's or pytest's) into ``{(classname, name): outcome}``.
"""

from __future__ import annotations

import platform
import xml.etree.ElementTree as ET
from datetime import UTC, datetime
from pathlib import Path

from level0.atomic import atomic_write_bytes
from level4.pipetest.runner import SessionResult

__all__ = ["junit_tree", "read_junit", "read_junit_messages", "write_junit"]


def junit_tree(result: SessionResult, suite_name: str = "pipetest") -> ET.Element:
    """The report as an element tree (``<testsuites>``)."""
    root = ET.Element("testsuites", name=f"{suite_name} tests")
    counts = result.counts()
    failures = counts["failed"]
    errors = counts["error"] + len(result.collect_errors)
    skipped = counts["skipped"] + counts["xfailed"]
    suite = ET.SubElement(
        root,
        "testsuite",
        name=suite_name,
        errors=str(errors),
        failures=str(failures),
        skipped=str(skipped),
        tests=str(len(result.reports) + len(result.collect_errors)),
        time=f"{result.duration:.3f}",
        timestamp=datetime.now(UTC).isoformat(),
        hostname=platform.node(),
    )
    for error in result.collect_errors:
        case = ET.SubElement(
            suite,
            "testcase",
            classname="",
            name=error.nodeid.removesuffix(".py").replace("/", "."),
            time="0.000",
        )
        ET.SubElement(case, "error", message="collection failure").text = error.text
    for report in result.reports:
        case = ET.SubElement(
            suite,
            "testcase",
            classname=report.classname,
            name=report.name,
            time=f"{report.duration:.3f}",
        )
        if report.properties:
            properties = ET.SubElement(case, "properties")
            for key, value in report.properties:
                ET.SubElement(properties, "property", name=key, value=str(value))
        if report.outcome == "failed":
            ET.SubElement(case, "failure", message=report.message).text = report.longrepr
        elif report.outcome == "error":
            ET.SubElement(case, "error", message=report.message).text = report.longrepr
        elif report.outcome == "skipped":
            ET.SubElement(
                case, "skipped", type="pytest.skip", message=report.message
            ).text = f"{report.location}: {report.message}"
        elif report.outcome == "xfailed":
            ET.SubElement(case, "skipped", type="pytest.xfail", message=report.message)
        if report.stdout:
            ET.SubElement(case, "system-out").text = report.stdout
    return root


def write_junit(result: SessionResult, path: Path) -> Path:
    """Write the report to ``path`` atomically (creating its folder, as pytest does)."""
    path.parent.mkdir(parents=True, exist_ok=True)
    tree = junit_tree(result)
    ET.indent(tree)
    atomic_write_bytes(path, ET.tostring(tree, encoding="utf-8", xml_declaration=True) + b"\n")
    return path


def outcome_of(case: ET.Element) -> str:
    """A ``<testcase>``'s outcome from its child element."""
    for child in case:
        if child.tag == "failure":
            return "failed"
        if child.tag == "error":
            return "error"
        if child.tag == "skipped":
            return "xfailed" if child.get("type") == "pytest.xfail" else "skipped"
    return "passed"


def read_junit(path: Path) -> dict[tuple[str, str], str]:
    """``{(classname, name): outcome}`` for every test case in a JUnit XML file.

    An unexpected pass (xpassed) reads as ``passed``: JUnit XML does not tell them apart.
    """
    root = ET.parse(path).getroot()
    suites = [root] if root.tag == "testsuite" else root.findall("testsuite")
    return {
        (case.get("classname", ""), case.get("name", "")): outcome_of(case)
        for suite in suites
        for case in suite.findall("testcase")
    }


def read_junit_messages(path: Path) -> dict[tuple[str, str], str]:
    """``{(classname, name): first line of the message}`` for failed and erroring test cases."""
    root = ET.parse(path).getroot()
    return {
        (case.get("classname", ""), case.get("name", "")): (child.get("message") or "").split("\n")[
            0
        ]
        for case in root.iter("testcase")
        for child in case
        if child.tag in ("failure", "error")
    }
