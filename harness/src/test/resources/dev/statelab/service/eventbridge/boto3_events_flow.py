"""boto3 against a StateLab server: EventBridge rules, PutEvents, TestEventPattern, the
events:putEvents task and the Pipes API. Prints one JSON line with what it saw."""
import json
import sys
import time

import boto3

endpoint, region, account = sys.argv[1], sys.argv[2], sys.argv[3]
kw = dict(endpoint_url=endpoint, region_name=region, aws_access_key_id="test", aws_secret_access_key="test")
events = boto3.client("events", **kw)
sfn = boto3.client("stepfunctions", **kw)
pipes = boto3.client("pipes", **kw)
role = f"arn:aws:iam::{account}:role/r"
out = {}

pass_def = json.dumps({"StartAt": "P", "States": {"P": {"Type": "Pass", "End": True}}})
sm = sfn.create_state_machine(name="Big", definition=pass_def, roleArn=role)["stateMachineArn"]
rule_arn = events.put_rule(Name="big-orders",
                           EventPattern=json.dumps({"detail": {"amount": [{"numeric": [">", 100]}]}}))["RuleArn"]
events.put_targets(Rule="big-orders", Targets=[{"Id": "sm", "Arn": sm, "RoleArn": role}])
amounts = [50, 150, 100, 250]
events.put_events(Entries=[{"Source": "shop", "DetailType": "Order", "Detail": json.dumps({"amount": a})}
                           for a in amounts])
deadline = time.time() + 20
execs = []
while time.time() < deadline:
    execs = sfn.list_executions(stateMachineArn=sm)["executions"]
    if len(execs) >= 2:
        break
    time.sleep(0.1)
time.sleep(0.3)
execs = sfn.list_executions(stateMachineArn=sm)["executions"]
out["ruleArn"] = rule_arn
out["startedAmounts"] = sorted(json.loads(sfn.describe_execution(executionArn=e["executionArn"])["input"])
                               ["detail"]["amount"] for e in execs)

task_def = json.dumps({"StartAt": "Put", "States": {"Put": {
    "Type": "Task", "Resource": "arn:aws:states:::events:putEvents",
    "Parameters": {"Entries": [{"Source": "sfn", "DetailType": "Done", "Detail": {"ok.$": "$.ok"}}]},
    "End": True}}})
put_sm = sfn.create_state_machine(name="Put", definition=task_def, roleArn=role)["stateMachineArn"]
ex = sfn.start_execution(stateMachineArn=put_sm, input=json.dumps({"ok": True}))["executionArn"]
deadline = time.time() + 20
d = sfn.describe_execution(executionArn=ex)
while d["status"] == "RUNNING" and time.time() < deadline:
    time.sleep(0.1)
    d = sfn.describe_execution(executionArn=ex)
out["putEventsTask"] = {"status": d["status"], "output": json.loads(d.get("output", "null"))}

event = json.dumps({"id": "1", "account": account, "source": "shop", "time": "2026-01-01T00:00:00Z",
                    "region": region, "detail-type": "Order", "resources": [], "detail": {"amount": 150}})
out["testMatch"] = events.test_event_pattern(
    EventPattern=json.dumps({"detail": {"amount": [{"numeric": [">", 100]}]}}), Event=event)["Result"]
out["testNoMatch"] = events.test_event_pattern(
    EventPattern=json.dumps({"source": ["other"]}), Event=event)["Result"]
try:
    events.test_event_pattern(EventPattern='{"source": "x"}', Event=event)
    out["badPattern"] = None
except events.exceptions.InvalidEventPatternException as e:
    out["badPattern"] = e.response["Error"]["Code"]

partial = events.put_events(Entries=[
    {"Source": "shop", "DetailType": "Order", "Detail": "{\"amount\": 1}"},
    {"Source": "shop", "DetailType": "Order", "Detail": "\"jsonstring\""},
    {"DetailType": "Order", "Detail": "{}"}])
out["partial"] = {"FailedEntryCount": partial["FailedEntryCount"],
                  "Entries": [{k: v for k, v in e.items() if k != "EventId"} | ({"EventId": "id"} if "EventId" in e else {})
                              for e in partial["Entries"]]}

created = pipes.create_pipe(Name="orders", Source=f"arn:aws:dynamodb:{region}:{account}:table/T/stream/x",
                            Target=sm, RoleArn=role,
                            SourceParameters={"DynamoDBStreamParameters": {"StartingPosition": "LATEST"}},
                            TargetParameters={"StepFunctionStateMachineParameters": {"InvocationType": "FIRE_AND_FORGET"}})
out["pipeCreated"] = created["CurrentState"]
out["pipeListed"] = [p["Name"] for p in pipes.list_pipes()["Pipes"]]
out["pipeDescribed"] = pipes.describe_pipe(Name="orders")["CurrentState"]
pipes.tag_resource(resourceArn=created["Arn"], tags={"team": "a"})
out["pipeTags"] = pipes.list_tags_for_resource(resourceArn=created["Arn"])["tags"]
out["pipeDeleted"] = pipes.delete_pipe(Name="orders")["DesiredState"]
try:
    pipes.describe_pipe(Name="orders")
    out["pipeMissing"] = None
except pipes.exceptions.NotFoundException as e:
    out["pipeMissing"] = e.response["Error"]["Code"]
print(json.dumps(out))
