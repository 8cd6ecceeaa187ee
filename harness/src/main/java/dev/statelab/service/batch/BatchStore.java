package dev.statelab.service.batch;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.statelab.engine.World;
import dev.statelab.gateway.AwsServiceException;
import dev.statelab.json.Json;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;

/**
 * A world's AWS Batch: compute environments, job queues, job definitions and jobs, with each job's
 * lifecycle advanced on the world clock.
 *
 * <p>Requests and responses are the Batch API's JSON (camelCase). Every method runs on the world's
 * thread (it goes through {@link World#call}), so the store needs no locks of its own.
 */
public final class BatchStore {

  /** World time from SUBMITTED to PENDING. */
  static final Duration SUBMIT_DELAY = Duration.ofSeconds(1);
  /** World time from PENDING (dependencies met) to RUNNABLE. */
  static final Duration PENDING_DELAY = Duration.ofSeconds(1);
  /** World time from STARTING (placed on capacity) to RUNNING. */
  static final Duration STARTING_DELAY = Duration.ofSeconds(5);
  static final String TIMEOUT_REASON = "Job attempt duration exceeded timeout";
  static final String CONTAINER_EXITED = "Essential container in task exited";
  static final String DEPENDENCY_FAILED = "Dependent Job failed";

  private final World world;
  private final String region;
  private final String account;
  private final BatchUsage usage = new BatchUsage();
  private final Map<String, JobRunner> runners = new ConcurrentHashMap<>();
  private final JobRunner simulated = new SimulatedRunner();
  private final JobRunner process = new ProcessRunner();
  private final Map<String, ComputeEnvironment> environments = new LinkedHashMap<>();
  private final Map<String, JobQueue> queues = new LinkedHashMap<>();
  private final Map<String, List<JobDefinition>> definitions = new LinkedHashMap<>();
  private final Map<String, Job> jobs = new LinkedHashMap<>();
  private final Map<String, Double> usedVcpus = new LinkedHashMap<>();
  private final List<Consumer<JsonNode>> endListeners = new ArrayList<>();
  private final Map<String, List<Consumer<JsonNode>>> watchers = new LinkedHashMap<>();
  private long sequence;
  private volatile java.util.function.UnaryOperator<JobRunner> runnerDecorator = java.util.function.UnaryOperator.identity();

  private BatchStore(World world) {
    this.world = world;
    this.region = world.options().region();
    this.account = world.options().accountId();
  }

  /** The world's Batch store, created on first use. */
  public static BatchStore of(World world) {
    return world.component(BatchStore.class, () -> new BatchStore(world));
  }

  /**
   * Adds an attempt to the Batch usage ledger and to the world's {@link
   * dev.statelab.cost.UsageLedger}, billed per second with a 60-second minimum: on Fargate
   * {@code Fargate-vCPU-Hours:perCPU} and {@code Fargate-GB-Hours}; on EC2 {@code EC2-vCPU-Hours}
   * (the catalogue prices it as a vCPU share of an m5.large).
   */
  private void bill(UsageRecord record) {
    usage.add(record);
    double hours = Math.max(60.0, record.seconds()) / 3600.0;
    java.util.Map<String, String> attributes = java.util.Map.of("jobId", record.jobId(), "jobName", record.jobName(),
        "jobQueue", record.jobQueue(), "platform", record.platform());
    dev.statelab.cost.UsageLedger ledger = dev.statelab.cost.UsageLedger.of(world);
    if (record.platform().equals("FARGATE")) {
      ledger.record(dev.statelab.cost.Services.BATCH, "Fargate-vCPU-Hours:perCPU", record.vcpus() * hours,
          "vCPU-Hours", attributes);
      ledger.record(dev.statelab.cost.Services.BATCH, "Fargate-GB-Hours", record.memoryMiB() / 1024.0 * hours,
          "GB-Hours", attributes);
    } else {
      ledger.record(dev.statelab.cost.Services.BATCH, "EC2-vCPU-Hours", record.vcpus() * hours, "vCPU-Hours",
          attributes);
    }
  }

  /** The world's usage ledger. */
  public BatchUsage usage() {
    return usage;
  }

  /** Runs jobs of the named job definition (any revision) with {@code runner} instead of the model. */
  public BatchStore registerRunner(String jobDefinitionName, JobRunner runner) {
    runners.put(Objects.requireNonNull(jobDefinitionName), Objects.requireNonNull(runner));
    return this;
  }

  /**
   * Wraps the runner of every job attempt from now on (fault plans use this); the wrapper sees
   * the job definition's name in the {@link JobContext}. Wrappers compose: the latest is outermost.
   */
  public BatchStore decorateRunners(java.util.function.UnaryOperator<JobRunner> decorator) {
    Objects.requireNonNull(decorator, "decorator");
    java.util.function.UnaryOperator<JobRunner> previous = runnerDecorator;
    runnerDecorator = r -> decorator.apply(previous.apply(r));
    return this;
  }

