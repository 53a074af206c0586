"""One frozen configuration object: defaults < config file < BRIEF_* env < flags.

The config file is TOML, ``~/.config/brief/config.toml`` by default (or the
path in ``--config`` / ``BRIEF_CONFIG``), with top-level keys named like the
fields below, for example::

    format = "markdown"
    sentences = 4
    scorer = "default"
"""

from __future__ import annotations

import math
import os
import tomllib
from dataclasses import dataclass, fields, replace
from pathlib import Path
from typing import Any

from brief.errors import ConfigError, UsageError

# The documented input limit: an article's text, measured as UTF-8 after decoding.
# Checked while reading (files, stdin, devices, URLs), so nothing past it is read.
DEFAULT_MAX_BYTES = 10_000_000
# Most article files one `brief digest` run reads (folders plus file arguments).
DEFAULT_MAX_FILES = 5000


@dataclass(frozen=True)
class Config:
    format: str = "text"
    sentences: int | None = None
    words: int | None = None
    ratio: float | None = None
    scorer: str = "default"
    quotes: int = 2
    tldr: bool = False
    input_format: str = "auto"
    keep_boilerplate: bool = False
    timeout: float = 20.0
    max_bytes: int = DEFAULT_MAX_BYTES
    # digest
    out: str | None = None
    sources: tuple[str, ...] = ()
    digest_format: str = "markdown"
    digest_points: int | None = None
    max_files: int = DEFAULT_MAX_FILES


_TYPES: dict[str, type] = {
    "format": str,
    "sentences": int,
    "words": int,
    "ratio": float,
    "scorer": str,
    "quotes": int,
    "tldr": bool,
    "input_format": str,
    "keep_boilerplate": bool,
    "timeout": float,
    "max_bytes": int,
    "out": str,
    "sources": tuple,
    "digest_format": str,
    "digest_points": int,
    "max_files": int,
}

# Range of each number, wherever it comes from (file, environment, flag): (least, inclusive, most).
_RANGES: dict[str, tuple[float, bool, float]] = {
    "sentences": (1, True, math.inf),
    "words": (1, True, math.inf),
    "ratio": (0, False, 1),
    "quotes": (0, True, math.inf),
    "timeout": (0, False, 24 * 3600),
    "max_bytes": (1, True, math.inf),
    "digest_points": (1, True, 10),
    "max_files": (1, True, math.inf),
}

# A [digest] table in the config file, e.g. `[digest]\nout = "~/briefs"`, maps
# onto these top-level settings.
_DIGEST_TABLE = {
    "out": "out",
    "sources": "sources",
    "format": "digest_format",
    "points": "digest_points",
    "max_files": "max_files",
}


def default_config_path() -> Path:
    from platformdirs import user_config_dir

    return Path(user_config_dir("brief")) / "config.toml"


def _coerce(key: str, value: Any, where: str) -> Any:
    """A file value (TOML-typed) or an environment string as the setting's type.

    Strict: a TOML ``true`` is not the number 1, ``3.0`` is not a count, and
    ``nan`` or ``inf`` are no timeout.
    """
    kind = _TYPES[key]
    from_env = isinstance(value, str) and where.startswith("BRIEF_")
    try:
        if kind is bool:
            if isinstance(value, bool):
                return value
            if from_env and value.lower() in ("1", "true", "yes", "on"):
                return True
            if from_env and value.lower() in ("0", "false", "no", "off"):
                return False
            raise ValueError(value)
        if kind is tuple:
            if isinstance(value, str):
                return tuple(v for v in value.split(os.pathsep) if v)
            if isinstance(value, list) and all(isinstance(v, str) for v in value):
                return tuple(value)
            raise ValueError(value)
        if kind is str:
            if isinstance(value, str):
                return value
            raise ValueError(value)
        if isinstance(value, bool):
            raise ValueError(value)
        if kind is int:
            if isinstance(value, int):
                return value
            if from_env:
                return int(value.strip())
            raise ValueError(value)
        # float
        if isinstance(value, (int, float)):
            return float(value)
        if from_env:
            return float(value.strip())
        raise ValueError(value)
    except (TypeError, ValueError):
        kind_name = {int: "whole number", float: "number", bool: "true or false", tuple: "list of strings"}.get(
            kind, "string"
        )
        raise ConfigError(f"{where}: {key} must be a {kind_name}, got {value!r}") from None


