package dev.statelab.engine;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import dev.statelab.asl.errors.StatesError;
import dev.statelab.asl.model.Io;
import dev.statelab.asl.model.State;
import dev.statelab.asl.model.StateGraph;
import java.util.List;

/** Runs a Parallel state's branches as child frames and joins their outputs in branch order. */
final class ParallelStep {

  private final Frame frame;
  private final State.Parallel state;
  private final JsonNode input;
  private final ArrayNode results;
  private int remaining;
  private final boolean[] branchDone;
  private boolean failed;

  private ParallelStep(Frame frame, State.Parallel state, JsonNode input) {
    this.frame = frame;
    this.state = state;
    this.input = input;
    this.results = frame.newArray(state.branches().size());
    this.remaining = state.branches().size();
    this.branchDone = new boolean[state.branches().size()];
  }

  static void begin(Frame f, State.Parallel s) {
    JsonNode input;
    if (s.common().io() instanceof Io.JsonataIo io) {
      input = f.jsonata(io.arguments(), f.rawInput, null, null);
    } else {
      input = f.effectiveInput((Io.JsonPathIo) s.common().io());
    }
    new ParallelStep(f, s, input).start();
  }

  /** Runs every branch again; the input is evaluated again, so it sees the new RetryCount. */
  static void retry(Frame f, State.Parallel s) {
    for (Frame child : f.children) {
      child.close();
    }
    f.children.clear();
    begin(f, s);
  }

  private void start() {
    frame.parallel = this;
    ParallelStep before = frame.redrivenParallel;
    frame.redrivenParallel = null;
    if (before != null && before.state == state) {
      // A redrive runs only the branches that did not succeed; the others keep their output.
      for (int i = 0; i < branchDone.length; i++) {
        if (before.branchDone[i]) {
          branchDone[i] = true;
          results.set(i, before.results.get(i));
          remaining--;
        }
      }
    }
    frame.emit("ParallelStateStarted", null);
    if (remaining == 0) {
      joined();
      return;
    }
    List<StateGraph> branches = state.branches();
    for (int i = 0; i < branches.size(); i++) {
      int index = i;
      if (branchDone[i]) {
        continue;
      }
      StateGraph branch = branches.get(i);
      Frame child = frame.spawn(branch, frame.vars.child(), null, new Frame.Listener() {
        @Override
        public void succeeded(Frame c, JsonNode output) {
          branchSucceeded(c, index, output);
        }

        @Override
        public void failed(Frame c, StatesError error) {
          branchFailed(c, error);
        }
      });
      child.abortsFailedTasks = true;
      frame.loop.submit(() -> {
        if (!failed && !frame.isClosed()) {
          child.start(branch.startAt(), input);
        }
      });
    }
  }

  private void branchSucceeded(Frame child, int index, JsonNode output) {
    if (failed || frame.isClosed()) {
      return;
    }
    results.set(index, output);
    branchDone[index] = true;
    frame.follow(child);
    if (--remaining == 0) {
      joined();
    }
  }

  private void branchFailed(Frame child, StatesError error) {
    if (failed || frame.isClosed()) {
      return;
    }
    failed = true;
    frame.follow(child);
    for (Frame other : frame.children) {
      other.close();
    }
    frame.stateFailed(error);
  }

  private void joined() {
    frame.emit("ParallelStateSucceeded", null);
    frame.exitWithResult(results);
  }
}