  /** Calls {@code listener} with the job detail (camelCase) each time a job reaches SUCCEEDED or FAILED. */
  public void onJobEnded(Consumer<JsonNode> listener) {
    world.call(() -> endListeners.add(listener));
  }

  /**
   * Calls {@code listener} once with the job's detail (camelCase) when the job reaches SUCCEEDED or
   * FAILED; at once if it already has.
   *
   * @throws AwsServiceException {@code ClientException} if there is no such job
   */
  public void whenEnded(String jobId, Consumer<JsonNode> listener) {
    world.call(() -> {
      Job job = job(jobId);
      if (job.isFinal()) {
        listener.accept(job.toJson());
      } else {
        watchers.computeIfAbsent(jobId, k -> new ArrayList<>()).add(listener);
      }
      return null;
    });
  }

  // ---------------------------------------------------------------- compute environments

  /** CreateComputeEnvironment. */
  public JsonNode createComputeEnvironment(JsonNode request) {
    return world.call(() -> {
      String name = required(request, "computeEnvironmentName");
      if (environments.containsKey(name)) {
        throw client("Object already exists");
      }
      String type = request.path("type").asText("MANAGED");
      JsonNode resources = request.path("computeResources");
      double max = resources.has("maxvCpus") ? resources.get("maxvCpus").asDouble()
          : Double.POSITIVE_INFINITY;
      String resourceType = resources.path("type").asText("EC2");
      String platform = resourceType.startsWith("FARGATE") ? "FARGATE" : "EC2";
      String arn = arn("compute-environment/" + name);
      ComputeEnvironment env = new ComputeEnvironment(name, arn, type,
          request.path("state").asText("ENABLED"), resources.isMissingNode() ? null : resources,
          max, platform, strings(request.path("tags")));
      environments.put(name, env);
      usedVcpus.put(arn, 0.0);
      ObjectNode out = Json.object();
      out.put("computeEnvironmentName", name);
      out.put("computeEnvironmentArn", arn);
      return out;
    });
  }

  /** DescribeComputeEnvironments. */
  public JsonNode describeComputeEnvironments(JsonNode request) {
    return world.call(() -> {
      List<String> wanted = texts(request.path("computeEnvironments"));
      ArrayNode list = Json.array();
      for (ComputeEnvironment env : environments.values()) {
        if (wanted.isEmpty() || wanted.contains(env.name()) || wanted.contains(env.arn())) {
          list.add(env.toJson());
        }
      }
      ObjectNode out = Json.object();
      out.set("computeEnvironments", list);
      return out;
    });
  }

  // ---------------------------------------------------------------- job queues

  /** CreateJobQueue. */
  public JsonNode createJobQueue(JsonNode request) {
    return world.call(() -> {
      String name = required(request, "jobQueueName");
      if (queues.containsKey(name)) {
        throw client("Object already exists");
      }
      if (!request.has("priority")) {
        throw client("priority is required");
      }
      List<Map.Entry<Integer, String>> order = new ArrayList<>();
      for (JsonNode entry : request.path("computeEnvironmentOrder")) {
        ComputeEnvironment env = environment(entry.path("computeEnvironment").asText());
        if (env == null) {
          throw client("computeEnvironment " + entry.path("computeEnvironment").asText()
              + " does not exist");
        }
        order.add(Map.entry(entry.path("order").asInt(), env.arn()));
      }
      order.sort(Map.Entry.comparingByKey());
      String arn = arn("job-queue/" + name);
      JobQueue queue = new JobQueue(name, arn, request.path("state").asText("ENABLED"),
          request.get("priority").asInt(), order.stream().map(Map.Entry::getValue).toList(),
          strings(request.path("tags")));
      queues.put(name, queue);
      ObjectNode out = Json.object();
      out.put("jobQueueName", name);
      out.put("jobQueueArn", arn);
      return out;
    });
  }

  /** DescribeJobQueues. */
  public JsonNode describeJobQueues(JsonNode request) {
    return world.call(() -> {
      List<String> wanted = texts(request.path("jobQueues"));
      ArrayNode list = Json.array();
      for (JobQueue queue : queues.values()) {
        if (wanted.isEmpty() || wanted.contains(queue.name()) || wanted.contains(queue.arn())) {
          list.add(queue.toJson());
        }
      }
      ObjectNode out = Json.object();
      out.set("jobQueues", list);
      return out;
    });
  }

  // ---------------------------------------------------------------- job definitions

