"""ml-roadmap level 0: Python essentials and the tools every later level stands on."""

from level0 import interrupts

interrupts.install()  # an uncaught Ctrl-C prints one line instead of a traceback
