// Copyright (c) 2026, cluster_registry developers
// For license information, please see license.txt

// Attaching a file on a new form: Frappe's Attach control saves the document as soon as the upload
// ends, which on a new Cluster Evidence fails for the fields not yet filled (申报, 材料名称), and
// its Clear then leaves no 附件 button until the page is reloaded. Here a new record keeps the
// uploaded file until the official saves it, and Clear always brings the button back.

function keep_upload_until_saved(frm) {
	frm.meta.fields
		.filter((df) => ["Attach", "Attach Image"].includes(df.fieldtype))
		.forEach((df) => {
			const control = frm.get_field(df.fieldname);
			if (!control || control.__cr_upload_kept) return;
			control.__cr_upload_kept = true;
			const upload_complete = control.on_upload_complete.bind(control);
			control.on_upload_complete = async function (attachment) {
				if (!this.frm || !this.frm.is_new()) return upload_complete(attachment);
				await this.parse_validate_and_set_in_model(attachment.file_url);
				this.set_input(attachment.file_url);
			};
			const clear = control.clear_attachment.bind(control);
			control.clear_attachment = function () {
				if (this.frm && this.frm.is_new()) {
					this.parse_validate_and_set_in_model(null);
					this.set_input(null);
				} else {
					clear();
				}
				this.$input.prop("disabled", false).toggle(true);
				this.$value.toggle(false);
			};
		});
}

frappe.ui.form.on("Cluster Evidence", { onload_post_render: keep_upload_until_saved, refresh: keep_upload_until_saved });
