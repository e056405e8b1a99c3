from cluster_registry.cluster_registry.regions import load_regions
from cluster_registry.language import use_chinese_where_unset


def after_install():
	load_regions()
	use_chinese_where_unset()
