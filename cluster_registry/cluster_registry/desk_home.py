"""The desk an official lands on: each official opens the app's workspace of its role after login,
and the sidebar offers only the app's workspaces (Frappe's 用户 / 网站 / 工具 / 集成 / Build are for
administrators). Applied whenever a user is saved, and to every official on migrate."""

import frappe

APP_MODULE = "Cluster Registry"
# The workspace each role lands on, most senior role first (a user holding two lands on the first).
HOME_BY_ROLE = (
	("Cluster Province Officer", "Cluster Province Desk"),
	("Cluster City Officer", "Cluster City Desk"),
	("Cluster County Officer", "Cluster County Desk"),
	("Cluster Operator", "Cluster County Desk"),
	("Cluster Expert", "Cluster Expert Desk"),
)
HOMES = {workspace for _role, workspace in HOME_BY_ROLE}
# Administrators keep Frappe's desk as it is.
ADMIN_ROLES = ("Administrator", "System Manager", "Workspace Manager")


def home_workspace(roles) -> str | None:
	"""The workspace an official with these roles lands on; None for administrators and others."""
	if set(roles) & set(ADMIN_ROLES):
		return None
	return next((workspace for role, workspace in HOME_BY_ROLE if role in roles), None)


def settle_official(user, method=None):
	"""User.validate: an official lands on its role's workspace and is offered only the app's."""
	home = home_workspace([row.role for row in user.roles])
	if not home or user.user_type != "System User":
		return
	if not user.default_workspace or user.default_workspace in HOMES:
		user.default_workspace = home
	blocked = other_modules()
	kept = [row for row in user.block_modules if row.module not in blocked]
	user.set("block_modules", kept)
	for module in sorted(blocked):
		user.append("block_modules", {"module": module})


def other_modules() -> set[str]:
	"""The modules of every public workspace that is not the app's (Core, Website, Automation, …)."""
	modules = frappe.get_all(
		"Workspace", filters={"public": 1, "module": ("!=", APP_MODULE)}, pluck="module", distinct=True
	)
	return {module for module in modules if module}


def settle_all_officials():
	"""after_migrate: officials made before this version (or before a new workspace) get their desk."""
	holders = frappe.get_all(
		"Has Role",
		filters={"role": ("in", [role for role, _workspace in HOME_BY_ROLE]), "parenttype": "User"},
		pluck="parent",
		distinct=True,
	)
	for name in holders:
		user = frappe.get_doc("User", name)
		before = (user.default_workspace, sorted(row.module for row in user.block_modules))
		settle_official(user)
		if before != (user.default_workspace, sorted(row.module for row in user.block_modules)):
			user.flags.ignore_permissions = True
			user.save()
