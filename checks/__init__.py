"""Checklist knowledge as YAML data, shipped inside the wheel as `notice_audit.checks`."""