def load_config(path: str | os.PathLike[str] | None = None, env: dict[str, str] | None = None, **flags: Any) -> Config:
    """Build the Config: defaults, then the file, then BRIEF_* variables, then non-None flags."""
    env = dict(os.environ) if env is None else env
    values: dict[str, Any] = {}
    origins: dict[str, str] = {}  # where each value came from, for error messages
    # BRIEF_CONFIG="" means "no config file" (handy in scripts and tests).
    explicit = path is not None or bool(env.get("BRIEF_CONFIG"))
    if path is not None:
        file_path: Path | None = Path(path)
    elif "BRIEF_CONFIG" in env:
        file_path = Path(env["BRIEF_CONFIG"]) if env["BRIEF_CONFIG"] else None
    else:
        file_path = default_config_path()
    if file_path is not None and file_path.exists():
        try:
            data = tomllib.loads(file_path.read_text(encoding="utf-8"))
        except (OSError, UnicodeDecodeError) as exc:
            raise ConfigError(f"{file_path}: cannot read config ({exc})") from None
        except tomllib.TOMLDecodeError as exc:
            raise ConfigError(f"{file_path}: invalid TOML ({exc})") from None
        table = data.pop("digest", None)
        if table is not None:
            if not isinstance(table, dict):
                raise ConfigError(f"{file_path}: digest must be a table ([digest])")
            for key, value in table.items():
                if key not in _DIGEST_TABLE:
                    raise ConfigError(
                        f"{file_path}: unknown [digest] setting {key!r}; known: {', '.join(_DIGEST_TABLE)}"
                    )
                data.setdefault(_DIGEST_TABLE[key], value)
        for key, value in data.items():
            if key not in _TYPES:
                raise ConfigError(f"{file_path}: unknown setting {key!r}; known: {', '.join(_TYPES)}")
            values[key] = _coerce(key, value, str(file_path))
            origins[key] = f"{file_path}: {key}"
    elif explicit:
        raise ConfigError(f"{file_path}: config file not found")
    for key in _TYPES:
        env_key = f"BRIEF_{key.upper()}"
        if env.get(env_key, "") != "":
            values[key] = _coerce(key, env[env_key], env_key)
            origins[key] = env_key
    for key, value in flags.items():
        if value is not None:
            values[key] = value
            origins[key] = "--" + key.replace("_", "-")
    for key, value in values.items():
        _check_range(key, value, origins.get(key, key))
    known = {f.name for f in fields(Config)}
    config = replace(Config(), **{k: v for k, v in values.items() if k in known})
    _check(config)
    return config


OUTPUT_FORMATS = ("text", "markdown", "json", "jsonl")
DIGEST_FORMATS = ("markdown", "json", "html")
INPUT_FORMATS = ("auto", "text", "markdown", "html")


def _check_range(key: str, value: Any, where: str) -> None:
    """Numbers must be finite and inside their range (``_RANGES``)."""
    if key not in _RANGES or value is None:
        return
    low, inclusive, high = _RANGES[key]
    kind = _TYPES[key]
    if isinstance(value, bool) or not isinstance(value, (int, float)) or (kind is int and not isinstance(value, int)):
        raise ConfigError(f"{where} must be a {'whole number' if kind is int else 'number'}, got {value!r}")
    if not math.isfinite(value) or value < low or (value == low and not inclusive) or value > high:
        above = f"at least {low:g}" if inclusive else f"more than {low:g}"
        bound = above if high == math.inf else f"{above} and at most {high:g}"
        raise ConfigError(f"{where} must be {bound} (got {value!r})")


def _check(config: Config) -> None:
    """Reject values no command could use, wherever they came from."""
    if config.format not in OUTPUT_FORMATS:
        raise UsageError(f"unknown format {config.format!r}; choose one of: {', '.join(OUTPUT_FORMATS)}")
    if config.digest_format not in DIGEST_FORMATS:
        raise UsageError(f"unknown digest format {config.digest_format!r}; choose one of: {', '.join(DIGEST_FORMATS)}")
    if config.input_format not in INPUT_FORMATS:
        raise UsageError(f"unknown input format {config.input_format!r}; choose one of: {', '.join(INPUT_FORMATS)}")
    if config.quotes < 0:
        raise UsageError(f"quotes must be 0 or more (got {config.quotes})")
