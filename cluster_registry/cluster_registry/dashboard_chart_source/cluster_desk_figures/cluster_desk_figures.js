frappe.provide("frappe.dashboards.chart_sources");

frappe.dashboards.chart_sources["Cluster Desk Figures"] = {
	method: "cluster_registry.cluster_registry.dashboard_chart_source.cluster_desk_figures.cluster_desk_figures.get",
	filters: [],
};
