"""Optional abstractive backend: one door to model loading and rewriting.

``loading`` finds and loads a seq2seq model (torch and transformers are imported
only when a model is loaded); ``rewrite`` plans windows, generates, and keeps
only sentences the faithfulness ``guard`` supports; ``hub`` downloads models
for ``brief models pull``.
"""

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