  /** RegisterJobDefinition: a new revision of the named definition. */
  public JsonNode registerJobDefinition(JsonNode request) {
    return world.call(() -> {
      String name = required(request, "jobDefinitionName");
      String type = required(request, "type");
      List<JobDefinition> revisions = definitions.computeIfAbsent(name, k -> new ArrayList<>());
      int revision = revisions.size() + 1;
      String arn = arn("job-definition/" + name + ":" + revision);
      JsonNode retry = request.get("retryStrategy");
      JobDefinition def = new JobDefinition(name, revision, arn, type,
          request.has("containerProperties") ? request.get("containerProperties").deepCopy()
              : Json.object(),
          strings(request.path("parameters")), retry == null ? null : retry.deepCopy(),
          request.path("timeout").path("attemptDurationSeconds").asInt(0),
          strings(request.path("tags")), texts(request.path("platformCapabilities")));
      revisions.add(def);
      ObjectNode out = Json.object();
      out.put("jobDefinitionName", name);
      out.put("jobDefinitionArn", arn);
      out.put("revision", revision);
      return out;
    });
  }

  /** DescribeJobDefinitions (by name, ARN or {@code name:revision}, or all). */
  public JsonNode describeJobDefinitions(JsonNode request) {
    return world.call(() -> {
      List<String> wanted = texts(request.path("jobDefinitions"));
      String byName = request.path("jobDefinitionName").asText(null);
      ArrayNode list = Json.array();
      for (List<JobDefinition> revisions : definitions.values()) {
        for (JobDefinition def : revisions) {
          boolean match = wanted.isEmpty() ? byName == null || byName.equals(def.name())
              : wanted.contains(def.arn()) || wanted.contains(def.name() + ":" + def.revision());
          if (match) {
            list.add(def.toJson());
          }
        }
      }
      ObjectNode out = Json.object();
      out.set("jobDefinitions", list);
      return out;
    });
  }

  // ---------------------------------------------------------------- jobs

  /** SubmitJob. */
  public JsonNode submitJob(JsonNode request) {
    return world.call(() -> {
      String name = required(request, "jobName");
      String queueRef = required(request, "jobQueue");
      String defRef = required(request, "jobDefinition");
      if (!name.matches("[A-Za-z0-9][A-Za-z0-9_-]{0,127}")) {
        throw client("Error executing request, Exception : Job name should match valid pattern");
      }
      JobQueue queue = queue(queueRef);
      if (queue == null) {
        throw client("JobQueue " + queueRef + " not found.");
      }
      JobDefinition def = definition(defRef);
      if (def == null) {
        throw client("JobDefinition name " + defRef + " does not exist or is not in ACTIVE status.");
      }
      List<Job> deps = new ArrayList<>();
      for (JsonNode d : request.path("dependsOn")) {
        Job dep = jobs.get(d.path("jobId").asText());
        if (dep == null) {
          throw client("Dependent job id " + d.path("jobId").asText() + " not found.");
        }
        deps.add(dep);
      }
      int arraySize = request.path("arrayProperties").path("size").asInt(0);
      if (request.path("arrayProperties").has("size") && (arraySize < 2 || arraySize > 10000)) {
        throw client("Array job size must be between 2 and 10000");
      }
      Job job = new Job(world.random().uuid(), name, queue, def, request, -1, null);
      job.dependencies.addAll(deps);
      jobs.put(job.id, job);
      if (arraySize > 0) {
        String depType = "";
        for (JsonNode d : request.path("dependsOn")) {
          depType = d.path("type").asText("");
        }
        for (int i = 0; i < arraySize; i++) {
          Job child = new Job(job.id + ":" + i, name, queue, def, request, i, job);
          for (Job dep : deps) {
            child.dependencies.add("N_TO_N".equals(depType) && dep.children.size() > i
                ? dep.children.get(i) : dep);
          }
          if ("SEQUENTIAL".equals(depType) && i > 0) {
            child.dependencies.add(job.children.get(i - 1));
          }
          job.children.add(child);
          jobs.put(child.id, child);
        }
        job.dependencies.clear();
      }
      submitted(job);
      for (Job child : job.children) {
        submitted(child);
      }
      ObjectNode out = Json.object();
      out.put("jobArn", job.arn);
      out.put("jobName", name);
      out.put("jobId", job.id);
      return out;
    });
  }

  /** DescribeJobs. */
  public JsonNode describeJobs(JsonNode request) {
    return world.call(() -> {
      ArrayNode list = Json.array();
      for (String id : texts(request.path("jobs"))) {
        Job job = jobs.get(id);
        if (job == null) {
          job = jobs.values().stream().filter(j -> j.arn.equals(id)).findFirst().orElse(null);
        }
        if (job != null) {
          list.add(job.toJson());
        }
      }
      ObjectNode out = Json.object();
      out.set("jobs", list);
      return out;
    });
  }

