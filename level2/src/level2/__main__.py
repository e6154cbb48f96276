"""python -m level2: list level 2's mini-projects, or ``tour`` to run them all."""

import sys

from level0.tour import level_main

sys.exit(level_main("level2"))
