package dev.statelab.service.sfn;

import dev.statelab.asl.InvalidDefinitionException;
import dev.statelab.asl.StateMachine;
import dev.statelab.asl.errors.Diagnostic;
import dev.statelab.asl.model.State;
import dev.statelab.asl.model.StateGraph;
import dev.statelab.engine.ExecutionType;
import dev.statelab.integration.ResourceArn;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/** Parsing definitions for the API, with the checks that depend on the workflow type. */
final class Definitions {

  private Definitions() {}

  /**
   * Parses a definition for a machine of {@code type}.
   *
   * @throws dev.statelab.gateway.AwsServiceException InvalidDefinition with AWS's message
   */
  static StateMachine parse(String definition, ExecutionType type) {
    StateMachine machine;
    try {
      machine = StateMachine.parse(definition);
    } catch (InvalidDefinitionException e) {
      throw SfnErrors.invalidDefinition(e.getMessage());
    }
    if (type == ExecutionType.EXPRESS) {
      List<Diagnostic> problems = expressProblems(machine);
      if (!problems.isEmpty()) {
        throw SfnErrors.invalidDefinition(InvalidDefinitionException.render(problems));
      }
    }
    return machine;
  }

  /**
   * What an Express workflow may not use: {@code .sync} and {@code .waitForTaskToken}
   * integrations and activities (sfn-api.md section 4).
   */
  static List<Diagnostic> expressProblems(StateMachine machine) {
    List<Diagnostic> problems = new ArrayList<>();
    walk(machine.graph(), state -> {
      if (state instanceof State.Task task) {
        ResourceArn arn = ResourceArn.parse(task.resource());
        String location = state.common().location() + "/Resource";
        if (arn.kind() == ResourceArn.Kind.ACTIVITY) {
          problems.add(Diagnostic.schema(
              "Express state machine does not support Activity ARN", location));
        } else if (arn.pattern() == ResourceArn.Pattern.SYNC) {
          problems.add(Diagnostic.schema(
              "Express state machine does not support '.sync' service integration", location));
        } else if (arn.pattern() == ResourceArn.Pattern.WAIT_FOR_TASK_TOKEN) {
          problems.add(Diagnostic.schema(
              "Express state machine does not support '.waitForTaskToken' service integration",
              location));
        }
      }
    });
    return problems;
  }

  /** Visits every state, including those inside Parallel branches and Map processors. */
  static void walk(StateGraph graph, Consumer<State> visit) {
    for (State state : graph.states().values()) {
      visit.accept(state);
      if (state instanceof State.Parallel parallel) {
        parallel.branches().forEach(branch -> walk(branch, visit));
      } else if (state instanceof State.Map map) {
        walk(map.processor(), visit);
      }
    }
  }

  /** The activity ARNs a machine's Task states name. */
  static List<String> activityResources(StateMachine machine) {
    List<String> arns = new ArrayList<>();
    walk(machine.graph(), state -> {
      if (state instanceof State.Task task
          && ResourceArn.parse(task.resource()).kind() == ResourceArn.Kind.ACTIVITY) {
        arns.add(task.resource());
      }
    });
    return arns;
  }
}