  /** The detail of one job as DescribeJobs returns it, or null. */
  public JsonNode describeJob(String jobId) {
    return world.call(() -> {
      Job job = jobs.get(jobId);
      return job == null ? null : job.toJson();
    });
  }

  /** The statuses a job has been in, oldest first. */
  public List<String> statusHistory(String jobId) {
    return world.call(() -> {
      Job job = jobs.get(jobId);
      return job == null ? List.<String>of() : List.copyOf(job.history);
    });
  }

  /** ListJobs by queue (default status RUNNING), or an array job's children, or a multi-node job. */
  public JsonNode listJobs(JsonNode request) {
    return world.call(() -> {
      String queueRef = request.path("jobQueue").asText(null);
      String arrayJobId = request.path("arrayJobId").asText(null);
      JobQueue queue = null;
      if (queueRef != null) {
        queue = queue(queueRef);
        if (queue == null) {
          throw client("JobQueue " + queueRef + " not found.");
        }
      } else if (arrayJobId == null) {
        throw client("Either jobQueue or arrayJobId must be specified");
      }
      boolean filtered = request.path("filters").size() > 0;
      String status = request.path("jobStatus").asText(filtered ? null : "RUNNING");
      List<Job> matched = new ArrayList<>();
      for (Job job : jobs.values()) {
        boolean inScope = arrayJobId != null
            ? job.parent != null && job.parent.id.equals(arrayJobId)
            : job.parent == null && job.queue == queue;
        if (inScope && (status == null || job.status.equals(status))
            && filtersMatch(request.path("filters"), job)) {
          matched.add(job);
        }
      }
      int max = request.path("maxResults").asInt(100);
      int start = 0;
      String token = request.path("nextToken").asText(null);
      if (token != null) {
        try {
          start = Integer.parseInt(token);
        } catch (NumberFormatException e) {
          throw client("Invalid nextToken");
        }
      }
      ArrayNode list = Json.array();
      int end = Math.min(matched.size(), start + Math.max(1, max));
      for (int i = start; i < end; i++) {
        list.add(matched.get(i).summary());
      }
      ObjectNode out = Json.object();
      out.set("jobSummaryList", list);
      if (end < matched.size()) {
        out.put("nextToken", Integer.toString(end));
      }
      return out;
    });
  }

  private static boolean filtersMatch(JsonNode filters, Job job) {
    for (JsonNode f : filters) {
      String key = f.path("name").asText();
      List<String> values = texts(f.path("values"));
      String actual = switch (key) {
        case "JOB_NAME" -> job.name;
        case "JOB_DEFINITION" -> job.definition.name();
        default -> null;
      };
      if (actual != null && values.stream().noneMatch(v -> glob(v, actual))) {
        return false;
      }
    }
    return true;
  }

  /** TerminateJob: stops a STARTING or RUNNING job (FAILED), or cancels an earlier one. */
  public JsonNode terminateJob(JsonNode request) {
    return world.call(() -> {
      Job job = job(required(request, "jobId"));
      String reason = required(request, "reason");
      terminate(job, reason, true);
      return Json.object();
    });
  }

  /** CancelJob: fails a job not yet STARTING; later jobs are left alone, as AWS does. */
  public JsonNode cancelJob(JsonNode request) {
    return world.call(() -> {
      Job job = job(required(request, "jobId"));
      String reason = required(request, "reason");
      terminate(job, reason, false);
      return Json.object();
    });
  }

  // ---------------------------------------------------------------- lifecycle

  private void submitted(Job job) {
    job.createdAt = world.now().toEpochMilli();
    job.setStatus("SUBMITTED");
    job.pending = world.schedule(SUBMIT_DELAY, () -> {
      job.setStatus("PENDING");
      if (!job.isArrayParent()) {
        evaluateDependencies(job);
      }
    });
  }

  private void evaluateDependencies(Job job) {
    if (!job.status.equals("PENDING") || job.pending != null && job.waitingForRunnable) {
      return;
    }
    for (Job dep : job.dependencies) {
      if (dep.status.equals("FAILED")) {
        endJob(job, "FAILED", DEPENDENCY_FAILED);
        return;
      }
      if (!dep.status.equals("SUCCEEDED")) {
        return;
      }
    }
    job.waitingForRunnable = true;
    job.pending = world.schedule(PENDING_DELAY, () -> {
      job.waitingForRunnable = false;
      job.pending = null;
      job.setStatus("RUNNABLE");
      job.runnableSince = ++sequence;
      dispatch();
    });
  }

