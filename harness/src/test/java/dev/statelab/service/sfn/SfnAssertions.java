package dev.statelab.service.sfn;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import software.amazon.awssdk.awscore.exception.AwsServiceException;

/** Asserting the AWS error a real SDK client raised: exception type, code, status and message. */
final class SfnAssertions {

  private SfnAssertions() {}

  /** Asserts the call fails with {@code type}, status 400, and a message starting with {@code message}. */
  static void assertAwsError(ThrowingCallable call, Class<? extends AwsServiceException> type,
      String code, String message) {
    assertThatThrownBy(call)
        .isInstanceOf(type)
        .satisfies(t -> {
          AwsServiceException e = (AwsServiceException) t;
          org.assertj.core.api.Assertions.assertThat(e.statusCode()).isEqualTo(400);
          org.assertj.core.api.Assertions.assertThat(e.awsErrorDetails().errorCode())
              .isEqualTo(code);
          org.assertj.core.api.Assertions.assertThat(e.awsErrorDetails().errorMessage())
              .startsWith(message);
        });
  }
}
