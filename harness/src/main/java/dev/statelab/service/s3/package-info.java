/**
 * The S3 stand-in: buckets and objects in memory ({@link dev.statelab.service.s3.S3Store}), the S3
 * REST-XML API on the gateway ({@link dev.statelab.service.s3.S3Service}), {@code aws-sdk:s3:*}
 * Task integrations, and the object storage that distributed Map's ItemReader and ResultWriter use.
 */
package dev.statelab.service.s3;
