"""Errors the user is told about in one line, with exit status 2."""


class NoticeAuditError(Exception):
    """A usage, configuration or input problem: reported in one line, never as a traceback."""


class InputError(NoticeAuditError):
    """A source that cannot be audited; the message names the source and the problem."""

    def __init__(self, source: str, problem: str) -> None:
        super().__init__(f"{source}: {problem}")
        self.source = source
        self.problem = problem


class ConfigError(NoticeAuditError):
    """A configuration or checklist file that is not valid; the message names the file and key."""


def config_section(data: object, path: object, name: str, keys: set[str]) -> dict | None:
    """A section of the configuration file checked for shape and unknown keys; None when absent."""
    if data is None:
        return None
    if not isinstance(data, dict):
        raise ConfigError(f"{path}: '{name}' must be a mapping")
    unknown = sorted(set(data) - keys)
    if unknown:
        raise ConfigError(f"{path}: unknown key '{name}.{unknown[0]}' (allowed: {', '.join(sorted(keys))})")
    return data
