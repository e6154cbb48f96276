"""ml-roadmap level 4: tune models honestly, measure them, and test the pipelines around them."""
