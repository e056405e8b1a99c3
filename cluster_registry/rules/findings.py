"""What the pre-submission check (体检) reports: one Finding per problem, as data.

The caller words the message (in Chinese, through translations); `rule` says which rule of the
form was broken and `params` carries the figures the message needs.
"""

from dataclasses import dataclass, field

ERROR, WARNING = "error", "warning"


@dataclass(frozen=True)
class Finding:
	field: str
	rule: str
	severity: str
	params: dict = field(default_factory=dict)
