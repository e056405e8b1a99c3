"""The monitoring DocTypes' choices and the monitoring workflow fixture say what the monitoring
modules say (states, tracking statuses, recognition statuses)."""

import json
from pathlib import Path

import pytest

from cluster_registry.monitoring import lifecycle, states, tracking

APP = Path(__file__).resolve().parents[2] / "cluster_registry"
DOCTYPES = APP / "cluster_registry" / "doctype"


def select_options(doctype: str, field: str) -> tuple[str, ...]:
	meta = json.loads((DOCTYPES / doctype / f"{doctype}.json").read_text())
	options = next(f["options"] for f in meta["fields"] if f["fieldname"] == field)
	return tuple(o for o in options.split("\n") if o)


@pytest.mark.parametrize(
	"doctype, field, words",
	[
		("cluster_monitoring_filing", "status", states.STATES),
		("target_tracking", "tracking_status", tracking.STATUSES),
		("cluster_recognition", "status", lifecycle.LIFECYCLE_STATUSES),
		("industrial_cluster", "recognition_status", lifecycle.LIFECYCLE_STATUSES),
	],
)
def test_a_choice_offers_the_words_of_the_module(doctype, field, words):
	assert select_options(doctype, field) == tuple(words)


def test_the_monitoring_workflow_fixture_is_the_modules_workflow():
	workflows = json.loads((APP / "fixtures" / "workflow.json").read_text())
	(workflow,) = [w for w in workflows if w["name"] == states.WORKFLOW]
	assert workflow["document_type"] == "Cluster Monitoring Filing"
	assert {(s["state"], s["allow_edit"]) for s in workflow["states"]} == set(states.ACTS_IN.items())
	assert {(t["state"], t["action"], t["next_state"], t["allowed"]) for t in workflow["transitions"]} == set(
		states.TRANSITIONS
	)
	names = {s["name"] for s in json.loads((APP / "fixtures" / "workflow_state.json").read_text())}
	actions = {a["name"] for a in json.loads((APP / "fixtures" / "workflow_action_master.json").read_text())}
	assert names >= set(states.STATES) and actions >= set(states.ACTIONS)
