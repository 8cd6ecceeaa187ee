package dev.statelab.junit;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.sfn.SfnClient;
import software.amazon.awssdk.services.sfn.model.DescribeExecutionResponse;

/**
 * A test class written for either backend: only SDK calls and the clock control. It runs on the
 * embedded backend here; {@code -Dstatelab.backend=localstack} runs it against LocalStack where
 * Docker is available, and {@link LocalStackBackendTests} pins it there.
 */
@StateLabTest
class EitherBackendTests {

  @Test
  void aPassMachineSucceedsThroughTheSdk(StateLab lab, SfnClient sfn, ClockControl clock) {
    StateMachineUnderTest hello = lab.deploy(Scenario.ofDefinition("""
        {"StartAt": "Hello", "States": {"Hello": {"Type": "Pass",
          "Parameters": {"greeting.$": "States.Format('hello {}', $.who)"}, "End": true}}}""")
        .named("hello-" + getClass().getSimpleName()));

    String executionArn = hello.startExecution("{\"who\": \"world\"}");
    clock.runUntilIdle();

    DescribeExecutionResponse described = sfn.describeExecution(b -> b.executionArn(executionArn));
    assertThat(described.statusAsString()).isEqualTo("SUCCEEDED");
    assertThat(described.output()).isEqualTo("{\"greeting\":\"hello world\"}");
  }
}
