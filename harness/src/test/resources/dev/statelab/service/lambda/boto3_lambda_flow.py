"""Creates a Python Lambda from a zip and a state machine that invokes it and catches its errorType.

Usage: python3 boto3_lambda_flow.py <endpoint> <region> <account>; prints one JSON line.
"""
import io
import json
import sys
import time
import zipfile

import boto3

endpoint, region, account = sys.argv[1], sys.argv[2], sys.argv[3]
session = boto3.session.Session(aws_access_key_id="test", aws_secret_access_key="test", region_name=region)
lam = session.client("lambda", endpoint_url=endpoint)
sfn = session.client("stepfunctions", endpoint_url=endpoint)

code = io.BytesIO()
with zipfile.ZipFile(code, "w") as z:
    z.writestr("app.py", (
        "class InventoryShort(Exception):\n"
        "    pass\n"
        "\n"
        "def handle(event, context):\n"
        "    if event['qty'] > 3:\n"
        "        raise InventoryShort('only 3 left')\n"
        "    return {'reserved': event['qty']}\n"))
lam.create_function(FunctionName="reserve", Runtime="python3.12", Handler="app.handle",
                    Role="arn:aws:iam::%s:role/lambda" % account, Code={"ZipFile": code.getvalue()}, Timeout=10)
direct = lam.invoke(FunctionName="reserve", Payload=json.dumps({"qty": 9}).encode())

definition = {
    "StartAt": "Reserve",
    "States": {
        "Reserve": {
            "Type": "Task", "Resource": "arn:aws:states:::lambda:invoke",
            "Parameters": {"FunctionName": "reserve", "Payload.$": "$"},
            "ResultSelector": {"reserved.$": "$.Payload.reserved"},
            "Catch": [{"ErrorEquals": ["InventoryShort"], "ResultPath": "$.error", "Next": "Backorder"}],
            "End": True},
        "Backorder": {"Type": "Pass", "Parameters": {"backorder": True, "error.$": "$.error.Error"}, "End": True}}}
machine = sfn.create_state_machine(name="reserve-flow", definition=json.dumps(definition),
                                   roleArn="arn:aws:iam::%s:role/sfn" % account)["stateMachineArn"]

results = {"directFunctionError": direct.get("FunctionError"),
           "directErrorType": json.loads(direct["Payload"].read())["errorType"]}
for qty in (2, 9):
    arn = sfn.start_execution(stateMachineArn=machine, input=json.dumps({"qty": qty}))["executionArn"]
    deadline = time.time() + 30
    while True:
        d = sfn.describe_execution(executionArn=arn)
        if d["status"] != "RUNNING" or time.time() > deadline:
            break
        time.sleep(0.1)
    results["qty%d" % qty] = {"status": d["status"], "output": json.loads(d.get("output", "null"))}
print(json.dumps(results))
