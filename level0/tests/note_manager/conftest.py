"""A display for the GUI tests: the one in $DISPLAY, or a private Xvfb started for this session."""

from __future__ import annotations

import os
import select
import shutil
import subprocess
from collections.abc import Iterator

import pytest

from level0.testing import skip_or_fail_in_ci


@pytest.fixture(scope="session")
def x_display() -> Iterator[str]:
    """The X display to use; skips (with the reason) when there is none to be had."""
    if os.environ.get("DISPLAY"):
        yield os.environ["DISPLAY"]
        return
    xvfb = shutil.which("Xvfb")
    if xvfb is None:
        skip_or_fail_in_ci(
            "no display: $DISPLAY is not set and Xvfb is not installed (apt-get install xvfb)"
        )
    # -displayfd: Xvfb picks a free display number itself and writes it to the pipe once it is ready.
    read_end, write_end = os.pipe()
    process = subprocess.Popen(
        [xvfb, "-displayfd", str(write_end), "-screen", "0", "1024x768x24", "-nolisten", "tcp"],
        pass_fds=(write_end,),
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    os.close(write_end)
    try:
        ready, _, _ = select.select([read_end], [], [], 15)
        number = os.read(read_end, 16).decode().strip() if ready else ""
        if not number:
            skip_or_fail_in_ci("no display: Xvfb did not start within 15 s")
        os.environ["DISPLAY"] = f":{number}"
        yield os.environ["DISPLAY"]
    finally:
        os.close(read_end)
        os.environ.pop("DISPLAY", None)
        process.terminate()
        try:
            process.wait(timeout=5)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()
