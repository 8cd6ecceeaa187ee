/**
 * The generic {@code aws-sdk:<service>:<action>} Task integration, calling registered stand-in
 * services in-process.
 */
package dev.statelab.integration.awssdk;
