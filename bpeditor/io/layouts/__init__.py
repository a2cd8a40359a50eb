"""Layouts: how a grid of cells is read as a table, whatever file format it came from."""
