"""bpeditor — 绩效目标表编辑器, an editor for project expenditure performance-target tables."""

__version__ = "0.1.0"
