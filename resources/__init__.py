"""PageDesk's resources, shipped in the wheel as the editor.resources package data (see
editor/paths.resource_dir and pyproject.toml)."""
