"""python -m level6: list level 6's mini-projects, or ``tour`` to run them all."""

import sys

from level0.tour import level_main

sys.exit(level_main("level6"))
