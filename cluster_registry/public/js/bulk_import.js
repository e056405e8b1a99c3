// Bulk import from the desk: choose a layout, upload the workbook, see the preview (counts and
// every problem with its sheet, row and column), then import it; a long import shows progress.
frappe.provide("cluster_registry.bulk_import");

cluster_registry.bulk_import.METHOD = "cluster_registry.cluster_registry.bulk_import.api.";

cluster_registry.bulk_import.open = function (scope, cluster) {
	const method = cluster_registry.bulk_import.METHOD;
	frappe.call(method + "available_layouts", { scope }).then(({ message: layouts }) => {
		const dialog = new frappe.ui.Dialog({
			title: __("Import"),
			size: "large",
			fields: [
				{
					fieldname: "layout",
					fieldtype: "Select",
					label: __("Layout"),
					reqd: 1,
					options: layouts.map((l) => ({ value: l.key, label: l.title })),
				},
				{
					fieldname: "template",
					fieldtype: "Button",
					label: __("Download Template"),
					click: () => {
						const layout = dialog.get_value("layout");
						if (layout) window.open(`/api/method/${method}template?layout=${encodeURIComponent(layout)}`);
					},
				},
				{ fieldname: "file_url", fieldtype: "Attach", label: __("Import File"), reqd: 1, options: { restrictions: { allowed_file_types: [".xlsx"] } } },
				{ fieldname: "preview", fieldtype: "HTML" },
			],
			primary_action_label: __("Check"),
			primary_action(values) {
				frappe
					.call({
						method: method + "preview",
						args: { layout: values.layout, file_url: values.file_url, cluster },
						freeze: true,
					})
					.then(({ message }) => show(message));
			},
		});
		const show = (result) => {
			const counts = __("Rows: {0}; to insert: {1}; to update: {2}; unchanged: {3}; not in the library: {4}", [
				result.rows, result.inserted, result.updated, result.unchanged, result.skipped,
			]);
			let html = `<p>${frappe.utils.escape_html(counts)}</p>`;
			if (result.errors.length) {
				html += `<p class="text-danger">${__("Nothing is imported while a problem stands: correct the file and check it again.")}</p>`;
				html += `<table class="table table-bordered table-sm"><tr><th>${__("Sheet")}</th><th>${__("Row")}</th><th>${__("Column")}</th><th>${__("Problem")}</th></tr>`;
				for (const e of result.errors) {
					html += `<tr><td>${frappe.utils.escape_html(e.sheet || "")}</td><td>${e.row || ""}</td><td>${frappe.utils.escape_html(
						(e.column || "") + (e.header ? " " + e.header : "")
					)}</td><td>${frappe.utils.escape_html(e.message)}</td></tr>`;
				}
				html += "</table>";
			}
			dialog.fields_dict.preview.$wrapper.html(html);
			if (result.status === "待确认") {
				dialog.set_primary_action(__("Import"), () => commit(result.name));
			}
		};
		const commit = (name) => {
			frappe.realtime.on("cluster_import_progress", (data) => {
				if (data.name !== name) return;
				frappe.show_progress(__("Importing"), data.done, data.total, __("Row {0} of {1}", [data.done, data.total]));
			});
			frappe.call({ method: method + "commit", args: { name }, freeze: true }).then(({ message }) => {
				if (message.status === "导入中") {
					frappe.show_alert({ message: __("The import runs in the background; its record shows when it ends."), indicator: "blue" });
				} else {
					frappe.hide_progress();
					frappe.msgprint(__("Imported: {0} inserted, {1} updated, {2} unchanged.", [message.inserted, message.updated, message.unchanged]));
				}
				dialog.hide();
				frappe.set_route("Form", "Cluster Data Import", name);
			});
		};
		dialog.show();
	});
};
