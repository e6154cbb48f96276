"""ml-roadmap level 0: Python essentials and the tools every later level stands on."""