  /** Places RUNNABLE jobs on free capacity: higher queue priority first, then oldest. */
  private void dispatch() {
    List<Job> runnable = jobs.values().stream().filter(j -> j.status.equals("RUNNABLE"))
        .sorted(Comparator.comparingInt((Job j) -> -j.queue.priority())
            .thenComparingLong(j -> j.runnableSince))
        .toList();
    for (Job job : runnable) {
      if (!job.queue.state().equals("ENABLED")) {
        continue;
      }
      for (String envArn : job.queue.environmentArns()) {
        ComputeEnvironment env = environmentByArn(envArn);
        if (env == null || !env.state().equals("ENABLED")) {
          continue;
        }
        double used = usedVcpus.get(envArn);
        if (used + job.vcpus <= env.maxvCpus() + 1e-9) {
          usedVcpus.put(envArn, used + job.vcpus);
          start(job, env);
          break;
        }
      }
    }
  }

  private void start(Job job, ComputeEnvironment env) {
    job.environment = env;
    job.setStatus("STARTING");
    job.pending = world.schedule(STARTING_DELAY, () -> running(job));
  }

  private void running(Job job) {
    job.setStatus("RUNNING");
    job.startedAt = world.now().toEpochMilli();
    if (job.parent != null && job.parent.status.equals("PENDING")) {
      job.parent.setStatus("RUNNING");
      job.parent.startedAt = job.startedAt;
    }
    int attempt = job.attempts.size();
    JobContext context = job.context(attempt, world);
    JobOutcome outcome;
    try {
      outcome = runner(job).run(context);
      if (outcome == null) {
        outcome = JobOutcome.of(0, Duration.ZERO);
      }
    } catch (Exception e) {
      outcome = new JobOutcome(1, Duration.ZERO, String.valueOf(e.getMessage()));
    }
    JobOutcome result = outcome;
    int timeout = job.timeoutSeconds;
    if (timeout > 0 && result.duration().compareTo(Duration.ofSeconds(timeout)) > 0) {
      job.pending = world.schedule(Duration.ofSeconds(timeout),
          () -> attemptEnded(job, null, null, TIMEOUT_REASON, true));
    } else {
      Integer exitCode = result.exitCode() == JobOutcome.NO_EXIT_CODE ? null : result.exitCode();
      String statusReason = result.statusReason() != null ? result.statusReason() : CONTAINER_EXITED;
      job.pending = world.schedule(result.duration(),
          () -> attemptEnded(job, exitCode, result.reason(), statusReason, true));
    }
  }

  private JobRunner runner(Job job) {
    JobRunner registered = runners.get(job.definition.name());
    if (registered != null) {
      return runnerDecorator.apply(registered);
    }
    String kind = job.parameters.getOrDefault("statelab:runner",
        job.tags.getOrDefault("statelab:runner", "simulated"));
    return runnerDecorator.apply(kind.equals("process") ? process : simulated);
  }

  private void attemptEnded(Job job, Integer exitCode, String reason, String statusReason,
      boolean mayRetry) {
    long now = world.now().toEpochMilli();
    job.pending = null;
    job.stoppedAt = now;
    usedVcpus.merge(job.environment.arn(), -job.vcpus, Double::sum);
    ObjectNode attempt = Json.object();
    ObjectNode container = attempt.putObject("container");
    if (exitCode != null) {
      container.put("exitCode", exitCode);
    }
    if (reason != null) {
      container.put("reason", reason);
    }
    container.put("logStreamName", job.definition.name() + "/default/" + job.id.replace(':', '-'));
    attempt.put("startedAt", job.startedAt);
    attempt.put("stoppedAt", now);
    attempt.put("statusReason", statusReason);
    job.attempts.add(attempt);
    job.exitCode = exitCode;
    job.containerReason = reason;
    bill(new UsageRecord(job.id, job.name, job.queue.arn(), job.attempts.size() - 1,
        job.environment.platform(), job.vcpus, job.memory, job.startedAt, now));
    if (exitCode != null && exitCode == 0) {
      endJob(job, "SUCCEEDED", statusReason);
    } else if (mayRetry && job.attempts.size() < job.retryAttempts
        && shouldRetry(job, exitCode, reason, statusReason)) {
      job.setStatus("RUNNABLE");
      job.statusReason = statusReason;
      job.runnableSince = ++sequence;
    } else {
      endJob(job, "FAILED", statusReason);
    }
    dispatch();
  }

  private static boolean shouldRetry(Job job, Integer exitCode, String reason, String statusReason) {
    for (JsonNode condition : job.evaluateOnExit) {
      if (matches(condition, "onExitCode", exitCode == null ? null : exitCode.toString())
          && matches(condition, "onReason", reason)
          && matches(condition, "onStatusReason", statusReason)) {
        return condition.path("action").asText("RETRY").equalsIgnoreCase("RETRY");
      }
    }
    return true;
  }

