package dev.statelab.mock;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.statelab.json.Json;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Reading AWS's MockConfigFile: ranges, Return/Throw, and errors that name the place. */
class MockConfigTests {

  static final String FILE = """
      {"StateMachines": {"Order": {"TestCases": {
          "RetryPath": {"Charge": "BusyTwiceThenPaid"},
          "CatchPath": {"Charge": "Declined"}}}},
       "MockedResponses": {
          "BusyTwiceThenPaid": {
            "0-1": {"Throw": {"Error": "Payment.Busy", "Cause": "try later"}},
            "2": {"Return": {"Payload": {"paid": true}, "StatusCode": 200}}},
          "Declined": {"0": {"Throw": {"Error": "Payment.Declined", "Cause": "card refused"}}}}}""";

  @Test
  void rangesExpandToOneAnswerPerInvocationIndex() {
    MockConfig config = MockConfig.parse(FILE, "MockConfigFile.json");

    MockedResponse busy = config.responses().get("BusyTwiceThenPaid");
    assertThat(busy.steps()).hasSize(3);
    assertThat(busy.at(0)).contains(new MockResponse.Throw("Payment.Busy", "try later"));
    assertThat(busy.at(1)).contains(new MockResponse.Throw("Payment.Busy", "try later"));
    assertThat(busy.at(2)).contains(new MockResponse.Return(
        Json.parse("{\"Payload\": {\"paid\": true}, \"StatusCode\": 200}")));
    assertThat(busy.at(3)).isEmpty();
    assertThat(config.testCase("Order", "CatchPath")).contains(java.util.Map.of("Charge", "Declined"));
    assertThat(config.testCase("Order", "Nope")).isEmpty();
  }

  @Test
  void returnMayBeAnyJsonValue() {
    MockConfig config = MockConfig.parse("""
        {"MockedResponses": {"S": {"0": {"Return": "text"}, "1": {"Return": [1, 2]}}}}""", "f");

    assertThat(config.responses().get("S").at(0)).contains(new MockResponse.Return(Json.text("text")));
  }

  @Test
  void aGapInTheIndexesIsRejectedNamingTheResponse() {
    assertThatThrownBy(() -> MockConfig.parse("""
        {"MockedResponses": {"Flaky": {"0": {"Return": {}}, "2": {"Return": {}}}}}""", "mocks.json"))
        .isInstanceOf(MockConfigException.class)
        .hasMessage("mocks.json: MockedResponses.Flaky has a gap: no answer for invocation 1"
            + " (indexes must be contiguous from 0)");
  }

  @Test
  void aThrowWithoutCauseIsRejectedNamingThePlace() {
    assertThatThrownBy(() -> MockConfig.parse("""
        {"MockedResponses": {"Bad": {"0-1": {"Throw": {"Error": "E"}}}}}""", "mocks.json"))
        .isInstanceOf(MockConfigException.class)
        .hasMessage("mocks.json: MockedResponses.Bad.\"0-1\".Throw needs Cause as a string");
  }

  @Test
  void anEntryWithBothReturnAndThrowIsRejected() {
    assertThatThrownBy(() -> MockConfig.parse("""
        {"MockedResponses": {"Bad": {"0": {"Return": 1, "Throw": {"Error": "E", "Cause": "c"}}}}}""",
        "mocks.json"))
        .hasMessage("mocks.json: MockedResponses.Bad.\"0\" must have exactly one of Return and Throw");
  }

  @Test
  void overlappingRangesAndBadIndexesAreRejected() {
    assertThatThrownBy(() -> MockConfig.parse("""
        {"MockedResponses": {"Bad": {"0-2": {"Return": 1}, "1": {"Return": 2}}}}""", "m"))
        .hasMessageContaining("MockedResponses.Bad has overlapping indexes around 1");
    assertThatThrownBy(() -> MockConfig.parse("""
        {"MockedResponses": {"Bad": {"first": {"Return": 1}}}}""", "m"))
        .hasMessage("m: MockedResponses.Bad.first is not an invocation index or range such as \"0\" or \"1-2\"");
  }

  @Test
  void aTestCaseNamingAnUndefinedResponseIsRejected() {
    assertThatThrownBy(() -> MockConfig.parse("""
        {"StateMachines": {"Order": {"TestCases": {"T": {"Charge": "Missing"}}}},
         "MockedResponses": {}}""", "mocks.json"))
        .hasMessage("mocks.json: StateMachines.Order.TestCases.T.Charge names mocked response"
            + " 'Missing', which MockedResponses does not define");
  }

  @Test
  void invalidJsonAndUnreadableFilesNameTheFile(@TempDir Path dir) throws Exception {
    Path file = dir.resolve("broken.json");
    Files.writeString(file, "{\"StateMachines\": ");

    assertThatThrownBy(() -> MockConfig.load(file))
        .isInstanceOf(MockConfigException.class)
        .hasMessageStartingWith(file + ": not valid JSON");
    assertThatThrownBy(() -> MockConfig.load(dir.resolve("absent.json")))
        .hasMessageStartingWith("Cannot read mock config file " + dir.resolve("absent.json"));
  }

  @Test
  void theFluentBuilderMakesTheSameShapeAsAFile() {
    MockConfig config = MockedResponses.forStateMachine("Order")
        .testCase("RetryPath")
        .state("Charge").throwing("Payment.Busy", "try later").times(2)
            .thenReturns("{\"Payload\": {\"paid\": true}, \"StatusCode\": 200}")
        .testCase("CatchPath")
        .state("Charge").throwing("Payment.Declined", "card refused")
        .build();
    MockConfig file = MockConfig.parse(FILE, "f");

    String name = config.testCase("Order", "RetryPath").orElseThrow().get("Charge");
    assertThat(config.responses().get(name).steps())
        .isEqualTo(file.responses().get("BusyTwiceThenPaid").steps());
  }
}
