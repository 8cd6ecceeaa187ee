package dev.statelab.service.lambda;

import com.amazonaws.services.lambda.runtime.ClientContext;
import com.amazonaws.services.lambda.runtime.CognitoIdentity;
import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.LambdaLogger;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import dev.statelab.json.Json;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Objects;

/**
 * Adapts handlers written against {@code aws-lambda-java-core} ({@link RequestHandler},
 * {@link RequestStreamHandler}) to {@link LambdaHandler}s; POJOs travel through Jackson.
 */
public final class JavaHandlers {

  private JavaHandlers() {}

  /** A {@link RequestHandler} whose input is read as {@code inputType}. */
  public static <I, O> LambdaHandler of(RequestHandler<I, O> handler, Class<I> inputType) {
    Objects.requireNonNull(handler, "handler");
    Objects.requireNonNull(inputType, "inputType");
    return (event, context) -> {
      I input = Json.MAPPER.readValue(event, inputType);
      O output = handler.handleRequest(input, new SdkContext(context));
      return Json.MAPPER.writeValueAsBytes(output);
    };
  }

  /** A {@link RequestStreamHandler}: raw bytes in and out. */
  public static LambdaHandler of(RequestStreamHandler handler) {
    Objects.requireNonNull(handler, "handler");
    return (event, context) -> {
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      handler.handleRequest(new ByteArrayInputStream(event), out, new SdkContext(context));
      return out.toByteArray();
    };
  }

  /** The SDK's {@link Context} over a {@link LambdaContext}. */
  private record SdkContext(LambdaContext context) implements Context {

    @Override
    public String getAwsRequestId() {
      return context.awsRequestId();
    }

    @Override
    public String getLogGroupName() {
      return "/aws/lambda/" + context.functionName();
    }

    @Override
    public String getLogStreamName() {
      return "statelab";
    }

    @Override
    public String getFunctionName() {
      return context.functionName();
    }

    @Override
    public String getFunctionVersion() {
      return "$LATEST";
    }

    @Override
    public String getInvokedFunctionArn() {
      return context.functionArn();
    }

    @Override
    public CognitoIdentity getIdentity() {
      return null;
    }

    @Override
    public ClientContext getClientContext() {
      return null;
    }

    @Override
    public int getRemainingTimeInMillis() {
      return (int) Math.min(Integer.MAX_VALUE, context.getRemainingTimeInMillis());
    }

    @Override
    public int getMemoryLimitInMB() {
      return context.memoryLimitInMb();
    }

    @Override
    public LambdaLogger getLogger() {
      return new LambdaLogger() {
        @Override
        public void log(String message) {
          System.err.print(message);
        }

        @Override
        public void log(byte[] message) {
          System.err.print(new String(message, StandardCharsets.UTF_8));
        }
      };
    }
  }
}
