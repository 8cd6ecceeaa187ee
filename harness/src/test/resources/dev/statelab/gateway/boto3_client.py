"""Drives a StateLab gateway with boto3 and prints what the client saw as one JSON line.

Usage: python3 boto3_client.py ENDPOINT
"""
import json
import sys

import boto3
from botocore.config import Config
from botocore.exceptions import ClientError

endpoint = sys.argv[1]
# No retries (a Retry test must see every failure); no "sync-" host prefix for StartSyncExecution.
config = Config(retries={"total_max_attempts": 1}, inject_host_prefix=False)
session = boto3.session.Session(
    aws_access_key_id="test", aws_secret_access_key="test", region_name="eu-west-1")
seen = {}

sfn = session.client("stepfunctions", endpoint_url=endpoint, config=config)
machines = sfn.list_state_machines()["stateMachines"]
seen["machines"] = [m["stateMachineArn"] for m in machines]
seen["creationDate"] = machines[0]["creationDate"].timestamp()
try:
    sfn.describe_state_machine(
        stateMachineArn="arn:aws:states:eu-west-1:123456789012:stateMachine:missing")
except ClientError as e:
    seen["describeError"] = [e.response["Error"]["Code"], e.response["Error"]["Message"],
                             e.response["ResponseMetadata"]["HTTPStatusCode"]]
try:
    sfn.describe_state_machine(
        stateMachineArn="arn:aws:states:eu-west-1:123456789012:stateMachine:namespaced")
except sfn.exceptions.StateMachineDoesNotExist as e:
    seen["modeledError"] = type(e).__name__
seen["sync"] = sfn.start_sync_execution(
    stateMachineArn="arn:aws:states:eu-west-1:123456789012:stateMachine:hello",
    input='{"a":1}')["output"]
try:
    sfn.delete_state_machine(
        stateMachineArn="arn:aws:states:eu-west-1:123456789012:stateMachine:hello")
except ClientError as e:
    seen["crash"] = [e.response["Error"]["Code"], e.response["ResponseMetadata"]["HTTPStatusCode"]]

lam = session.client("lambda", endpoint_url=endpoint, config=config)
invoked = lam.invoke(FunctionName="arn:aws:lambda:eu-west-1:123456789012:function:echo",
                     Payload=b'{"x":1}')
seen["invoke"] = [invoked["StatusCode"], invoked["Payload"].read().decode("utf-8"),
                  invoked.get("ExecutedVersion")]
try:
    lam.get_function(FunctionName="missing")
except lam.exceptions.ResourceNotFoundException as e:
    seen["lambdaError"] = [e.response["Error"]["Code"],
                           e.response["ResponseMetadata"]["HTTPStatusCode"]]

print(json.dumps(seen))
