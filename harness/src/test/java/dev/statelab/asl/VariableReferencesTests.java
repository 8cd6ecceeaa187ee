package dev.statelab.asl;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class VariableReferencesTests {

  @Test
  void jsonPathStatesReportVariablesReadByPathsTemplatesAndIntrinsics() {
    StateMachine machine = StateMachine.parse("""
        {"StartAt": "A", "States": {
          "A": {"Type": "Pass", "Assign": {"total": 1, "label": "x"}, "Next": "B"},
          "B": {"Type": "Pass", "Parameters": {"t.$": "$total", "f.$": "States.Format('{}', $label)", "c.$": "$$.Execution.Id"},
                "Next": "C"},
          "C": {"Type": "Choice", "Choices": [{"Variable": "$total", "NumericGreaterThan": 0, "Next": "D"}], "Default": "D"},
          "D": {"Type": "Succeed"}}}""");

    Map<String, List<String>> refs = VariableReferences.of(machine);

    assertThat(refs).containsOnlyKeys("B", "C");
    assertThat(refs.get("B")).containsExactly("label", "total");
    assertThat(refs.get("C")).containsExactly("total");
  }

  @Test
  void jsonataStatesReportVariablesOfTheirExpressionsIncludingNestedStates() {
    StateMachine machine = StateMachine.parse("""
        {"QueryLanguage": "JSONata", "StartAt": "A", "States": {
          "A": {"Type": "Pass", "Assign": {"rate": 2}, "Next": "P"},
          "P": {"Type": "Parallel", "End": true, "Branches": [{"StartAt": "In", "States": {
            "In": {"Type": "Pass", "Output": "{% $rate * $states.input.n %}", "End": true}}}]}}}""");

    assertThat(VariableReferences.of(machine)).containsExactly(Map.entry("In", List.of("rate")));
  }
}
