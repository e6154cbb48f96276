"""Quick start without installing anything by hand: python3 roadmap.py tour | test [nox args]

It creates a private tool environment (.tools/) holding nox and uv, then runs
``nox -s tour`` (every mini-project end to end) or ``nox`` (every level's tests in
its own environment, plus lint and typecheck). Anything after the command goes to
nox: ``python3 roadmap.py test -s level0 -- -k datagen``. If you already have nox,
run it directly instead; this script only saves the setup step.
"""

from __future__ import annotations

import os
import subprocess
import sys
import venv
from pathlib import Path

ROOT = Path(__file__).resolve().parent
TOOLS = ROOT / ".tools"
BIN = TOOLS / ("Scripts" if os.name == "nt" else "bin")
COMMANDS = {"tour": ["-s", "tour"], "test": []}


def ensure_tools() -> Path:
    """A virtualenv with nox and uv, created on first use."""
    nox = BIN / ("nox.exe" if os.name == "nt" else "nox")
    if not nox.exists():
        print(f"setting up nox and uv in {TOOLS} (once)", file=sys.stderr)
        venv.create(TOOLS, with_pip=True, clear=True)
        pip = [
            str(BIN / "python"),
            "-m",
            "pip",
            "install",
            "--quiet",
            "--disable-pip-version-check",
        ]
        subprocess.run([*pip, "nox[uv]>=2025.2.9"], check=True)
    return nox


def main(argv: list[str]) -> int:
    if not argv or argv[0] not in COMMANDS:
        print(__doc__, file=sys.stderr)
        return 2
    if sys.version_info < (3, 11):  # noqa: UP036  (this script may be started by an older python3)
        print("error: ml-roadmap needs Python 3.11 or newer", file=sys.stderr)
        return 2
    nox = ensure_tools()
    env = {**os.environ, "PATH": f"{BIN}{os.pathsep}{os.environ.get('PATH', '')}"}
    command = [str(nox), "-f", str(ROOT / "noxfile.py"), *COMMANDS[argv[0]], *argv[1:]]
    return subprocess.run(command, env=env, check=False).returncode


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
