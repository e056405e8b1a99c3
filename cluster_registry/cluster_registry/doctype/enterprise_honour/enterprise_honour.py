from cluster_registry.cluster_registry.child_rows import ParentSavedRow


class EnterpriseHonour(ParentSavedRow):
	pass
