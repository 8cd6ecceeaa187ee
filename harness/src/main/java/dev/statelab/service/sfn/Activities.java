package dev.statelab.service.sfn;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.statelab.asl.StateMachine;
import dev.statelab.asl.errors.StatesError;
import dev.statelab.engine.Execution;
import dev.statelab.engine.TaskTokenException;
import dev.statelab.engine.World;
import dev.statelab.engine.WorldListener;
import dev.statelab.gateway.AwsResponse;
import dev.statelab.integration.TaskRequest;
import dev.statelab.json.Json;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * Activities: the registry, the tasks the engine schedules on them, and GetActivityTask's long
 * poll.
 *
 * <p>Each activity ARN a definition names is bound in the world's integrations to {@link
 * #invoke}: a scheduled task waits in its activity's queue until a poller takes it, and the
 * integration's stage then completes with {@code {"workerName": ...}} (the engine records
 * ActivityStarted). The worker finishes through SendTaskSuccess/Failure with the token. A poll
 * with nothing to take parks a future and answers {@code {}} when the poll timeout passes, so no
 * gateway thread waits.
 *
 * <p>Lock order: {@link #lock} is never held while waiting for the world.
 */
final class Activities implements WorldListener, AutoCloseable {

  /** Step Functions' limit on concurrent GetActivityTask polls per activity. */
  static final int MAX_POLLERS = 1000;

  private record Activity(String arn, String name, Instant creationDate, JsonNode encryption,
      long sequence) {}

  private record Pending(String token, JsonNode input, String executionArn,
      CompletableFuture<JsonNode> started) {}

  private static final class Poller {
    final CompletableFuture<AwsResponse> response = new CompletableFuture<>();
    final String workerName;
    ScheduledFuture<?> timeout;

    Poller(String workerName) {
      this.workerName = workerName;
    }
  }

  private final World world;
  private final Arns arns;
  private final Duration pollTimeout;
  private final Object lock = new Object();
  private final Map<String, Activity> activities = new LinkedHashMap<>();
  private final Map<String, Deque<Pending>> queues = new HashMap<>();
  private final Map<String, Deque<Poller>> pollers = new HashMap<>();
  private final Set<String> bound = ConcurrentHashMap.newKeySet();
  private final Map<String, Map<String, String>> tags;
  private final ScheduledExecutorService timer;
  private long sequence;

  Activities(World world, Arns arns, Duration pollTimeout, Map<String, Map<String, String>> tags) {
    this.world = world;
    this.tags = tags;
    this.arns = arns;
    this.pollTimeout = pollTimeout;
    this.timer = Executors.newSingleThreadScheduledExecutor(r -> {
      Thread t = new Thread(r, "statelab-sfn-activity-polls");
      t.setDaemon(true);
      return t;
    });
  }

  /** Binds every activity of this account and region that {@code machine} names. */
  void bind(StateMachine machine) {
    for (String arn : Definitions.activityResources(machine)) {
      if (arns.isLocalActivity(arn)) {
        bind(arn);
      }
    }
  }

  private void bind(String arn) {
    if (bound.add(arn)) {
      world.integrations().register(arn, this::invoke);
    }
  }

  boolean exists(String arn) {
    synchronized (lock) {
      return activities.containsKey(arn);
    }
  }

  // ------------------------------------------------------------------ operations

  ObjectNode create(Params p) {
    String name = p.required("name", 80);
    Arns.requireValidName(name);
    Map<String, String> tags = MachineOperations.tags(p.list("tags"));
    JsonNode encryption = MachineOperations.encryption(p.object("encryptionConfiguration"));
    String arn = arns.activity(name);
    Activity activity;
    synchronized (lock) {
      activity = activities.get(arn);
      if (activity != null && !activity.encryption().equals(encryption)) {
        throw SfnErrors.error("ActivityAlreadyExists", "Activity already exists. "
            + "EncryptionConfiguration may not be updated.");
      }
      if (activity == null) {
        activity = new Activity(arn, name, world.now(), encryption, ++sequence);
        activities.put(arn, activity);
      }
    }
    if (!tags.isEmpty()) {
      this.tags.merge(arn, new LinkedHashMap<>(tags), (old, added) -> {
        Map<String, String> merged = new LinkedHashMap<>(old);
        merged.putAll(added);
        return merged;
      });
    }
    ObjectNode out = Json.object();
    out.put("activityArn", activity.arn());
    Wire.putTime(out, "creationDate", activity.creationDate());
    return out;
  }

  ObjectNode describe(Params p) {
    String arn = p.required("activityArn", 256);
    Arns.requireActivity(arn);
    synchronized (lock) {
      Activity activity = activities.get(arn);
      if (activity == null) {
        throw SfnErrors.activityDoesNotExist(arn);
      }
      ObjectNode out = Json.object();
      out.put("activityArn", activity.arn());
      out.put("name", activity.name());
      Wire.putTime(out, "creationDate", activity.creationDate());
      out.set("encryptionConfiguration", activity.encryption());
      return out;
    }
  }

  ObjectNode delete(Params p) {
    String arn = p.required("activityArn", 256);
    Arns.requireActivity(arn);
    synchronized (lock) {
      activities.remove(arn);
    }
    tags.remove(arn);
    return Json.object();
  }

  ObjectNode list(Params p) {
    int size = Pages.size(p.integer("maxResults", 0, 1000, 0));
    long cursor = Pages.cursor(p.string("nextToken", 1024), "activities", 0);
    ObjectNode out = Json.object();
    ArrayNode items = out.putArray("activities");
    synchronized (lock) {
      for (Activity activity : activities.values()) {
        if (activity.sequence() <= cursor) {
          continue;
        }
        if (items.size() == size) {
          out.put("nextToken", Pages.token("activities", cursor));
          break;
        }
        ObjectNode item = items.addObject();
        item.put("activityArn", activity.arn());
        item.put("name", activity.name());
        Wire.putTime(item, "creationDate", activity.creationDate());
        cursor = activity.sequence();
      }
    }
    return out;
  }

  /** GetActivityTask: a task now, or a parked poll answered later (with {@code {}} on timeout). */
  CompletionStage<AwsResponse> getActivityTask(Params p) {
    String arn = p.required("activityArn", 256);
    String workerName = p.string("workerName", 80);
    Arns.requireActivity(arn);
    while (true) {
      Pending task;
      synchronized (lock) {
        if (!activities.containsKey(arn)) {
          throw SfnErrors.activityDoesNotExist(arn);
        }
        Deque<Pending> queue = queues.get(arn);
        task = queue == null ? null : queue.poll();
        if (task == null) {
          Deque<Poller> waiting = pollers.computeIfAbsent(arn, k -> new ArrayDeque<>());
          waiting.removeIf(w -> w.response.isDone());
          if (waiting.size() >= MAX_POLLERS) {
            throw SfnErrors.error("ActivityWorkerLimitExceeded", "The maximum number of workers "
                + "concurrently polling for activity tasks (" + MAX_POLLERS + ") was reached");
          }
          Poller poller = new Poller(workerName);
          waiting.add(poller);
          poller.timeout = timer.schedule(() -> expire(arn, poller),
              pollTimeout.toMillis(), TimeUnit.MILLISECONDS);
          return poller.response;
        }
      }
      if (isLive(task)) {
        task.started().complete(started(workerName));
        return CompletableFuture.completedFuture(AwsResponse.ok(taskJson(task)));
      }
      task.started().complete(null); // releases the engine's wait; the task had already ended
    }
  }

  private void expire(String arn, Poller poller) {
    synchronized (lock) {
      Deque<Poller> waiting = pollers.get(arn);
      if (waiting != null) {
        waiting.remove(poller);
      }
    }
    poller.response.complete(AwsResponse.ok());
  }

  /** True when the task's token still names a waiting task; probed with a heartbeat. */
  private boolean isLive(Pending task) {
    return world.call(() -> {
      try {
        world.sendTaskHeartbeat(task.token());
        return true;
      } catch (TaskTokenException e) {
        return false;
      }
    });
  }

  // ------------------------------------------------------------------ the integration

  /** Schedules an activity task (on the world's thread). */
  private CompletionStage<JsonNode> invoke(TaskRequest request) {
    String arn = request.resource();
    Pending task = new Pending(request.taskToken(), request.parameters(), request.executionArn(),
        new CompletableFuture<>());
    while (true) {
      Poller poller;
      synchronized (lock) {
        if (!activities.containsKey(arn)) {
          return CompletableFuture.failedFuture(new StatesError("States.Runtime",
              "Activity Does Not Exist: '" + arn + "'"));
        }
        Deque<Poller> waiting = pollers.get(arn);
        poller = waiting == null ? null : waiting.poll();
        if (poller == null) {
          queues.computeIfAbsent(arn, k -> new ArrayDeque<>()).add(task);
          return task.started();
        }
      }
      if (poller.response.complete(AwsResponse.ok(taskJson(task)))) {
        poller.timeout.cancel(false);
        task.started().complete(started(poller.workerName));
        return task.started();
      }
    }
  }

  private static ObjectNode taskJson(Pending task) {
    ObjectNode out = Json.object();
    out.put("taskToken", task.token());
    out.put("input", Json.write(task.input() == null ? Json.object() : task.input()));
    return out;
  }

  private static JsonNode started(String workerName) {
    ObjectNode out = Json.object();
    if (workerName != null) {
      out.put("workerName", workerName);
    }
    return out;
  }

  @Override
  public void executionEnded(Execution execution) {
    List<Pending> dropped = new ArrayList<>();
    synchronized (lock) {
      for (Deque<Pending> queue : queues.values()) {
        for (Iterator<Pending> it = queue.iterator(); it.hasNext(); ) {
          Pending task = it.next();
          if (Objects.equals(task.executionArn(), execution.arn())) {
            it.remove();
            dropped.add(task);
          }
        }
      }
    }
    dropped.forEach(task -> task.started().complete(null));
  }

  @Override
  public void close() {
    timer.shutdownNow();
    List<Poller> parked = new ArrayList<>();
    synchronized (lock) {
      pollers.values().forEach(parked::addAll);
      pollers.clear();
    }
    parked.forEach(poller -> poller.response.complete(AwsResponse.ok()));
  }
}
