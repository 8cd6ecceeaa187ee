package dev.statelab.service.lambda;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

/**
 * The Lambda handlers the recorded cases describe ({@code lambda_functions}), written in Java and
 * keyed by the recorded handler file. Each reproduces what the Python function returns or raises,
 * including the Python runtime's error payload.
 */
final class RecordedHandlers {

  private RecordedHandlers() {}

  /** Python writes its return value with {@code json.dumps}. */
  private static final LambdaHandler ID_FUNCTION =
      (event, context) -> PythonJson.dumps(LambdaHandler.parse(event)).getBytes(StandardCharsets.UTF_8);

  /** Raises {@code Exception('Some exception was raised.')}. */
  private static final LambdaHandler RAISE_EXCEPTION = (event, context) -> {
    throw new LambdaFunctionException("Exception", "Some exception was raised.",
        List.of("  File \"/var/task/handler.py\", line 2, in handler\n"
            + "    raise Exception(\"Some exception was raised.\")\n"));
  };

  /** Raises {@code CustomException()} (no message). */
  private static final LambdaHandler RAISE_CUSTOM_EXCEPTION = (event, context) -> {
    throw new LambdaFunctionException("CustomException", "",
        List.of("  File \"/var/task/handler.py\", line 9, in handler\n    raise CustomException()\n"));
  };

  /** Returns 257 KiB of the letter 'a' as raw bytes. */
  private static final LambdaHandler LARGE_OUTPUT_STRING =
      (event, context) -> "a".repeat(257 * 1024).getBytes(StandardCharsets.UTF_8);

  /** Returns the raw bytes {@code "HelloWorld!"} (a JSON string literal). */
  private static final LambdaHandler RETURN_BYTES_STR =
      (event, context) -> "\"HelloWorld!\"".getBytes(StandardCharsets.UTF_8);

  /** Sleeps 60 seconds, then returns the event. */
  private static final LambdaHandler WAIT_60_SECONDS = (event, context) -> {
    Thread.sleep(60_000);
    return ID_FUNCTION.handle(event, context);
  };

  /** Handlers by recorded file name. */
  static final Map<String, LambdaHandler> BY_FILE = Map.of(
      "id_function.py", ID_FUNCTION,
      "raise_exception.py", RAISE_EXCEPTION,
      "raise_custom_exception.py", RAISE_CUSTOM_EXCEPTION,
      "large_output_string.py", LARGE_OUTPUT_STRING,
      "return_bytes_str.py", RETURN_BYTES_STR,
      "wait_60_seconds.py", WAIT_60_SECONDS);
}
