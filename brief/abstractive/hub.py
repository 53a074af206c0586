"""The local Hugging Face cache: explicit downloads (``brief models pull``) and listing.

Summarizing never downloads (models load with ``local_files_only``); this module
is the one place that does, and only when the user asks. Paths and offline mode
follow huggingface_hub's own variables (HF_HOME, HF_HUB_CACHE, HF_HUB_OFFLINE).
Needs only huggingface_hub, not torch.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path

from brief.errors import BackendUnavailable, FetchError

# This project is published as "brief-news"; the PyPI project named "brief" is someone else's,
# so hints never say `pip install brief[...]`.
INSTALL_HINT = "pip install -e '.[abstractive]' (from the brief checkout)"
# Model types that are encoder-decoder summarizers, for configs that do not say is_encoder_decoder.
SEQ2SEQ_TYPES = frozenset(
    {
        "bart",
        "mbart",
        "pegasus",
        "pegasus_x",
        "bigbird_pegasus",
        "t5",
        "mt5",
        "umt5",
        "longt5",
        "led",
        "marian",
        "prophetnet",
        "blenderbot",
        "blenderbot-small",
        "m2m_100",
        "plbart",
        "mvp",
        "fsmt",
        "switch_transformers",
        "t5gemma",
        "encoder-decoder",
    }
)
# What `pull` fetches: configs, tokenizer files and one weight format (safetensors when there is one).
_SUPPORT_FILES = ["*.json", "*.txt", "*.model", "*.tiktoken"]


@dataclass(frozen=True)
class CachedModel:
    name: str
    revision: str
    path: Path
    size_bytes: int
    model_type: str | None
    seq2seq: bool


def _hub():
    try:
        import huggingface_hub
    except ImportError:
        raise BackendUnavailable(
            f"managing models needs huggingface_hub, which is not installed; run: {INSTALL_HINT}"
        ) from None
    return huggingface_hub


def pull_model(name: str, revision: str | None = None) -> Path:
    """Download ``name`` into the local cache (progress bar on stderr); return the snapshot directory."""
    hub = _hub()
    from huggingface_hub import constants, errors

    if constants.HF_HUB_OFFLINE:
        raise BackendUnavailable("HF_HUB_OFFLINE is set, so nothing can be downloaded; unset it to pull a model")
    try:
        info = hub.HfApi().model_info(name, revision=revision)
        files = [s.rfilename for s in info.siblings or ()]
        weights = ["*.safetensors"] if any(f.endswith(".safetensors") for f in files) else ["pytorch_model*.bin"]
        path = hub.snapshot_download(name, revision=revision, allow_patterns=_SUPPORT_FILES + weights)
    except errors.HFValidationError:
        raise FetchError(f"{name!r} is not a valid Hugging Face model name (expected owner/name)") from None
    except errors.GatedRepoError:
        raise FetchError(f"{name} is gated: accept its terms on the Hub and log in with `hf auth login`") from None
    except (errors.RepositoryNotFoundError, errors.RevisionNotFoundError):
        raise FetchError(
            f"no model {name!r}{f' at revision {revision}' if revision else ''} on the Hugging Face Hub"
        ) from None
    except (errors.HfHubHTTPError, OSError) as exc:
        first = (str(exc).strip() or type(exc).__name__).splitlines()[0]
        raise FetchError(f"cannot download {name}: {first}") from None
    except Exception as exc:
        if not is_network_error(exc):
            raise
        first = (str(exc).strip() or type(exc).__name__).splitlines()[0]
        raise FetchError(f"cannot download {name}: no connection to {constants.ENDPOINT} ({first})") from None
    return Path(path)


# The HTTP clients huggingface_hub has used (requests, httpx, and the httpx2 fork of
# recent releases): their errors do not share a base class with OSError.
_NETWORK_MODULES = frozenset(["httpx", "httpx2", "httpcore", "requests", "urllib3"])


def is_network_error(exc: BaseException) -> bool:
    """True for a connection, timeout or protocol error raised by one of the HTTP clients."""
    return any(cls.__module__.split(".")[0] in _NETWORK_MODULES for cls in type(exc).__mro__)


def model_type(snapshot: Path) -> tuple[str | None, bool]:
    """(model_type, is seq2seq) from a model directory's config.json; (None, False) without one."""
    try:
        config = json.loads((snapshot / "config.json").read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None, False
    kind = config.get("model_type")
    return kind, bool(config.get("is_encoder_decoder")) or kind in SEQ2SEQ_TYPES


def cached_models() -> list[CachedModel]:
    """Every model in the local Hugging Face cache (newest revision of each), sorted by name."""
    hub = _hub()
    try:
        cache = hub.scan_cache_dir()
    except hub.CacheNotFound:
        return []
    found = []
    for repo in cache.repos:
        if repo.repo_type != "model" or not repo.revisions:
            continue
        rev = max(repo.revisions, key=lambda r: r.last_modified)
        kind, seq2seq = model_type(Path(rev.snapshot_path))
        found.append(
            CachedModel(repo.repo_id, rev.commit_hash, Path(rev.snapshot_path), repo.size_on_disk, kind, seq2seq)
        )
    return sorted(found, key=lambda m: m.name.lower())


def cache_dir() -> str:
    _hub()
    from huggingface_hub import constants

    return str(constants.HF_HUB_CACHE)


def human_size(n: int) -> str:
    size = float(n)
    for unit in ("B", "KB", "MB", "GB"):
        if size < 1024 or unit == "GB":
            return f"{size:.0f} {unit}" if unit == "B" else f"{size:.1f} {unit}"
        size /= 1024
    return f"{size:.1f} GB"
