import sys
from pathlib import Path

# The plain modules import without Frappe: make the app package importable from the checkout.
sys.path.insert(0, str(Path(__file__).resolve().parents[2]))
