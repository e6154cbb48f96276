"""python -m level5: list level 5's mini-projects, or ``tour`` to run them all."""

import sys

from level0.tour import level_main

sys.exit(level_main("level5"))
