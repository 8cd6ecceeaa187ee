"""Drives StateLab's Step Functions service with boto3 and prints what it saw as one JSON line.

Usage: python3 boto3_sfn.py ENDPOINT
"""
import json
import sys
import time

import boto3
from botocore.config import Config
from botocore.exceptions import ClientError

endpoint = sys.argv[1]
# No retries; no "sync-" host prefix for StartSyncExecution.
config = Config(retries={"total_max_attempts": 1}, inject_host_prefix=False)
session = boto3.session.Session(
    aws_access_key_id="test", aws_secret_access_key="test", region_name="us-east-1")
sfn = session.client("stepfunctions", endpoint_url=endpoint, config=config)
role = "arn:aws:iam::123456789012:role/boto3"
seen = {}

passing = json.dumps({"StartAt": "P", "States": {"P": {"Type": "Pass", "End": True}}})
machine = sfn.create_state_machine(name="boto", definition=passing, roleArn=role)
arn = machine["stateMachineArn"]
seen["created"] = arn
seen["creationDateIsDatetime"] = hasattr(machine["creationDate"], "timestamp")

started = sfn.start_execution(stateMachineArn=arn, name="b1", input='{"a": 1}')
execution = started["executionArn"]
for _ in range(200):
    described = sfn.describe_execution(executionArn=execution)
    if described["status"] != "RUNNING":
        break
    time.sleep(0.01)
seen["status"] = described["status"]
seen["output"] = described["output"]
seen["history"] = [e["type"] for e in sfn.get_execution_history(executionArn=execution)["events"]]
seen["listed"] = [e["executionArn"] for e in sfn.list_executions(stateMachineArn=arn)["executions"]]
seen["machines"] = [m["name"] for m in sfn.list_state_machines()["stateMachines"]]

express = sfn.create_state_machine(name="boto-express", definition=passing, roleArn=role,
                                   type="EXPRESS")["stateMachineArn"]
sync = sfn.start_sync_execution(stateMachineArn=express, input='{"s": 2}')
seen["sync"] = [sync["status"], sync["output"], sync["billingDetails"]["billedMemoryUsedInMB"]]

activity = sfn.create_activity(name="boto-activity")["activityArn"]
worker = json.dumps({"StartAt": "A", "States": {"A": {"Type": "Task", "Resource": activity,
                                                     "End": True}}})
worker_arn = sfn.create_state_machine(name="boto-worker", definition=worker,
                                      roleArn=role)["stateMachineArn"]
work = sfn.start_execution(stateMachineArn=worker_arn, input='{"job": 3}')["executionArn"]
task = sfn.get_activity_task(activityArn=activity, workerName="py")
sfn.send_task_success(taskToken=task["taskToken"], output='{"done": true}')
for _ in range(200):
    finished = sfn.describe_execution(executionArn=work)
    if finished["status"] != "RUNNING":
        break
    time.sleep(0.01)
seen["task"] = [task["input"], finished["status"], finished.get("output")]

try:
    sfn.describe_state_machine(stateMachineArn=arn + "-missing")
except sfn.exceptions.StateMachineDoesNotExist as e:
    seen["missing"] = [type(e).__name__, e.response["Error"]["Message"]]
try:
    sfn.start_execution(stateMachineArn=arn, input="{bad")
except ClientError as e:
    seen["badInput"] = e.response["Error"]["Code"]

print(json.dumps(seen))
