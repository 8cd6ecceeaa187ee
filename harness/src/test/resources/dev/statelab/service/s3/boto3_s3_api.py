"""boto3's S3 client against StateLab: objects, listings, ranges, copies, deletes and error codes.
Prints one JSON line with what the Java test asserts."""
import json
import sys

import boto3
from botocore.config import Config
from botocore.exceptions import ClientError

endpoint, region = sys.argv[1], sys.argv[2]
s3 = boto3.client("s3", endpoint_url=endpoint, region_name=region, aws_access_key_id="test",
                  aws_secret_access_key="test", config=Config(s3={"addressing_style": "path"}))
out = {}


def code(call):
    try:
        call()
        return None
    except ClientError as e:
        return [e.response["Error"]["Code"], e.response["Error"].get("Message"),
                e.response["ResponseMetadata"]["HTTPStatusCode"]]


s3.create_bucket(Bucket="py-api")
out["createAgain"] = code(lambda: s3.create_bucket(Bucket="py-api"))
put = s3.put_object(Bucket="py-api", Key="docs/a b.txt", Body=b"hello world", ContentType="text/plain",
                    Metadata={"team": "core"})
out["etag"] = put["ETag"]
got = s3.get_object(Bucket="py-api", Key="docs/a b.txt")
out["body"] = got["Body"].read().decode()
out["metadata"] = got["Metadata"]
out["contentType"] = got["ContentType"]
ranged = s3.get_object(Bucket="py-api", Key="docs/a b.txt", Range="bytes=6-")
out["range"] = [ranged["Body"].read().decode(), ranged["ContentRange"], ranged["ResponseMetadata"]["HTTPStatusCode"]]
out["head"] = s3.head_object(Bucket="py-api", Key="docs/a b.txt")["ContentLength"]
for key in ["docs/b.txt", "docs/sub/c.txt", "readme.md"]:
    s3.put_object(Bucket="py-api", Key=key, Body=b"x")
listing = s3.list_objects_v2(Bucket="py-api", Prefix="docs/", Delimiter="/")
out["keys"] = [o["Key"] for o in listing.get("Contents", [])]
out["prefixes"] = [p["Prefix"] for p in listing.get("CommonPrefixes", [])]
out["keyCount"] = listing["KeyCount"]
pages = s3.get_paginator("list_objects_v2").paginate(Bucket="py-api", PaginationConfig={"PageSize": 2})
out["paged"] = [o["Key"] for page in pages for o in page.get("Contents", [])]
s3.copy_object(Bucket="py-api", Key="copy.txt", CopySource={"Bucket": "py-api", "Key": "docs/a b.txt"})
out["copied"] = s3.get_object(Bucket="py-api", Key="copy.txt")["Body"].read().decode()
deleted = s3.delete_objects(Bucket="py-api", Delete={"Objects": [{"Key": "readme.md"}, {"Key": "copy.txt"}]})
out["deleted"] = sorted(d["Key"] for d in deleted["Deleted"])
out["noSuchKey"] = code(lambda: s3.get_object(Bucket="py-api", Key="missing"))
out["headMissing"] = code(lambda: s3.head_object(Bucket="py-api", Key="missing"))
out["noSuchBucket"] = code(lambda: s3.list_objects_v2(Bucket="py-missing"))
out["invalidRange"] = code(lambda: s3.get_object(Bucket="py-api", Key="docs/b.txt", Range="bytes=10-20"))
out["notEmpty"] = code(lambda: s3.delete_bucket(Bucket="py-api"))
out["buckets"] = [b["Name"] for b in s3.list_buckets()["Buckets"]]
print(json.dumps(out))
