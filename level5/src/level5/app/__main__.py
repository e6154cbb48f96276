"""python -m level5.app: start the Streamlit app (sentiment and house prices) on this machine."""

from __future__ import annotations

import argparse
import os
import signal
import sys
import tempfile
import time
from pathlib import Path
from types import FrameType

from level0 import interrupts
from level0.cli import Failure, int_in, make_parser, run
from level5.api.settings import MODELS_ENV  # the API's name: one variable for both
from level5.services import HOST, ServiceError, free_port, http_ready, port_open, python_module

APP = Path(__file__).with_name("streamlit_app.py")
DEFAULT_PORT = 8501  # Streamlit's own default
# Streamlit as a server: no browser, no usage statistics, no file watching, no developer
# menu, loopback only.
STREAMLIT_FLAGS = (
    "--server.headless=true",
    f"--server.address={HOST}",
    "--browser.gatherUsageStats=false",
    "--global.developmentMode=false",
    "--server.fileWatcherType=none",
    "--client.toolbarMode=viewer",
)
START_SECONDS = 120.0  # Streamlit answers in 2-3 s; a loaded machine can take much longer


def build_parser() -> argparse.ArgumentParser:
    parser: argparse.ArgumentParser = make_parser(
        "python -m level5.app",
        "Start the Streamlit app (a sentiment page and a house-price page) headless on "
        "127.0.0.1 and print its address; Ctrl-C stops it. The models come from the same "
        "folder as the API's; a missing one can be trained from the page.",
        "python -m level5.api train-defaults -o models && python -m level5.app --models models",
    )
    parser.add_argument(
        "--models",
        type=Path,
        default=None,
        metavar="DIR",
        help=f"the API's model folder (default ${MODELS_ENV} or ./models); need not exist yet",
    )
    parser.add_argument(
        "--port",
        type=int_in(0, 65_535),
        default=DEFAULT_PORT,
        help=f"port on 127.0.0.1 (default {DEFAULT_PORT}; 0: any free port)",
    )
    return parser


def streamlit_argv(port: int) -> list[str]:
    """``python -m streamlit run`` on the app's entry script, as a user would type it."""
    return python_module("streamlit", "run", str(APP), *STREAMLIT_FLAGS, f"--server.port={port}")


def serve(args: argparse.Namespace) -> int:
    from level5.services import Service, start

    given = args.models or Path(os.environ.get(MODELS_ENV) or "models")
    models = given.resolve()
    if models.exists() and not models.is_dir():
        raise Failure(f"{given} is a file; --models wants a folder of models (or a new one)")
    port = args.port or free_port()
    if port_open(port)():
        raise Failure(f"port {port} is in use; choose another with --port (0: any free port)")

    def stop(signum: int, frame: FrameType | None) -> None:
        raise KeyboardInterrupt

    signal.signal(signal.SIGTERM, stop)  # `kill PID` stops the app as cleanly as Ctrl-C
    app: Service | None = None
    with tempfile.TemporaryDirectory(prefix="level5-app-") as logs:
        try:
            with start(
                "streamlit",
                streamlit_argv(port),
                port=port,
                ready=http_ready(f"http://{HOST}:{port}/_stcore/health"),
                log=Path(logs) / "streamlit.log",
                env={MODELS_ENV: str(models)},
                timeout=START_SECONDS,
            ) as app:
                print(f"app at http://{HOST}:{port} (models: {models})", flush=True)
                print("press Ctrl-C to stop", file=sys.stderr, flush=True)
                while app.running() and not interrupts.requested():
                    time.sleep(0.2)
                if not app.running():
                    raise Failure(f"the Streamlit server stopped by itself: {app.tail(1)}")
        except ServiceError as exc:
            raise Failure(str(exc).splitlines()[-1]) from None
        except KeyboardInterrupt:
            if app is None:
                raise  # still starting: run() reports "error: interrupted"
    print("app stopped", flush=True)
    return 0


def main(argv: list[str] | None = None) -> int:
    code: int = run(build_parser(), serve, argv)
    return code


if __name__ == "__main__":
    sys.exit(main())
