package dev.statelab.service.lambda;

import com.fasterxml.jackson.databind.JsonNode;
import dev.statelab.engine.ClockMode;
import dev.statelab.engine.World;
import dev.statelab.gateway.AwsServiceException;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

/**
 * A world's Lambda functions, their concurrency counters and the usage ledger.
 *
 * <p>Functions come from three sources: in-JVM {@link LambdaHandler}s registered from Java, local
 * processes (CreateFunction with a zip or a directory, for {@code python3.x} and {@code nodejs}),
 * and HTTP endpoints the event is forwarded to. Invocations never block the caller: they run on
 * the store's small daemon executor and complete a stage.
 *
 * <pre>{@code
 * LambdaStore lambda = LambdaStore.of(world);   // after new LambdaModule().install(world)
 * lambda.register("Double", LambdaHandler.json(in -> IntNode.valueOf(in.asInt() * 2)));
 * }</pre>
 */
public final class LambdaStore implements AutoCloseable {

  /** The account's default concurrent execution limit. */
  public static final int DEFAULT_ACCOUNT_CONCURRENCY = 1000;
  /** The S3 bucket name that makes CreateFunction use the local directory named by S3Key. */
  public static final String LOCAL_DIRECTORY_BUCKET = "hot-reload";
  /** The S3 bucket name that makes CreateFunction forward invocations to the URL in S3Key. */
  public static final String HTTP_FORWARD_BUCKET = "statelab-http";

  /**
   * Threads that start processes and collect their output, and run HTTP forwarding. Processes
   * themselves wait on the JDK's process reaper, so a few threads serve many invocations; in-JVM
   * handlers, which may block, run on their own cached pool.
   */
  private static final int PROCESS_THREADS = 4;

  /** The largest synchronous request or response payload (6 MB, as Lambda reports it). */
  static final int MAX_RESPONSE_BYTES = 6_291_556;
  /** The largest asynchronous (Event) request payload (1 MB). */
  static final int MAX_EVENT_REQUEST_BYTES = 1_048_576;

  private final World world;
  private final Map<String, Entry> functions = new ConcurrentHashMap<>();
  private final LambdaUsage usage = new LambdaUsage();
  private final List<FunctionRuntime> retired = new ArrayList<>();
  private final ExecutorService executor;
  private final ExecutorService processExecutor;
  private final ScheduledExecutorService timer;
  private final HttpClient http;
  private final AtomicInteger accountInFlight = new AtomicInteger();
  /** Request ids come from their own stream of the world's seed: repeatable, and no draw from the engine's. */
  private final java.util.Random requestIds;
  private volatile int accountLimit = DEFAULT_ACCOUNT_CONCURRENCY;
  private volatile boolean closed;
  private volatile boolean inlineHandlers;