  private static boolean matches(JsonNode condition, String field, String value) {
    if (!condition.has(field)) {
      return true;
    }
    return value != null && glob(condition.get(field).asText(), value);
  }

  private static boolean glob(String pattern, String value) {
    return pattern.endsWith("*") ? value.startsWith(pattern.substring(0, pattern.length() - 1))
        : pattern.equals(value);
  }

  private void endJob(Job job, String status, String statusReason) {
    if (job.isFinal()) {
      return;
    }
    if (job.pending != null) {
      job.pending.cancel();
      job.pending = null;
    }
    job.setStatus(status);
    job.statusReason = statusReason;
    if (job.stoppedAt == 0 || job.parent == null && job.isArrayParent()) {
      job.stoppedAt = world.now().toEpochMilli();
    }
    JsonNode detail = job.toJson();
    for (Consumer<JsonNode> listener : List.copyOf(endListeners)) {
      listener.accept(detail);
    }
    List<Consumer<JsonNode>> waiting = watchers.remove(job.id);
    if (waiting != null) {
      waiting.forEach(w -> w.accept(detail));
    }
    Job parent = job.parent;
    if (parent != null && parent.children.stream().allMatch(Job::isFinal)) {
      boolean anyFailed = parent.children.stream().anyMatch(c -> c.status.equals("FAILED"));
      endJob(parent, anyFailed ? "FAILED" : "SUCCEEDED",
          anyFailed ? "Array Child Job failed" : "Array Child Jobs succeeded");
    }
    for (Job other : List.copyOf(jobs.values())) {
      if (other.status.equals("PENDING") && other.dependencies.contains(job)) {
        evaluateDependencies(other);
      }
    }
  }

  private void terminate(Job job, String reason, boolean stopRunning) {
    if (job.isFinal()) {
      return;
    }
    if (job.isArrayParent()) {
      for (Job child : job.children) {
        terminate(child, reason, stopRunning);
      }
      if (!job.isFinal()) {
        job.terminated = stopRunning;
        job.cancelled = !stopRunning;
        endJob(job, "FAILED", reason);
      }
      return;
    }
    boolean started = job.status.equals("STARTING") || job.status.equals("RUNNING");
    if (started && !stopRunning) {
      return;
    }
    if (stopRunning) {
      job.terminated = true;
    } else {
      job.cancelled = true;
    }
    if (job.pending != null) {
      job.pending.cancel();
      job.pending = null;
    }
    if (job.status.equals("RUNNING")) {
      attemptEnded(job, null, "Task stopped", reason, false);
    } else if (job.status.equals("STARTING")) {
      usedVcpus.merge(job.environment.arn(), -job.vcpus, Double::sum);
      endJob(job, "FAILED", reason);
      dispatch();
    } else {
      endJob(job, "FAILED", reason);
    }
  }

  // ---------------------------------------------------------------- lookups

  private Job job(String id) {
    Job job = jobs.get(id);
    if (job == null) {
      throw client("Job " + id + " not found.");
    }
    return job;
  }

  private JobQueue queue(String ref) {
    JobQueue q = queues.get(ref);
    return q != null ? q
        : queues.values().stream().filter(x -> x.arn().equals(ref)).findFirst().orElse(null);
  }

  private ComputeEnvironment environment(String ref) {
    ComputeEnvironment e = environments.get(ref);
    return e != null ? e : environmentByArn(ref);
  }

  private ComputeEnvironment environmentByArn(String arn) {
    return environments.values().stream().filter(x -> x.arn().equals(arn)).findFirst()
        .orElse(null);
  }

  /** A definition by name (latest revision), {@code name:revision} or ARN. */
  private JobDefinition definition(String ref) {
    String key = ref;
    if (key.startsWith("arn:")) {
      int slash = key.indexOf("job-definition/");
      if (slash < 0) {
        return null;
      }
      key = key.substring(slash + "job-definition/".length());
    }
    int colon = key.indexOf(':');
    String name = colon < 0 ? key : key.substring(0, colon);
    List<JobDefinition> revisions = definitions.get(name);
    if (revisions == null || revisions.isEmpty()) {
      return null;
    }
    if (colon < 0) {
      return revisions.get(revisions.size() - 1);
    }
    try {
      int revision = Integer.parseInt(key.substring(colon + 1));
      return revision >= 1 && revision <= revisions.size() ? revisions.get(revision - 1) : null;
    } catch (NumberFormatException e) {
      return null;
    }
  }

  private String arn(String resource) {
    return "arn:aws:batch:" + region + ":" + account + ":" + resource;
  }

