"""The text layer: what every stage reads text with (folds, keys, offset maps, data files)."""