  LambdaStore(World world) {
    this.world = Objects.requireNonNull(world, "world");
    this.requestIds = new java.util.Random(world.options().seed() * 31 + 0x1a3bdaL);
    this.executor = Executors.newCachedThreadPool(daemon("statelab-lambda-handler"));
    this.processExecutor = Executors.newFixedThreadPool(PROCESS_THREADS, daemon("statelab-lambda"));
    this.timer = Executors.newSingleThreadScheduledExecutor(daemon("statelab-lambda-timer"));
    this.http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).executor(processExecutor).build();
  }

  /** The world's store, created on first use (install {@link LambdaModule} for Task integrations). */
  public static LambdaStore of(World world) {
    return world.component(LambdaStore.class, () -> new LambdaStore(world));
  }

  /** The world this store belongs to. */
  World world() {
    return world;
  }

  /**
   * Adds an invocation to the Lambda usage ledger and, unless throttled, to the world's {@link
   * dev.statelab.cost.UsageLedger}: {@code Request} 1 and {@code Lambda-GB-Second} (x86_64, the
   * only architecture functions have here).
   */
  private void bill(InvocationRecord record) {
    usage.add(record);
    if (record.outcome() != InvocationRecord.Outcome.THROTTLED) {
      dev.statelab.cost.UsageLedger ledger = dev.statelab.cost.UsageLedger.of(world);
      java.util.Map<String, String> attributes = java.util.Map.of("functionName", record.functionName(),
          "requestId", record.requestId());
      ledger.record(dev.statelab.cost.Services.LAMBDA, "Request", 1, "Requests", attributes);
      ledger.record(dev.statelab.cost.Services.LAMBDA, "Lambda-GB-Second", record.gbSeconds(), "GB-Seconds",
          attributes);
    }
  }

  /** The usage ledger. */
  public LambdaUsage usage() {
    return usage;
  }

  /** Sets the account-wide concurrent execution limit (default 1000). */
  public LambdaStore accountConcurrencyLimit(int limit) {
    if (limit < 0) {
      throw new IllegalArgumentException("limit must not be negative: " + limit);
    }
    this.accountLimit = limit;
    return this;
  }

  /**
   * Runs in-JVM handlers on the invoking thread (the world's, for Task states) instead of the
   * store's executor, without the timeout: a task's result is then ready when the task starts, so
   * a seeded run of many executions completes its tasks in the same order every time (chaos
   * experiments). Only for handlers that do not block; off by default.
   */
  public LambdaStore runHandlersInline(boolean inline) {
    this.inlineHandlers = inline;
    return this;
  }

  /** Invocations running now, across the account. */
  public int inFlight() {
    return accountInFlight.get();
  }

  // ---- registration from Java -------------------------------------------------------------

  /** Registers an in-JVM function with AWS's defaults (3 s timeout, 128 MB). */
  public FunctionConfig register(String name, LambdaHandler handler) {
    return register(name, handler, FunctionConfig.DEFAULT_TIMEOUT_SECONDS, FunctionConfig.DEFAULT_MEMORY_MB);
  }

  /** Registers an in-JVM function with a timeout and memory size. */
  public FunctionConfig register(String name, LambdaHandler handler, int timeoutSeconds, int memoryMb) {
    Objects.requireNonNull(handler, "handler");
    FunctionConfig config = config(name, "java21", "statelab.InJvm::handleRequest", timeoutSeconds, memoryMb,
        Map.of(), "in-jvm:" + name, 0);
    return put(config, new InJvmRuntime(handler, executor, timer, () -> inlineHandlers));
  }

  /** Registers an in-JVM function over parsed JSON. */
  public FunctionConfig registerJson(String name, Function<JsonNode, JsonNode> function) {
    return register(name, LambdaHandler.json(function));
  }

  /** Registers a function whose invocations are POSTed to {@code url}. */
  public FunctionConfig registerHttp(String name, URI url, int timeoutSeconds) {
    Objects.requireNonNull(url, "url");
    FunctionConfig config = config(name, "provided.al2023", url.toString(), timeoutSeconds,
        FunctionConfig.DEFAULT_MEMORY_MB, Map.of(), url.toString(), 0);
    return put(config, new HttpForwardRuntime(url, http));
  }

  /** Creates a process-run function from a deployment zip ({@code python3.x} or {@code nodejs*}). */
  public FunctionConfig createFromZip(String name, String runtime, String handler, byte[] zip,
      int timeoutSeconds, int memoryMb, Map<String, String> environment) {
    requireProcessRuntime(runtime);
    Path dir = unzip(zip);
    FunctionConfig config = config(name, runtime, handler, timeoutSeconds, memoryMb, environment,
        sha256(zip), zip.length);
    return put(config, ProcessRuntime.create(runtime, dir, true, processExecutor, timer, world.options().region()));
  }

  /** Creates a process-run function from code in a local directory (used in place, not copied). */
  public FunctionConfig createFromDirectory(String name, String runtime, String handler, Path directory,
      int timeoutSeconds, int memoryMb, Map<String, String> environment) {
    requireProcessRuntime(runtime);
    if (!Files.isDirectory(directory)) {
      throw new AwsServiceException("InvalidParameterValueException", "Not a directory: " + directory);
    }
    FunctionConfig config = config(name, runtime, handler, timeoutSeconds, memoryMb, environment,
        sha256(directory.toAbsolutePath().toString().getBytes()), 0);
    return put(config, ProcessRuntime.create(runtime, directory.toAbsolutePath(), false, processExecutor, timer,
        world.options().region()));
  }

  // ---- the API ----------------------------------------------------------------------------

  /** CreateFunction from its JSON body. */
  FunctionConfig create(JsonNode body) {
    String name = requireText(body, "FunctionName");
    if (functions.containsKey(functionName(name))) {
      throw new AwsServiceException("ResourceConflictException",
          "Function already exist: " + functionName(name), 409);
    }
    String runtime = body.path("Runtime").asText(null);
    String handler = body.path("Handler").asText(null);
    int timeout = body.path("Timeout").asInt(FunctionConfig.DEFAULT_TIMEOUT_SECONDS);
    int memory = body.path("MemorySize").asInt(FunctionConfig.DEFAULT_MEMORY_MB);
    Map<String, String> env = FunctionConfig.environmentOf(body);
    JsonNode code = body.path("Code");
    FunctionConfig created;
    if (code.hasNonNull("ZipFile")) {
      created = createFromZip(name, runtime, handler, Base64.getDecoder().decode(code.get("ZipFile").asText()),
          timeout, memory, env);
    } else if (LOCAL_DIRECTORY_BUCKET.equals(code.path("S3Bucket").asText())) {
      created = createFromDirectory(name, runtime, handler, Path.of(code.path("S3Key").asText()),
          timeout, memory, env);
    } else if (HTTP_FORWARD_BUCKET.equals(code.path("S3Bucket").asText())) {
      URI url = URI.create(code.path("S3Key").asText());
      created = put(config(name, runtime == null ? "provided.al2023" : runtime, url.toString(), timeout, memory,
          env, url.toString(), 0), new HttpForwardRuntime(url, http));
    } else {
      throw new AwsServiceException("InvalidParameterValueException",
          "StateLab runs Code.ZipFile, or Code.S3Bucket '" + LOCAL_DIRECTORY_BUCKET + "' (S3Key = a local"
              + " directory) or '" + HTTP_FORWARD_BUCKET + "' (S3Key = a URL to forward to)");
    }
    FunctionConfig withDetails = created.update(body, created.lastModified());
    functions.get(created.name()).config = withDetails;
    return withDetails;
  }

  /** The function's configuration. */
  public Optional<FunctionConfig> function(String nameOrArn) {
    Entry e = functions.get(functionName(nameOrArn));
    return e == null ? Optional.empty() : Optional.of(e.config);
  }

  /** Every function, by name. */
  public List<FunctionConfig> functions() {
    List<FunctionConfig> out = new ArrayList<>();
    functions.values().forEach(e -> out.add(e.config));
    out.sort(Comparator.comparing(FunctionConfig::name));
    return out;
  }

  /** True when a function of that name or ARN exists. */
  public boolean exists(String nameOrArn) {
    return functions.containsKey(functionName(nameOrArn));
  }

  /** DeleteFunction. */
  public void delete(String nameOrArn) {
    Entry e = functions.remove(functionName(nameOrArn));
    if (e == null) {
      throw notFound(nameOrArn, false);
    }
    retire(e.runtime);
  }

  /** UpdateFunctionCode (ZipFile, or the local-directory and HTTP buckets). */
  FunctionConfig updateCode(String nameOrArn, JsonNode body) {
    Entry e = entry(nameOrArn, false);
    FunctionConfig c = e.config;
    FunctionRuntime old = e.runtime;
    Instant now = world.now();
    if (body.hasNonNull("ZipFile")) {
      requireProcessRuntime(c.runtime());
      byte[] zip = Base64.getDecoder().decode(body.get("ZipFile").asText());
      e.runtime = ProcessRuntime.create(c.runtime(), unzip(zip), true, processExecutor, timer, world.options().region());
      e.config = c.withCode(sha256(zip), zip.length, now);
    } else if (LOCAL_DIRECTORY_BUCKET.equals(body.path("S3Bucket").asText())) {
      Path dir = Path.of(body.path("S3Key").asText()).toAbsolutePath();
      e.runtime = ProcessRuntime.create(c.runtime(), dir, false, processExecutor, timer, world.options().region());
      e.config = c.withCode(sha256(dir.toString().getBytes()), 0, now);
    } else if (HTTP_FORWARD_BUCKET.equals(body.path("S3Bucket").asText())) {
      URI url = URI.create(body.path("S3Key").asText());
      e.runtime = new HttpForwardRuntime(url, http);
      e.config = c.withCode(sha256(url.toString().getBytes()), 0, now);
    } else {
      throw new AwsServiceException("InvalidParameterValueException", "Give ZipFile, or S3Bucket and S3Key");
    }
    retire(old);
    return e.config;
  }

  /** UpdateFunctionConfiguration. */
  FunctionConfig updateConfiguration(String nameOrArn, JsonNode body) {
    Entry e = entry(nameOrArn, false);
    e.config = e.config.update(body, world.now());
    return e.config;
  }

  /** PutFunctionConcurrency: reserves (and caps) the function's concurrent executions; null removes. */
  public FunctionConfig reservedConcurrency(String nameOrArn, Integer reserved) {
    Entry e = entry(nameOrArn, false);
    if (reserved != null && reserved < 0) {
      throw new AwsServiceException("InvalidParameterValueException",
          "ReservedConcurrentExecutions must not be negative");
    }
    e.config = e.config.withReservedConcurrency(reserved);
    return e.config;
  }

  /**
   * Invokes a function. The stage fails with an {@link AwsServiceException} for Lambda service
   * errors: {@code ResourceNotFoundException} (404), {@code TooManyRequestsException} (429) or
   * {@code ServiceException} (500).
   */
  public CompletionStage<InvocationResult> invoke(String nameOrArn, byte[] payload, InvocationType type) {
    String requestId = nextRequestId();
    int limit = type == InvocationType.EVENT ? MAX_EVENT_REQUEST_BYTES : MAX_RESPONSE_BYTES;
    if (payload.length > limit) {
      return CompletableFuture.failedFuture(new AwsServiceException("RequestTooLargeException",
          "Request must be smaller than " + limit + " bytes for the InvokeFunction operation", 413));
    }
    Entry e;
    try {
      e = entry(nameOrArn, true);
    } catch (AwsServiceException ex) {
      return CompletableFuture.failedFuture(ex);
    }
    if (type == InvocationType.DRY_RUN) {
      return CompletableFuture.completedFuture(
          new InvocationResult(requestId, 204, new byte[0], null, InvocationRecord.Outcome.SUCCESS, ""));
    }
    FunctionConfig config = e.config;
    if (!acquire(e, config)) {
      Instant now = world.now();
      bill(new InvocationRecord(config.name(), requestId, now, now, 0, 0, config.memoryMb(),
          InvocationRecord.Outcome.THROTTLED));
      return CompletableFuture.failedFuture(
          new AwsServiceException("TooManyRequestsException", "Rate Exceeded.", 429));
    }
    Instant start = world.now();
    long startNanos = System.nanoTime();
    LambdaContext context = new LambdaContext(config.name(), config.arn(), config.memoryMb(), requestId,
        startNanos + config.timeoutSeconds() * 1_000_000_000L);
    CompletionStage<FunctionRuntime.RuntimeResponse> run;
    try {
      run = e.runtime.invoke(config, payload, context);
    } catch (RuntimeException ex) {
      run = CompletableFuture.failedFuture(ex);
    }
    CompletableFuture<InvocationResult> done = run.handle((response, failure) -> {
      release(e);
      // On a virtual clock the function's time is world time (deterministic for a seed);
      // on a real clock it is the time the code really ran.
      long nanos = world.options().clockMode() == ClockMode.VIRTUAL
          ? Duration.between(start, world.now()).toNanos()
          : System.nanoTime() - startNanos;
      InvocationRecord.Outcome outcome = failure != null ? InvocationRecord.Outcome.SERVICE_ERROR : response.outcome();
      long billed = Math.max(1, (nanos + 999_999) / 1_000_000);
      bill(new InvocationRecord(config.name(), requestId, start, world.now(), nanos / 1e6,
          billed, config.memoryMb(), outcome));
      if (failure != null) {
        Throwable cause = failure instanceof CompletionException && failure.getCause() != null
            ? failure.getCause() : failure;
        throw cause instanceof AwsServiceException ase ? ase
            : new AwsServiceException("ServiceException", String.valueOf(cause.getMessage()), 500);
      }
      String log = "START RequestId: " + requestId + " Version: $LATEST\n" + response.logs()
          + (response.logs().isEmpty() || response.logs().endsWith("\n") ? "" : "\n")
          + "END RequestId: " + requestId + "\n"
          + String.format(Locale.ROOT,
              "REPORT RequestId: %s\tDuration: %.2f ms\tBilled Duration: %d ms\tMemory Size: %d MB\n",
              requestId, nanos / 1e6, billed, config.memoryMb());
      byte[] payloadBytes = response.payload();
      if (payloadBytes.length > MAX_RESPONSE_BYTES) {
        return new InvocationResult(requestId, 200, ErrorPayloads.functionError("Function.ResponseSizeTooLarge",
            "Response payload size exceeded maximum allowed payload size (" + MAX_RESPONSE_BYTES + " bytes).",
            requestId, List.of()), "Unhandled", InvocationRecord.Outcome.FUNCTION_ERROR, log);
      }
      return new InvocationResult(requestId, 200, payloadBytes, response.error() ? "Unhandled" : null,
          response.outcome(), log);
    }).toCompletableFuture();
    if (type == InvocationType.EVENT) {
      return CompletableFuture.completedFuture(
          new InvocationResult(requestId, 202, new byte[0], null, InvocationRecord.Outcome.SUCCESS, ""));
    }
    return done;
  }

  /** Stops the executors and deletes unpacked code. */
  @Override
  public void close() {
    if (closed) {
      return;
    }
    closed = true;
    executor.shutdownNow();
    processExecutor.shutdownNow();
    timer.shutdownNow();
    functions.values().forEach(e -> e.runtime.close());
    synchronized (retired) {
      retired.forEach(FunctionRuntime::close);
      retired.clear();
    }
  }

  // ---- helpers ----------------------------------------------------------------------------

  private String nextRequestId() {
    long msb;
    long lsb;
    synchronized (requestIds) {
      msb = requestIds.nextLong();
      lsb = requestIds.nextLong();
    }
    return new UUID((msb & 0xffffffffffff0fffL) | 0x0000000000004000L, (lsb & 0x3fffffffffffffffL) | 0x8000000000000000L)
        .toString();
  }

  private boolean acquire(Entry e, FunctionConfig config) {
    synchronized (this) {
      Integer reserved = config.reservedConcurrency();
      if (accountInFlight.get() >= accountLimit || (reserved != null && e.inFlight >= reserved)) {
        return false;
      }
      accountInFlight.incrementAndGet();
      e.inFlight++;
      return true;
    }
  }

  private void release(Entry e) {
    synchronized (this) {
      accountInFlight.decrementAndGet();
      e.inFlight--;
    }
  }

  private void retire(FunctionRuntime runtime) {
    synchronized (retired) {
      retired.add(runtime);
    }
  }

  private FunctionConfig put(FunctionConfig config, FunctionRuntime runtime) {
    Entry old = functions.put(config.name(), new Entry(config, runtime));
    if (old != null) {
      retire(old.runtime);
    }
    return config;
  }

  private FunctionConfig config(String name, String runtime, String handler, int timeoutSeconds, int memoryMb,
      Map<String, String> environment, String codeIdentity, long codeSize) {
    String n = functionName(Objects.requireNonNull(name, "name"));
    if (!n.matches("[a-zA-Z0-9-_]{1,64}")) {
      throw new AwsServiceException("InvalidParameterValueException", "Not a function name: '" + n + "'");
    }
    if (timeoutSeconds < 1 || timeoutSeconds > 900) {
      throw new AwsServiceException("InvalidParameterValueException", "Timeout must be 1..900 seconds");
    }
    if (memoryMb < 128 || memoryMb > 10240) {
      throw new AwsServiceException("InvalidParameterValueException", "MemorySize must be 128..10240 MB");
    }
    String sha = codeIdentity.startsWith("in-jvm:") || codeIdentity.contains("://")
        ? sha256(codeIdentity.getBytes()) : codeIdentity;
    return new FunctionConfig(n, arn(n), runtime, handler, "arn:aws:iam::" + world.options().accountId()
        + ":role/lambda-role", "", timeoutSeconds, memoryMb, environment, null, sha, codeSize, world.now());
  }

  /** The unqualified ARN of a function name in this world. */
  public String arn(String name) {
    return "arn:aws:lambda:" + world.options().region() + ":" + world.options().accountId() + ":function:" + name;
  }

  private Entry entry(String nameOrArn, boolean invoke) {
    Entry e = functions.get(functionName(nameOrArn));
    if (e == null) {
      throw notFound(nameOrArn, invoke);
    }
    return e;
  }

  private AwsServiceException notFound(String nameOrArn, boolean invoke) {
    return new AwsServiceException("ResourceNotFoundException",
        "Function not found: " + arn(functionName(nameOrArn)) + (invoke ? ":$LATEST" : ""), 404);
  }

  /** The function name in a name, a partial ARN or a (qualified) ARN. */
  public static String functionName(String nameOrArn) {
    String s = nameOrArn;
    int at = s.indexOf(":function:");
    if (at >= 0) {
      s = s.substring(at + ":function:".length());
    }
    int colon = s.indexOf(':');
    return colon >= 0 ? s.substring(0, colon) : s;
  }

  private static void requireProcessRuntime(String runtime) {
    if (!ProcessRuntime.supports(runtime)) {
      throw new AwsServiceException("InvalidParameterValueException",
          "StateLab runs python3.x and nodejs runtimes in local processes; register other functions from"
              + " Java. Runtime: " + runtime);
    }
  }

  private static Path unzip(byte[] zip) {
    try {
      Path dir = Files.createTempDirectory("statelab-lambda-code-");
      try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip))) {
        ZipEntry entry;
        while ((entry = in.getNextEntry()) != null) {
          Path target = dir.resolve(entry.getName()).normalize();
          if (!target.startsWith(dir)) {
            throw new AwsServiceException("InvalidParameterValueException",
                "Zip entry outside the code directory: " + entry.getName());
          }
          if (entry.isDirectory()) {
            Files.createDirectories(target);
          } else {
            Files.createDirectories(target.getParent());
            copy(in, target);
          }
        }
      }
      return dir;
    } catch (IOException e) {
      throw new AwsServiceException("InvalidParameterValueException",
          "Could not unzip file: " + e.getMessage());
    }
  }

  private static void copy(InputStream in, Path target) throws IOException {
    Files.write(target, in.readAllBytes());
  }

  static String sha256(byte[] bytes) {
    try {
      return Base64.getEncoder().encodeToString(MessageDigest.getInstance("SHA-256").digest(bytes));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  private static String requireText(JsonNode body, String field) {
    JsonNode v = body.get(field);
    if (v == null || !v.isTextual() || v.asText().isEmpty()) {
      throw new AwsServiceException("InvalidParameterValueException", field + " is required");
    }
    return v.asText();
  }

  private static ThreadFactory daemon(String name) {
    AtomicInteger n = new AtomicInteger();
    return r -> {
      Thread t = new Thread(r, name + "-" + n.incrementAndGet());
      t.setDaemon(true);
      return t;
    };
  }

  /** A function's mutable slot: its configuration, runtime and running invocations. */
  private static final class Entry {
    volatile FunctionConfig config;
    volatile FunctionRuntime runtime;
    int inFlight;

    Entry(FunctionConfig config, FunctionRuntime runtime) {
      this.config = config;
      this.runtime = runtime;
    }
  }
}