  String jobArn(String id) {
    return arn("job/" + id);
  }

  static AwsServiceException client(String message) {
    return new AwsServiceException("ClientException", message);
  }

  private static String required(JsonNode request, String field) {
    JsonNode v = request.get(field);
    if (v == null || v.isNull() || v.asText().isEmpty()) {
      throw client(field + " is required");
    }
    return v.asText();
  }

  static List<String> texts(JsonNode array) {
    List<String> out = new ArrayList<>();
    for (JsonNode n : array) {
      out.add(n.asText());
    }
    return out;
  }

  static Map<String, String> strings(JsonNode object) {
    Map<String, String> out = new LinkedHashMap<>();
    object.fields().forEachRemaining(e -> out.put(e.getKey(), e.getValue().asText()));
    return out;
  }

  // ---------------------------------------------------------------- the job

  /** One job's mutable state; touched only on the world's thread. */
  private final class Job {
    final String id;
    final String arn;
    final String name;
    final JobQueue queue;
    final JobDefinition definition;
    final int arrayIndex;
    final Job parent;
    final List<Job> children = new ArrayList<>();
    final List<Job> dependencies = new ArrayList<>();
    final Map<String, String> parameters = new LinkedHashMap<>();
    final Map<String, String> tags = new LinkedHashMap<>();
    final Map<String, String> environmentVars = new LinkedHashMap<>();
    final List<String> rawCommand;
    final double vcpus;
    final long memory;
    final int retryAttempts;
    final List<JsonNode> evaluateOnExit = new ArrayList<>();
    final int timeoutSeconds;
    final JsonNode request;
    final List<ObjectNode> attempts = new ArrayList<>();
    final List<String> history = new ArrayList<>();
    String status = "SUBMITTED";
    String statusReason;
    long createdAt;
    long startedAt;
    long stoppedAt;
    long runnableSince;
    Integer exitCode;
    String containerReason;
    boolean terminated;
    boolean cancelled;
    boolean waitingForRunnable;
    ComputeEnvironment environment;
    World.Scheduled pending;

    Job(String id, String name, JobQueue queue, JobDefinition def, JsonNode request, int index,
        Job parent) {
      this.id = id;
      this.arn = jobArn(id);
      this.name = name;
      this.queue = queue;
      this.definition = def;
      this.arrayIndex = index;
      this.parent = parent;
      this.request = request;
      parameters.putAll(def.parameters());
      parameters.putAll(strings(request.path("parameters")));
      tags.putAll(def.tags());
      tags.putAll(strings(request.path("tags")));
      JsonNode props = def.containerProperties();
      JsonNode overrides = request.path("containerOverrides");
      for (JsonNode e : props.path("environment")) {
        environmentVars.put(e.path("name").asText(), e.path("value").asText());
      }
      for (JsonNode e : overrides.path("environment")) {
        environmentVars.put(e.path("name").asText(), e.path("value").asText());
      }
      rawCommand = overrides.has("command") ? texts(overrides.get("command"))
          : texts(props.path("command"));
      vcpus = resource(overrides, "VCPU", "vcpus",
          resource(props, "VCPU", "vcpus", 1.0));
      memory = (long) resource(overrides, "MEMORY", "memory",
          resource(props, "MEMORY", "memory", 2048.0));
      JsonNode retry = request.has("retryStrategy") ? request.get("retryStrategy")
          : def.retryStrategy();
      retryAttempts = retry == null ? 1 : Math.max(1, retry.path("attempts").asInt(1));
      if (retry != null) {
        retry.path("evaluateOnExit").forEach(evaluateOnExit::add);
      }
      int t = request.path("timeout").path("attemptDurationSeconds").asInt(0);
      timeoutSeconds = t > 0 ? t : def.timeoutSeconds();
    }

    private static double resource(JsonNode node, String type, String legacy, double fallback) {
      for (JsonNode r : node.path("resourceRequirements")) {
        if (r.path("type").asText().equals(type)) {
          return Double.parseDouble(r.path("value").asText());
        }
      }
      return node.has(legacy) ? node.get(legacy).asDouble() : fallback;
    }

    boolean isArrayParent() {
      return !children.isEmpty();
    }

    boolean isFinal() {
      return status.equals("SUCCEEDED") || status.equals("FAILED");
    }

    void setStatus(String next) {
      status = next;
      history.add(next);
    }

    List<String> command() {
      List<String> out = new ArrayList<>();
      for (String part : rawCommand) {
        if (part.startsWith("Ref::") && parameters.containsKey(part.substring(5))) {
          out.add(parameters.get(part.substring(5)));
        } else {
          out.add(part);
        }
      }
      return out;
    }

