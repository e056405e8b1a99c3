"""One vocabulary: the DocTypes' choices and the workflow fixtures say what the app's modules say."""

import json
from pathlib import Path

import pytest

from cluster_registry import approval_states, filing_terms
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
		("cluster_application", "status", approval_states.STATES),
		("cluster_application", "filing_kind", filing_terms.FILING_KINDS),
		("cluster_application", "level", filing_terms.FILING_LEVELS),
		("round_opening", "filing_kind", filing_terms.FILING_KINDS),
		("round_opening", "level", filing_terms.FILING_LEVELS),
		("recommendation_list", "filing_kind", filing_terms.FILING_KINDS),
		("recognition_criteria", "level", filing_terms.FILING_LEVELS),
		("innovation_platform", "level", filing_terms.LIST_LEVELS),
		("green_manufacturing_entry", "level", filing_terms.LIST_LEVELS),
		("public_service_platform", "level", filing_terms.LIST_LEVELS),
		("recognition_criterion", "criterion_group", filing_terms.CRITERION_SECTIONS),
		("expert_review", "conflict_declaration", (filing_terms.NO_CONFLICT, filing_terms.CONFLICT)),
		("expert_review", "review_status", filing_terms.REVIEW_STATUSES),
		("onsite_verification", "conclusion", filing_terms.ONSITE_CONCLUSIONS),
		("cluster_monitoring_filing", "status", states.STATES),
		("target_tracking", "tracking_status", tracking.STATUSES),
		("cluster_recognition", "status", lifecycle.LIFECYCLE_STATUSES),
		("industrial_cluster", "recognition_status", lifecycle.LIFECYCLE_STATUSES),
	],
)
def test_a_choice_offers_the_words_of_the_vocabulary(doctype, field, words):
	assert select_options(doctype, field) == tuple(words)


def fixture(name: str) -> list[dict]:
	return json.loads((APP / "fixtures" / f"{name}.json").read_text())


def test_the_workflow_fixtures_use_the_states_and_actions_of_the_app():
	(workflow,) = [w for w in fixture("workflow") if w["document_type"] == "Cluster Application"]
	assert {s["state"] for s in workflow["states"]} == set(approval_states.STATES)
	transitions = workflow["transitions"]
	assert {t["action"] for t in transitions} == set(approval_states.ACTIONS)
	assert {t["state"] for t in transitions} | {t["next_state"] for t in transitions} <= set(
		approval_states.STATES
	)
	assert {s["name"] for s in fixture("workflow_state")} >= set(approval_states.STATES)
	assert {a["name"] for a in fixture("workflow_action_master")} >= set(approval_states.ACTIONS)


def test_the_hooks_ship_the_roles_and_both_workflows_as_fixtures():
	from cluster_registry import hooks
	from cluster_registry.monitoring import states as monitoring

	filters = {f["dt"]: f["filters"][0][2] for f in hooks.fixtures}
	assert set(filters["Workflow"]) == {w["name"] for w in fixture("workflow")} >= {monitoring.WORKFLOW}
	assert filters["Workflow State"] == list(dict.fromkeys(approval_states.STATES + monitoring.STATES))
	assert filters["Workflow Action Master"] == list(
		dict.fromkeys(approval_states.ACTIONS + monitoring.ACTIONS)
	)
	assert set(filters["Role"]) == {r["name"] for r in fixture("role")}


def test_the_hooks_are_literal():
	"""hooks.py names every hook by its literal dotted path (no names built or changed after)."""
	source = (APP / "hooks.py").read_text()
	assert not [line for line in source.splitlines() if line.startswith(("import ", "from "))]
	assert "setdefault" not in source and "+ " not in source and "doc_events[" not in source


def test_the_monitoring_workflow_fixture_is_the_modules_workflow():
	(workflow,) = [w for w in fixture("workflow") if w["name"] == states.WORKFLOW]
	assert workflow["document_type"] == "Cluster Monitoring Filing"
	assert {(s["state"], s["allow_edit"]) for s in workflow["states"]} == set(states.ACTS_IN.items())
	assert {(t["state"], t["action"], t["next_state"], t["allowed"]) for t in workflow["transitions"]} == set(
		states.TRANSITIONS
	)
	names = {s["name"] for s in fixture("workflow_state")}
	actions = {a["name"] for a in fixture("workflow_action_master")}
	assert names >= set(states.STATES) and actions >= set(states.ACTIONS)
