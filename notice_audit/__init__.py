"""notice-audit: audit privacy notices against the UK GDPR Article 13/14 checklist."""

__version__ = "0.1.0"
