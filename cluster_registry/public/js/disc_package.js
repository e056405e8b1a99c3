// Copyright (c) 2026, cluster_registry developers
// For license information, please see license.txt

// 光盘资料包: one click on a filing or a recommendation list builds, in the background, the ZIP the
// notice asks for on disc; the progress shows on the form and the ZIP is attached when ready.

const DISC_PACKAGE = "cluster_registry.cluster_registry.outputs.disc_package.build_disc_package";

function add_disc_package_button(frm) {
	if (frm.is_new()) return;
	frm.add_custom_button(
		__("Disc Package (ZIP)"),
		() =>
			frappe.call(DISC_PACKAGE, { doctype: frm.doctype, name: frm.doc.name }).then(() =>
				frappe.show_alert({
					message: __("The disc package is being built; it will be attached to this record."),
					indicator: "blue",
				})
			),
		__("Official Outputs")
	);
	frappe.realtime.off("cluster_registry_disc_package");
	frappe.realtime.on("cluster_registry_disc_package", (data) => {
		if (data.doctype !== frm.doctype || data.name !== frm.doc.name) return;
		frm.reload_doc();
		frappe.msgprint({
			title: __("Disc Package"),
			indicator: "green",
			message: `<a href="${encodeURI(data.file_url)}" target="_blank">${__("Download the disc package")}</a>`,
		});
	});
}

frappe.ui.form.on("Cluster Application", { refresh: add_disc_package_button });
frappe.ui.form.on("Recommendation List", { refresh: add_disc_package_button });
