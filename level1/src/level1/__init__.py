"""ml-roadmap level 1: your first ML projects, from data to model to prediction."""
