"""boto3 against StateLab: a Distributed Map reads a 10,000-row CSV from S3 in batches and writes
its results back with ResultWriter. Prints one JSON line with what the Java test asserts."""
import json
import sys
import time

import boto3
from botocore.config import Config

endpoint, region, rows = sys.argv[1], sys.argv[2], int(sys.argv[3])
session = boto3.session.Session(aws_access_key_id="test", aws_secret_access_key="test", region_name=region)
s3 = session.client("s3", endpoint_url=endpoint, config=Config(s3={"addressing_style": "path"}))
sfn = session.client("stepfunctions", endpoint_url=endpoint)

s3.create_bucket(Bucket="csv-in")
s3.create_bucket(Bucket="csv-out")
lines = ["id,name,amount"] + ["%d,item-%d,%d" % (i, i, i % 97) for i in range(rows)]
s3.put_object(Bucket="csv-in", Key="orders/orders.csv", Body="\n".join(lines).encode(), ContentType="text/csv")

definition = {
    "StartAt": "Orders",
    "States": {
        "Orders": {
            "Type": "Map",
            "Label": "Orders",
            "ItemReader": {
                "Resource": "arn:aws:states:::s3:getObject",
                "ReaderConfig": {"InputType": "CSV", "CSVHeaderLocation": "FIRST_ROW"},
                "Parameters": {"Bucket.$": "$.bucket", "Key.$": "$.key"},
            },
            "ItemBatcher": {"MaxItemsPerBatch": 100, "BatchInput": {"source.$": "$.key"}},
            "ItemProcessor": {
                "ProcessorConfig": {"Mode": "DISTRIBUTED", "ExecutionType": "STANDARD"},
                "StartAt": "Count",
                "States": {
                    "Count": {
                        "Type": "Pass",
                        "Parameters": {
                            "count.$": "States.ArrayLength($.Items)",
                            "first.$": "$.Items[0].id",
                            "source.$": "$.BatchInput.source",
                        },
                        "End": True,
                    }
                },
            },
            "ResultWriter": {
                "Resource": "arn:aws:states:::s3:putObject",
                "Parameters": {"Bucket": "csv-out", "Prefix": "results"},
            },
            "End": True,
        }
    },
}
machine = sfn.create_state_machine(
    name="csv-orders", definition=json.dumps(definition),
    roleArn="arn:aws:iam::123456789012:role/statelab")["stateMachineArn"]

started = time.monotonic()
execution = sfn.start_execution(stateMachineArn=machine,
                                input=json.dumps({"bucket": "csv-in", "key": "orders/orders.csv"}))["executionArn"]
while True:
    described = sfn.describe_execution(executionArn=execution)
    if described["status"] != "RUNNING":
        break
    time.sleep(0.02)
elapsed = time.monotonic() - started

out = {"status": described["status"], "seconds": elapsed}
if described["status"] != "SUCCEEDED":
    out["error"] = described.get("error")
    out["cause"] = described.get("cause")
    print(json.dumps(out))
    sys.exit(0)
output = json.loads(described["output"])
out["output"] = output
details = output["ResultWriterDetails"]
manifest = json.loads(s3.get_object(Bucket=details["Bucket"], Key=details["Key"])["Body"].read())
out["manifest"] = manifest
succeeded_key = manifest["ResultFiles"]["SUCCEEDED"][0]["Key"]
succeeded_obj = s3.get_object(Bucket="csv-out", Key=succeeded_key)
succeeded = json.loads(succeeded_obj["Body"].read())
out["succeededCount"] = len(succeeded)
out["succeededBytes"] = succeeded_obj["ContentLength"]
out["first"] = succeeded[0]
out["counts"] = sorted({json.loads(e["Output"])["count"] for e in succeeded})
out["total"] = sum(json.loads(e["Output"])["count"] for e in succeeded)
out["firstIds"] = sorted(int(json.loads(e["Output"])["first"]) for e in succeeded)[:3]
listed = s3.list_objects_v2(Bucket="csv-out", Prefix="results/")
out["listed"] = [o["Key"] for o in listed.get("Contents", [])]
print(json.dumps(out))
