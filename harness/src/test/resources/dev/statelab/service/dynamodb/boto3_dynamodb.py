"""boto3 against a StateLab server: DynamoDB operations with expressions, errors, and a stream read."""
import json
import sys

import boto3
from botocore.config import Config
from botocore.exceptions import ClientError

endpoint, region = sys.argv[1], sys.argv[2]
kw = dict(endpoint_url=endpoint, region_name=region, aws_access_key_id="test", aws_secret_access_key="test",
          config=Config(retries={"max_attempts": 1}))
ddb = boto3.client("dynamodb", **kw)
streams = boto3.client("dynamodbstreams", **kw)
out = {}

desc = ddb.create_table(
    TableName="Boto", BillingMode="PAY_PER_REQUEST",
    AttributeDefinitions=[{"AttributeName": "pk", "AttributeType": "S"}, {"AttributeName": "sk", "AttributeType": "N"}],
    KeySchema=[{"AttributeName": "pk", "KeyType": "HASH"}, {"AttributeName": "sk", "KeyType": "RANGE"}],
    StreamSpecification={"StreamEnabled": True, "StreamViewType": "NEW_AND_OLD_IMAGES"})["TableDescription"]
out["status"] = desc["TableStatus"]
stream_arn = desc["LatestStreamArn"]

ddb.put_item(TableName="Boto", Item={"pk": {"S": "u"}, "sk": {"N": "1"}, "n": {"N": "1"}, "tags": {"SS": ["a"]}})
ddb.put_item(TableName="Boto", Item={"pk": {"S": "u"}, "sk": {"N": "2"}, "n": {"N": "5"}})
upd = ddb.update_item(TableName="Boto", Key={"pk": {"S": "u"}, "sk": {"N": "1"}},
                      UpdateExpression="SET #n = #n + :inc ADD tags :t", ConditionExpression="#n < :max",
                      ExpressionAttributeNames={"#n": "n"},
                      ExpressionAttributeValues={":inc": {"N": "2"}, ":t": {"SS": ["b"]}, ":max": {"N": "10"}},
                      ReturnValues="UPDATED_NEW")
out["updated"] = upd["Attributes"]

try:
    ddb.put_item(TableName="Boto", Item={"pk": {"S": "u"}, "sk": {"N": "2"}},
                 ConditionExpression="attribute_not_exists(pk)", ReturnValuesOnConditionCheckFailure="ALL_OLD")
except ClientError as e:
    out["conditional"] = {"code": e.response["Error"]["Code"], "message": e.response["Error"]["Message"],
                          "item": e.response.get("Item")}

try:
    ddb.get_item(TableName="Missing", Key={"pk": {"S": "u"}})
except ClientError as e:
    out["missing"] = {"code": e.response["Error"]["Code"], "message": e.response["Error"]["Message"]}

try:
    ddb.query(TableName="Boto", KeyConditionExpression="pk = ", ExpressionAttributeValues={":p": {"S": "u"}})
except ClientError as e:
    out["badExpression"] = {"code": e.response["Error"]["Code"], "message": e.response["Error"]["Message"]}

q = ddb.query(TableName="Boto", KeyConditionExpression="pk = :p AND sk > :z", FilterExpression="n > :three",
              ExpressionAttributeValues={":p": {"S": "u"}, ":z": {"N": "0"}, ":three": {"N": "3"}},
              ScanIndexForward=False, ReturnConsumedCapacity="TOTAL")
out["query"] = {"sks": [i["sk"]["N"] for i in q["Items"]], "count": q["Count"], "scanned": q["ScannedCount"],
                "capacity": q["ConsumedCapacity"]["CapacityUnits"]}

ddb.delete_item(TableName="Boto", Key={"pk": {"S": "u"}, "sk": {"N": "2"}})

shard = streams.describe_stream(StreamArn=stream_arn)["StreamDescription"]["Shards"][0]["ShardId"]
it = streams.get_shard_iterator(StreamArn=stream_arn, ShardId=shard, ShardIteratorType="TRIM_HORIZON")["ShardIterator"]
records = []
while it:
    r = streams.get_records(ShardIterator=it, Limit=10)
    records.extend(r["Records"])
    if not r["Records"]:
        break
    it = r.get("NextShardIterator")
out["stream"] = [{"event": r["eventName"], "keys": r["dynamodb"]["Keys"],
                  "new": r["dynamodb"].get("NewImage"), "old": r["dynamodb"].get("OldImage"),
                  "seq": r["dynamodb"]["SequenceNumber"], "view": r["dynamodb"]["StreamViewType"]} for r in records]
print(json.dumps(out))
