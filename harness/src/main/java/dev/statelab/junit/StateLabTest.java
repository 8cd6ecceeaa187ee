package dev.statelab.junit;

import dev.statelab.engine.ClockMode;
import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Runs a test class with a StateLab world: a world (virtual clock by default) and a gateway on an
 * ephemeral {@code 127.0.0.1} port serving Step Functions and every stand-in service.
 *
 * <pre>{@code
 * @StateLabTest(seed = 7)
 * class OrderTests {
 *   @Test
 *   void chargesOnce(StateLab lab, SfnClient sfn, ClockControl clock) { ... }
 * }
 * }</pre>
 *
 * <p>Test methods, lifecycle methods and other extensions get by type: the SDK v2 clients (sync
 * and async) for Step Functions, DynamoDB, DynamoDB Streams, EventBridge, Batch, Lambda, Cost
 * Explorer and S3, the {@link dev.statelab.engine.World}, the {@link StateLab} handle, its
 * {@link ClockControl}, the gateway's endpoint {@link java.net.URI} and a WireMock server started
 * on a loopback port when first asked for.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
@ExtendWith(StateLabExtension.class)
public @interface StateLabTest {

  /** One world per class (default) or per test method. */
  WorldLifecycle lifecycle() default WorldLifecycle.PER_CLASS;

  /** The world clock: virtual (default, moved by {@link ClockControl}) or real. */
  ClockMode clock() default ClockMode.VIRTUAL;

  /** The seed of the world's random source. */
  long seed() default 0;

  /** The region of ARNs and clients. */
  String region() default "us-east-1";

  /** The account id of ARNs. */
  String account() default "123456789012";

  /** Where the services run; {@link Backend#DEFAULT} reads the {@code statelab.backend} property. */
  Backend backend() default Backend.DEFAULT;
}