    JobContext context(int attempt, World w) {
      return new JobContext(id, name, definition.name(), attempt, arrayIndex, List.copyOf(command()),
          Map.copyOf(parameters), Map.copyOf(environmentVars), Map.copyOf(tags), vcpus, memory,
          w.random());
    }

    ObjectNode summary() {
      ObjectNode s = Json.object();
      s.put("jobArn", arn);
      s.put("jobId", id);
      s.put("jobName", name);
      s.put("createdAt", createdAt);
      s.put("status", status);
      if (statusReason != null) {
        s.put("statusReason", statusReason);
      }
      if (startedAt > 0) {
        s.put("startedAt", startedAt);
      }
      if (stoppedAt > 0 && isFinal()) {
        s.put("stoppedAt", stoppedAt);
      }
      s.put("jobDefinition", definition.arn());
      if (isArrayParent()) {
        s.putObject("arrayProperties").put("size", children.size());
      } else if (arrayIndex >= 0) {
        s.putObject("arrayProperties").put("index", arrayIndex);
      }
      return s;
    }

    ObjectNode toJson() {
      ObjectNode j = Json.object();
      j.put("jobArn", arn);
      j.put("jobName", name);
      j.put("jobId", id);
      j.put("jobQueue", queue.arn());
      j.put("status", status);
      ArrayNode at = j.putArray("attempts");
      attempts.forEach(a -> at.add(a.deepCopy()));
      if (statusReason != null) {
        j.put("statusReason", statusReason);
      }
      j.put("createdAt", createdAt);
      if (request.has("retryStrategy") || definition.retryStrategy() != null) {
        ObjectNode rs = j.putObject("retryStrategy");
        rs.put("attempts", retryAttempts);
        ArrayNode eoe = rs.putArray("evaluateOnExit");
        evaluateOnExit.forEach(eoe::add);
      }
      if (startedAt > 0) {
        j.put("startedAt", startedAt);
      }
      if (stoppedAt > 0 && isFinal()) {
        j.put("stoppedAt", stoppedAt);
      }
      ArrayNode deps = j.putArray("dependsOn");
      for (JsonNode d : request.path("dependsOn")) {
        deps.add(d.deepCopy());
      }
      j.put("jobDefinition", definition.arn());
      ObjectNode params = j.putObject("parameters");
      parameters.forEach(params::put);
      if (!isArrayParent()) {
        ObjectNode c = j.putObject("container");
        JsonNode props = definition.containerProperties();
        if (props.has("image")) {
          c.put("image", props.get("image").asText());
        }
        if (!props.has("resourceRequirements") && vcpus == Math.rint(vcpus)) {
          c.put("vcpus", (int) vcpus);
          c.put("memory", memory);
        }
        ArrayNode cmd = c.putArray("command");
        command().forEach(cmd::add);
        if (props.has("jobRoleArn")) {
          c.put("jobRoleArn", props.get("jobRoleArn").asText());
        }
        if (props.has("executionRoleArn")) {
          c.put("executionRoleArn", props.get("executionRoleArn").asText());
        }
        ArrayNode env = c.putArray("environment");
        environmentVars.forEach((k, v) -> env.addObject().put("name", k).put("value", v));
        if (exitCode != null) {
          c.put("exitCode", exitCode);
        }
        if (containerReason != null) {
          c.put("reason", containerReason);
        }
        if (!attempts.isEmpty()) {
          c.put("logStreamName", attempts.get(attempts.size() - 1).path("container")
              .path("logStreamName").asText());
        }
        ArrayNode rr = c.putArray("resourceRequirements");
        for (JsonNode r : props.path("resourceRequirements")) {
          rr.add(r.deepCopy());
        }
      }
      if (isArrayParent()) {
        ObjectNode ap = j.putObject("arrayProperties");
        ObjectNode summary = ap.putObject("statusSummary");
        for (String s : List.of("STARTING", "FAILED", "RUNNING", "SUCCEEDED", "RUNNABLE",
            "SUBMITTED", "PENDING")) {
          summary.put(s, children.stream().filter(ch -> ch.status.equals(s)).count());
        }
        ap.put("size", children.size());
      } else if (arrayIndex >= 0) {
        j.putObject("arrayProperties").put("index", arrayIndex);
      }
      if (timeoutSeconds > 0) {
        j.putObject("timeout").put("attemptDurationSeconds", timeoutSeconds);
      }
      ObjectNode tg = j.putObject("tags");
      tags.forEach(tg::put);
      ArrayNode platforms = j.putArray("platformCapabilities");
      definition.platformCapabilities().forEach(platforms::add);
      j.put("isCancelled", cancelled);
      j.put("isTerminated", terminated);
      return j;
    }
  }
}
