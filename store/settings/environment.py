"""Reading settings from the environment: strings, flags and lists, with defaults."""

import os


def env_str(name: str, default: str = "") -> str:
    """Return the environment variable ``name``, or ``default`` when unset or empty."""
    return os.environ.get(name) or default


def env_bool(name: str, default: bool = False) -> bool:
    """Return the environment variable ``name`` read as a yes/no flag."""
    value = os.environ.get(name)
    if value is None or value == "":
        return default
    return value.strip().lower() in {"1", "true", "yes", "on"}


def env_list(name: str, default: str = "", separator: str = ",") -> list[str]:
    """Return the environment variable ``name``, items split by ``separator``, as a list."""
    return [item.strip() for item in env_str(name, default).split(separator) if item.strip()]
