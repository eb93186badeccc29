"""Pure-Python core: model, reading, cleaning, segmentation, JSON, evaluation. No Qt."""
