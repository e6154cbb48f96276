"""ml-roadmap level 3: how ML algorithms work, and when to use which."""
