package dev.statelab.bench;

import com.fasterxml.jackson.databind.JsonNode;
import dev.statelab.json.Json;

/**
 * One workload written twice, in JSONPath and in JSONata: an order of 20 lines is priced line by
 * line in a sequential Map, totalled, checked by a Choice and summarised. Both definitions
 * produce the same output for the same input.
 */
public enum QueryLanguageWorkload {

  /** Paths, payload templates and intrinsic functions. */
  JSONPATH("""
      {"StartAt": "Price", "States": {
        "Price": {"Type": "Map", "ItemsPath": "$.lines", "MaxConcurrency": 1,
          "ItemSelector": {"sku.$": "$$.Map.Item.Value.sku", "cents.$": "$$.Map.Item.Value.cents",
            "line.$": "$$.Map.Item.Index"},
          "ItemProcessor": {"StartAt": "Line", "States": {"Line": {"Type": "Pass",
            "Parameters": {"sku.$": "$.sku", "cents.$": "States.MathAdd($.cents, 100)",
              "label.$": "States.Format('{}: {}', $.line, $.sku)"}, "End": true}}},
          "ResultPath": "$.priced", "Next": "Total"},
        "Total": {"Type": "Pass",
          "Parameters": {"count.$": "States.ArrayLength($.priced)", "first.$": "$.priced[0].label",
            "customer.$": "$.customer"},
          "Next": "Check"},
        "Check": {"Type": "Choice", "Choices": [{"Variable": "$.count", "NumericGreaterThan": 10, "Next": "Big"}],
          "Default": "Small"},
        "Big": {"Type": "Pass", "Parameters": {"size": "big", "count.$": "$.count", "first.$": "$.first"}, "End": true},
        "Small": {"Type": "Pass", "Parameters": {"size": "small", "count.$": "$.count", "first.$": "$.first"}, "End": true}}}"""),

  /** JSONata expressions over {@code $states}. */
  JSONATA("""
      {"QueryLanguage": "JSONata", "StartAt": "Price", "States": {
        "Price": {"Type": "Map", "Items": "{% $states.input.lines %}", "MaxConcurrency": 1,
          "ItemSelector": {"sku": "{% $states.context.Map.Item.Value.sku %}",
            "cents": "{% $states.context.Map.Item.Value.cents %}", "line": "{% $states.context.Map.Item.Index %}"},
          "ItemProcessor": {"StartAt": "Line", "States": {"Line": {"Type": "Pass",
            "Output": {"sku": "{% $states.input.sku %}", "cents": "{% $states.input.cents + 100 %}",
              "label": "{% $string($states.input.line) & ': ' & $states.input.sku %}"}, "End": true}}},
          "Output": "{% $merge([$states.input, {'priced': $states.result}]) %}", "Next": "Total"},
        "Total": {"Type": "Pass",
          "Output": {"count": "{% $count($states.input.priced) %}", "first": "{% $states.input.priced[0].label %}",
            "customer": "{% $states.input.customer %}"},
          "Next": "Check"},
        "Check": {"Type": "Choice", "Choices": [{"Condition": "{% $states.input.count > 10 %}", "Next": "Big"}],
          "Default": "Small"},
        "Big": {"Type": "Pass", "Output": {"size": "big", "count": "{% $states.input.count %}", "first": "{% $states.input.first %}"}, "End": true},
        "Small": {"Type": "Pass", "Output": {"size": "small", "count": "{% $states.input.count %}", "first": "{% $states.input.first %}"}, "End": true}}}""");

  private final String definition;

  QueryLanguageWorkload(String definition) {
    this.definition = definition;
  }

  /** The definition text. */
  public String definitionText() {
    return definition;
  }

  /** The order both definitions run on. */
  public static JsonNode input() {
    StringBuilder lines = new StringBuilder();
    for (int i = 0; i < 20; i++) {
      if (i > 0) {
        lines.append(',');
      }
      lines.append("{\"sku\": \"sku-").append(i).append("\", \"cents\": ").append(100 + i).append('}');
    }
    return Json.parse("{\"customer\": \"c-1\", \"lines\": [" + lines + "]}");
  }
}
