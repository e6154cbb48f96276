"""python -m level3: list level 3's mini-projects, or ``tour`` to run them all."""

import sys

from level0.tour import level_main

sys.exit(level_main("level3"))
