from cluster_registry.cluster_registry.recognition_criteria import load_recognition_criteria
from cluster_registry.cluster_registry.regions import load_regions
from cluster_registry.language import use_chinese_where_unset


def after_install():
	load_regions()
	load_recognition_criteria()
	use_chinese_where_unset()
