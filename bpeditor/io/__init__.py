"""Importers and exporters, one module per format, behind a small registry."""
