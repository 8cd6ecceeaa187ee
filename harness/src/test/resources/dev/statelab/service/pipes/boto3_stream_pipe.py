"""boto3 against a StateLab server: a DynamoDB table's NEW_IMAGE stream piped to a state machine.
Prints one JSON line with the started execution's input."""
import json
import sys
import time

import boto3

endpoint, region, account = sys.argv[1], sys.argv[2], sys.argv[3]
kw = dict(endpoint_url=endpoint, region_name=region, aws_access_key_id="test", aws_secret_access_key="test")
ddb = boto3.client("dynamodb", **kw)
sfn = boto3.client("stepfunctions", **kw)
pipes = boto3.client("pipes", **kw)
role = f"arn:aws:iam::{account}:role/r"

table = ddb.create_table(TableName="Orders", KeySchema=[{"AttributeName": "id", "KeyType": "HASH"}],
                         AttributeDefinitions=[{"AttributeName": "id", "AttributeType": "S"}],
                         BillingMode="PAY_PER_REQUEST",
                         StreamSpecification={"StreamEnabled": True, "StreamViewType": "NEW_IMAGE"})
stream = table["TableDescription"]["LatestStreamArn"]
sm = sfn.create_state_machine(name="OnOrder", roleArn=role, definition=json.dumps(
    {"StartAt": "P", "States": {"P": {"Type": "Pass", "End": True}}}))["stateMachineArn"]
pipe = pipes.create_pipe(
    Name="orders-to-sfn", Source=stream, Target=sm, RoleArn=role,
    SourceParameters={"DynamoDBStreamParameters": {"StartingPosition": "LATEST", "BatchSize": 1},
                      "FilterCriteria": {"Filters": [{"Pattern": json.dumps({"eventName": ["INSERT"]})}]}},
    TargetParameters={"StepFunctionStateMachineParameters": {"InvocationType": "FIRE_AND_FORGET"}})
state = pipes.describe_pipe(Name="orders-to-sfn")["CurrentState"]
ddb.put_item(TableName="Orders", Item={"id": {"S": "o-1"}, "amount": {"N": "42"}, "status": {"S": "PAID"}})
deadline = time.time() + 20
execs = []
while time.time() < deadline:
    execs = sfn.list_executions(stateMachineArn=sm)["executions"]
    if execs:
        break
    time.sleep(0.1)
inputs = [json.loads(sfn.describe_execution(executionArn=e["executionArn"])["input"]) for e in execs]
print(json.dumps({"stream": stream, "pipeState": state, "inputs": inputs}))
