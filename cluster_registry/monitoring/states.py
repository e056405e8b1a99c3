"""The states and actions of the monitoring workflow 年度监测审核 (plain data, shared by the
workflow fixtures in hooks.py and the rules of each step in monitoring_steps.py): the county
fills and submits, the city checks and forwards, the province accepts; the city or the province
may return a filing to the county with written reasons."""

WORKFLOW = "年度监测审核"
DRAFT, SUBMITTED, RETURNED = "草稿", "已提交市级", "退回修改"
FORWARDED, ACCEPTED = "已报省级", "省级已接收"
STATES = (DRAFT, SUBMITTED, RETURNED, FORWARDED, ACCEPTED)
EDITABLE = (DRAFT, RETURNED)

COUNTY, CITY, PROVINCE = "Cluster County Officer", "Cluster City Officer", "Cluster Province Officer"
# (state, action, next state, role)
TRANSITIONS = (
	(DRAFT, "提交市级", SUBMITTED, COUNTY),
	(RETURNED, "重新提交", SUBMITTED, COUNTY),
	(SUBMITTED, "退回修改", RETURNED, CITY),
	(SUBMITTED, "报送省级", FORWARDED, CITY),
	(FORWARDED, "退回修改", RETURNED, PROVINCE),
	(FORWARDED, "接收", ACCEPTED, PROVINCE),
)
ACTIONS = tuple(dict.fromkeys(action for _state, action, _next, _role in TRANSITIONS))
# who acts in each state (the workflow's allow_edit)
ACTS_IN = {DRAFT: COUNTY, RETURNED: COUNTY, SUBMITTED: CITY, FORWARDED: PROVINCE, ACCEPTED: PROVINCE}
# the remarks each level writes, and the state in which it writes them
REMARKS = {"city_opinion": SUBMITTED, "province_opinion": FORWARDED}
