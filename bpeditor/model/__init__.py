"""The document model: pure Python, no Qt and no file formats."""
