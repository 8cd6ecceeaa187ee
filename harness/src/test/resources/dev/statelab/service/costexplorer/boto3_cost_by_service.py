"""GetCostAndUsage grouped by SERVICE with boto3 against a StateLab server; prints one JSON line."""
import json
import sys

import boto3

endpoint, region = sys.argv[1], sys.argv[2]
ce = boto3.client("ce", endpoint_url=endpoint, region_name=region,
                  aws_access_key_id="test", aws_secret_access_key="test")
response = ce.get_cost_and_usage(
    TimePeriod={"Start": "2026-11-02", "End": "2026-11-03"},
    Granularity="DAILY",
    Metrics=["UnblendedCost"],
    GroupBy=[{"Type": "DIMENSION", "Key": "SERVICE"}],
)
result = response["ResultsByTime"][0]
out = {
    "total": result["Total"],
    "estimated": result["Estimated"],
    "groups": {g["Keys"][0]: g["Metrics"]["UnblendedCost"]["Amount"] for g in result["Groups"]},
    "units": sorted({g["Metrics"]["UnblendedCost"]["Unit"] for g in result["Groups"]}),
}
try:
    ce.get_cost_and_usage(TimePeriod={"Start": "2026-11-03", "End": "2026-11-02"}, Granularity="DAILY",
                          Metrics=["UnblendedCost"])
except ce.exceptions.ClientError as e:
    out["error"] = e.response["Error"]["Code"]
print(json.dumps(out))
