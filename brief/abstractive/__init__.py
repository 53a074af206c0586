"""Optional abstractive backend: one door to model loading and rewriting.

``loading`` finds and loads a seq2seq model (torch and transformers are imported
only when a model is loaded); ``rewrite`` plans windows, generates, and keeps
only sentences the faithfulness ``guard`` supports; ``hub`` downloads models
for ``brief models pull``. Names are resolved on first use, so the CLI can read
``DEFAULT_MODEL`` at start-up without loading the rewriting code.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from brief.abstractive.loading import (
        DEFAULT_MODEL,
        INSTALL_HINT,
        AbstractiveOptions,
        ModelHandle,
        load_model,
        require_backend,
        resolve_device,
    )
    from brief.abstractive.rewrite import abstract, abstract_many

_HOMES = {
    "DEFAULT_MODEL": "loading",
    "INSTALL_HINT": "loading",
    "AbstractiveOptions": "loading",
    "ModelHandle": "loading",
    "load_model": "loading",
    "require_backend": "loading",
    "resolve_device": "loading",
    "abstract": "rewrite",
    "abstract_many": "rewrite",
}

__all__ = [
    "DEFAULT_MODEL",
    "INSTALL_HINT",
    "AbstractiveOptions",
    "ModelHandle",
    "abstract",
    "abstract_many",
    "load_model",
    "require_backend",
    "resolve_device",
]


def __getattr__(name: str) -> Any:
    home = _HOMES.get(name)
    if home is None:
        raise AttributeError(f"module 'brief.abstractive' has no attribute {name!r}")
    value = getattr(importlib.import_module(f"brief.abstractive.{home}"), name)
    globals()[name] = value
    return value
