"""ml-roadmap level 2: understand data, clean it, and build features that help a model."""
