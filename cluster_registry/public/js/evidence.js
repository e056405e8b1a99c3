// Copyright (c) 2026, cluster_registry developers
// For license information, please see license.txt

// The evidence's file shows as text, never as markup: Frappe's Attach control writes its value into
// the page as HTML, so a value that is not a plain file URL of the site (the server refuses those,
// but one may be stored from before) is shown escaped and links nowhere.

const OWN_FILE = /^\/(private\/)?files\/[^<>"'`\\]+$/;

frappe.ui.form.on("Cluster Evidence", {
	setup(frm) {
		const control = frm.fields_dict.file;
		if (!control || control.cluster_registry_escaped) return;
		const set_input = control.set_input.bind(control);
		control.set_input = (value, dataurl) => {
			if (value && !OWN_FILE.test(value)) {
				set_input(frappe.utils.escape_html(value), "#");
			} else {
				set_input(value, dataurl);
			}
		};
		control.cluster_registry_escaped = true;
	},
});
