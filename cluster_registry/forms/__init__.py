"""The official forms as data: one JSON definition per form version, read by `definitions`."""
