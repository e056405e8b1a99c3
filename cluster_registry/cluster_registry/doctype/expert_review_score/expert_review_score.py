import frappe

from cluster_registry.cluster_registry.child_rows import ParentSavedRow


class ExpertReviewScore(ParentSavedRow):
	"""A group's score: 0 is a score, a group not scored yet has none (NULL, not 0).

	Frappe 15 stores an empty Float as 0; this row keeps it empty, in a column that allows it."""

	def get_valid_dict(self, *args, **kwargs):
		values = super().get_valid_dict(*args, **kwargs)
		if "score" in values and self.get("score") is None:
			values.score = None
		return values


def on_doctype_update():
	nullable = frappe.db.sql(
		"""select is_nullable from information_schema.columns
		where table_schema = database() and table_name = 'tabExpert Review Score' and column_name = 'score'"""
	)
	if nullable and nullable[0][0] != "YES":
		frappe.db.commit()
		frappe.db.sql_ddl(
			"alter table `tabExpert Review Score` modify `score` decimal(21,9) null default null"
		)
