"""ml-roadmap level 5: ship a model end to end, as an API with a job queue and as an app."""
