"""Normalize: the pipeline's first stage, a matching form of the text and a map back.

The stage lives in the text layer, :mod:`newsassert.text.normalize`, with the
folds, patterns and data files it shares with the readers; this module hands
its names on under the stage's name.
"""

from newsassert.text.normalize import Normalized, key, normalize, normalize_text

__all__ = ["Normalized", "key", "normalize", "normalize_text"]
