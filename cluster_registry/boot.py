"""What the desk's scripts need of the app's vocabulary, sent once with the boot (frappe.boot)."""

from cluster_registry.approval_states import EDITABLE, EXPERT_REVIEW, ONSITE_STATES


def boot_session(bootinfo):
	bootinfo.cluster_registry = {
		"editable_states": list(EDITABLE),
		"onsite_states": list(ONSITE_STATES),
		"expert_review_state": EXPERT_REVIEW,
	}
