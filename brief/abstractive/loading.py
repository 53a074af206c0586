"""Loading a seq2seq model for the abstractive backend: backend check, device, model directory, handle.

torch and transformers are imported only inside ``load_model`` and the
``ModelHandle`` methods, never at import time, so ``import brief`` and the
extractive path stay light. The caller creates one ``ModelHandle`` (one CLI
command, one digest run) and passes it down; nothing is cached globally.
Models load from a local directory or the local Hugging Face cache only
(``local_files_only``); downloading is the explicit ``brief models pull``.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from brief.errors import BackendUnavailable, UsageError
from brief.reports import ModelInfo

DEFAULT_MODEL = "sshleifer/distilbart-cnn-12-6"
# This project is published as "brief-news"; the PyPI project named "brief" is someone else's,
# so hints never say `pip install brief[...]`.
INSTALL_HINT = "pip install -e '.[abstractive]' (from the brief checkout)"
DEVICES = ("auto", "cpu", "cuda", "mps")
# Fallback input window when neither the tokenizer nor the config states one.
DEFAULT_INPUT_TOKENS = 512
# Summary length per window when neither the user nor the model sets one.
DEFAULT_SUMMARY_TOKENS = 128


@dataclass(frozen=True)
class AbstractiveOptions:
    """How to generate. ``None`` means: the model's own default."""

    beams: int | None = None
    max_length: int | None = None  # generated tokens per window
    batch_size: int = 4  # windows per generate() call
    max_windows: int | None = 4  # per article; None reads the whole article whatever its length
    show_unsupported: bool = False  # keep (flagged) sentences the guard rejects

    def __post_init__(self) -> None:
        if self.beams is not None and self.beams < 1:
            raise UsageError(f"beams must be at least 1 (got {self.beams})")
        if self.max_length is not None and self.max_length < 8:
            raise UsageError(f"max length must be at least 8 tokens (got {self.max_length})")
        if self.batch_size < 1:
            raise UsageError(f"batch size must be at least 1 (got {self.batch_size})")
        if self.max_windows is not None and self.max_windows < 1:
            raise UsageError(f"max windows must be at least 1 (got {self.max_windows})")


def require_backend() -> None:
    """Raise BackendUnavailable unless torch and transformers can be imported."""
    missing = []
    for module in ("torch", "transformers"):
        try:
            __import__(module)
        except ImportError:
            missing.append(module)
    if missing:
        raise BackendUnavailable(
            f"the abstractive mode needs {' and '.join(missing)}, which are not installed; run: {INSTALL_HINT}"
        )


def resolve_device(requested: str = "auto") -> str:
    """auto -> cuda, then mps, then cpu; an explicit device that is absent is an error."""
    import torch  # optional extra, about a second to import: only once a model is asked for

    if requested not in DEVICES:
        raise UsageError(f"unknown device {requested!r}; choose one of: {', '.join(DEVICES)}")
    has_cuda = torch.cuda.is_available()
    has_mps = bool(getattr(torch.backends, "mps", None) and torch.backends.mps.is_available())
    if requested == "auto":
        return "cuda" if has_cuda else "mps" if has_mps else "cpu"
    if requested == "cuda" and not has_cuda:
        raise BackendUnavailable(
            "--device cuda was requested but torch sees no CUDA GPU "
            f"(torch {torch.__version__}); use --device cpu or install a CUDA build of torch"
        )
    if requested == "mps" and not has_mps:
        raise BackendUnavailable(
            "--device mps was requested but the Apple MPS backend is not available; use --device cpu"
        )
    return requested


def resolve_model_dir(name_or_path: str) -> Path:
    """A local model directory, or the cached snapshot of a Hugging Face model (never downloads)."""
    path = Path(name_or_path).expanduser()
    if path.is_dir():
        return path
    if path.exists():
        raise BackendUnavailable(f"{name_or_path} is a file; --model takes a model directory or a Hugging Face name")
    if _looks_like_path(name_or_path):
        raise BackendUnavailable(f"no model directory at {name_or_path}")
    from huggingface_hub import constants, snapshot_download  # optional extra, only to find a cached model

    try:
        return Path(snapshot_download(repo_id=name_or_path, local_files_only=True))
    except Exception as exc:  # LocalEntryNotFoundError, HFValidationError, a broken cache
        if type(exc).__name__ == "HFValidationError":
            raise BackendUnavailable(
                f"{name_or_path!r} is neither a model directory nor a Hugging Face model name"
            ) from None
        raise BackendUnavailable(
            f"model {name_or_path!r} is not downloaded (looked in {constants.HF_HUB_CACHE}); "
            f"download it once with: brief models pull {name_or_path}"
        ) from None


