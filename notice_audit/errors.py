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
