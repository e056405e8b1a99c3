from cluster_registry.cluster_registry.recognition_criteria import load_recognition_criteria


def execute():
	"""Sites installed before the criteria editions shipped get them once."""
	load_recognition_criteria()
