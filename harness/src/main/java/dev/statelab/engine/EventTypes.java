package dev.statelab.engine;

import dev.statelab.asl.model.State;

/** The {@code <Type>StateEntered} / {@code <Type>StateExited} event names, built once. */
final class EventTypes {

  private EventTypes() {}

  static String entered(State s) {
    if (s instanceof State.Pass) {
      return "PassStateEntered";
    } else if (s instanceof State.Task) {
      return "TaskStateEntered";
    } else if (s instanceof State.Choice) {
      return "ChoiceStateEntered";
    } else if (s instanceof State.Wait) {
      return "WaitStateEntered";
    } else if (s instanceof State.Succeed) {
      return "SucceedStateEntered";
    } else if (s instanceof State.Fail) {
      return "FailStateEntered";
    } else if (s instanceof State.Parallel) {
      return "ParallelStateEntered";
    }
    return "MapStateEntered";
  }

  static String exited(State s) {
    if (s instanceof State.Pass) {
      return "PassStateExited";
    } else if (s instanceof State.Task) {
      return "TaskStateExited";
    } else if (s instanceof State.Choice) {
      return "ChoiceStateExited";
    } else if (s instanceof State.Wait) {
      return "WaitStateExited";
    } else if (s instanceof State.Succeed) {
      return "SucceedStateExited";
    } else if (s instanceof State.Parallel) {
      return "ParallelStateExited";
    }
    return "MapStateExited";
  }
}