def _looks_like_path(name: str) -> bool:
    return name.startswith((".", "/", "~", "\\")) or name.count("/") > 1 or ":" in name or "\\" in name


def _first_line(exc: BaseException) -> str:
    text = str(exc).strip() or type(exc).__name__
    return text.splitlines()[0]


class ModelHandle:
    """A loaded tokenizer + seq2seq model on one device. Create with ``load_model``."""

    def __init__(
        self,
        name: str,
        tokenizer: Any,
        model: Any,
        device: str,
        max_input_tokens: int,
        prefix: str = "",
        generation_defaults: dict[str, Any] | None = None,
    ) -> None:
        self.name = name
        self.tokenizer = tokenizer
        self.model = model
        self.device = device
        self.max_input_tokens = max_input_tokens
        self.prefix = prefix  # e.g. "summarize: " for T5
        self.generation_defaults = dict(generation_defaults or {})
        self._overhead = len(tokenizer(prefix, add_special_tokens=True)["input_ids"])

    @property
    def dtype(self) -> str:
        return str(self.model.dtype).replace("torch.", "")

    @property
    def capacity(self) -> int:
        """Article tokens that fit one window, after special tokens and the task prefix."""
        return max(1, self.max_input_tokens - self._overhead)

    def count_tokens(self, texts: Sequence[str]) -> list[int]:
        # A leading space makes each sentence tokenize as it does inside running
        # text (byte-level BPE marks word starts with the preceding space).
        if not texts:
            return []
        ids = self.tokenizer([" " + t for t in texts], add_special_tokens=False)["input_ids"]
        return [len(x) for x in ids]

    def input_lengths(self, texts: Sequence[str]) -> list[int]:
        """Tokens of each text exactly as the model receives it (task prefix and special tokens included)."""
        if not texts:
            return []
        return [len(x) for x in self.tokenizer([self.prefix + t for t in texts])["input_ids"]]

    def generate(self, texts: Sequence[str], options: AbstractiveOptions = AbstractiveOptions()) -> list[str]:
        """Summarize each text (each must fit the window); batches, longest first, to limit padding."""
        order = sorted(range(len(texts)), key=lambda i: -len(texts[i]))
        out: dict[int, str] = {}
        batch_size = options.batch_size
        start = 0
        while start < len(order):
            batch = order[start : start + batch_size]
            try:
                decoded = self._generate_batch([texts[i] for i in batch], options)
            except BackendUnavailable:
                if batch_size == 1:
                    raise
                batch_size = max(1, batch_size // 2)  # out of memory: retry smaller batches
                continue
            out.update(zip(batch, decoded))
            start += len(batch)
        return [out[i] for i in range(len(texts))]

    def _generate_batch(self, texts: list[str], options: AbstractiveOptions) -> list[str]:
        import torch  # optional extra, about a second to import: only once a model is asked for

        enc = self.tokenizer(
            [self.prefix + t for t in texts],
            return_tensors="pt",
            padding=True,
        )
        if enc["input_ids"].shape[1] > self.max_input_tokens:  # plan_for prevents this; never truncate silently
            raise ValueError(
                f"window of {enc['input_ids'].shape[1]} tokens exceeds the model's {self.max_input_tokens}"
            )
        enc = {k: v.to(self.device) for k, v in enc.items() if k in ("input_ids", "attention_mask")}
        kwargs = self._generation_kwargs(options)
        try:
            with torch.inference_mode():
                ids = self.model.generate(**enc, **kwargs)
        except RuntimeError as exc:  # torch.cuda.OutOfMemoryError is a RuntimeError
            if "out of memory" not in str(exc).lower():
                raise
            if self.device == "cuda":
                torch.cuda.empty_cache()
            raise BackendUnavailable(
                f"out of memory on {self.device} while generating {len(texts)} window(s) with model {self.name}; "
                "try --beams 1, a smaller --max-length, --device cpu, or a smaller model"
            ) from None
        return self.decode(ids)

    def decode(self, ids: Any) -> list[str]:
        return self.tokenizer.batch_decode(ids, skip_special_tokens=True, clean_up_tokenization_spaces=False)

    def _generation_kwargs(self, options: AbstractiveOptions) -> dict[str, Any]:
        kwargs = dict(self.generation_defaults)
        # Same model + same input -> same text: a model config may ask for sampling; never sample.
        kwargs["do_sample"] = False
        if options.beams is not None:
            kwargs["num_beams"] = options.beams
        if options.max_length is not None:
            kwargs["max_length"] = options.max_length
        if "max_length" not in kwargs and getattr(self.model.generation_config, "max_length", None) in (None, 20):
            # The model states no summary length; transformers' generic 20 tokens is too short.
            kwargs["max_length"] = DEFAULT_SUMMARY_TOKENS
        max_length = kwargs.get("max_length")
        if max_length is not None and kwargs.get("min_length", 0) >= max_length:
            kwargs["min_length"] = max_length // 2
        if kwargs.get("num_beams", 1) == 1:
            kwargs.pop("early_stopping", None)
            kwargs.pop("length_penalty", None)
        return kwargs

    def describe(self) -> ModelInfo:
        return ModelInfo(model=self.name, device=self.device, dtype=self.dtype, max_input_tokens=self.max_input_tokens)


def load_model(name_or_path: str = DEFAULT_MODEL, device: str = "auto") -> ModelHandle:
    """Load tokenizer and seq2seq model from a directory or the local HF cache, onto ``device``."""
    require_backend()
    target = resolve_device(device)
    model_dir = resolve_model_dir(name_or_path)
    import torch  # optional extra, about a second to import: only once a model is asked for

    # optional extra, seconds to import: only when a model is loaded
    from transformers import AutoConfig, AutoModelForSeq2SeqLM, AutoTokenizer
    from transformers.models.auto.modeling_auto import MODEL_FOR_SEQ_TO_SEQ_CAUSAL_LM_MAPPING_NAMES

    try:
        config = AutoConfig.from_pretrained(model_dir, local_files_only=True, trust_remote_code=False)
    except Exception as exc:  # no/invalid config.json, unknown model type, remote code required
        raise BackendUnavailable(f"cannot read the model config in {model_dir}: {_first_line(exc)}") from None
    if config.model_type not in MODEL_FOR_SEQ_TO_SEQ_CAUSAL_LM_MAPPING_NAMES:
        raise BackendUnavailable(
            f"{name_or_path} is a {config.model_type!r} model, not a sequence-to-sequence summarization model; "
            f"use one such as {DEFAULT_MODEL}, bart-large-cnn, a PEGASUS, T5 or LED model"
        )
    # Half precision halves memory and speeds up generation on GPUs; CPUs stay in float32.
    dtype = torch.float16 if target in ("cuda", "mps") else torch.float32
    # None lets transformers choose (it falls back to .bin weights); True insists on safetensors.
    use_safetensors = True if any(model_dir.glob("*.safetensors")) else None
    try:
        tokenizer = AutoTokenizer.from_pretrained(model_dir, local_files_only=True, trust_remote_code=False)
        model = AutoModelForSeq2SeqLM.from_pretrained(
            model_dir, local_files_only=True, trust_remote_code=False, dtype=dtype, use_safetensors=use_safetensors
        )
    except Exception as exc:  # missing weights or tokenizer files, corrupt files
        raise BackendUnavailable(f"cannot load model {name_or_path}: {_first_line(exc)}") from None
    try:
        model.to(target)
    except RuntimeError as exc:
        if "out of memory" in str(exc).lower():
            raise BackendUnavailable(
                f"out of memory moving model {name_or_path} to {target}; try --device cpu"
            ) from None
        raise
    model.eval()
    task = (getattr(config, "task_specific_params", None) or {}).get("summarization", {})
    defaults = {
        k: task[k]
        for k in ("num_beams", "max_length", "min_length", "length_penalty", "no_repeat_ngram_size", "early_stopping")
        if k in task
    }
    return ModelHandle(
        name=name_or_path,
        tokenizer=tokenizer,
        model=model,
        device=target,
        max_input_tokens=_input_window(tokenizer, config),
        prefix=task.get("prefix", "") or "",
        generation_defaults=defaults,
    )


def _input_window(tokenizer: Any, config: Any) -> int:
    """The model's input limit: the smaller of what the tokenizer and the position table allow."""
    limits = []
    tok_max = getattr(tokenizer, "model_max_length", None)
    if isinstance(tok_max, int) and 0 < tok_max < 1_000_000:
        limits.append(tok_max)
    for attr in ("max_encoder_position_embeddings", "max_position_embeddings", "n_positions"):
        value = getattr(config, attr, None)
        if isinstance(value, int) and value > 0:
            limits.append(value)
            break
    return min(limits) if limits else DEFAULT_INPUT_TOKENS
