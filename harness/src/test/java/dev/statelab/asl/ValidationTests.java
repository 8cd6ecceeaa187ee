package dev.statelab.asl;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.statelab.asl.errors.Diagnostic;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The parser's validation: one test per diagnostic, each checking the AWS code, the JSON Pointer
 * location and, where AWS's wording is known from recordings, the message.
 */
class ValidationTests {

  private static final String SCHEMA = "SCHEMA_VALIDATION_FAILED";
  private static final String MISSING_TARGET = "MISSING_TRANSITION_TARGET";

  private static List<Diagnostic> problems(String definition) {
    return StateMachine.validate(definition).stream().filter(Diagnostic::isError).toList();
  }

  /** The only error of a definition; fails when there are none or several. */
  private static Diagnostic onlyProblem(String definition) {
    List<Diagnostic> found = problems(definition);
    assertThat(found).as("errors of %s", definition).hasSize(1);
    return found.get(0);
  }

  private static InvalidDefinitionException parseFailure(String definition) {
    try {
      StateMachine.parse(definition);
    } catch (InvalidDefinitionException e) {
      return e;
    }
    throw new AssertionError("the definition was accepted: " + definition);
  }

  /** A one-Task machine with the given Retry/Catch fields. */
  private static String taskWith(String fields) {
    return """
        {"StartAt":"T","States":{"T":{"Type":"Task","Resource":"arn:aws:lambda:us-east-1:123456789012:function:F",%s
          "Next":"Done"},"Done":{"Type":"Succeed"}}}""".formatted(fields);
  }

  @Test
  void aValidDefinitionHasNoProblemsAndParses() {
    String definition = """
        {"Comment":"ok","StartAt":"A","States":{"A":{"Type":"Pass","Next":"B"},"B":{"Type":"Succeed"}}}""";

    assertThat(StateMachine.validate(definition)).isEmpty();
    StateMachine machine = StateMachine.parse(definition);
    assertThat(machine.startAt()).isEqualTo("A");
    assertThat(machine.comment()).isEqualTo("ok");
    assertThat(machine.state("B").type()).isEqualTo("Succeed");
  }

  @Test
  void missingStartAtIsASchemaErrorAtTheRoot() {
    assertThat(onlyProblem("""
        {"States":{"A":{"Type":"Succeed"}}}""")).isEqualTo(Diagnostic.schema("These fields are required: [StartAt]", "/"));
  }

  @Test
  void missingStatesIsASchemaErrorAtTheRoot() {
    assertThat(onlyProblem("""
        {"StartAt":"A"}""")).isEqualTo(Diagnostic.schema("These fields are required: [States]", "/"));
  }

  @Test
  void aStartAtNamingNoStateIsAMissingTransitionTarget() {
    assertThat(problems("""
        {"StartAt":"Nowhere","States":{"A":{"Type":"Succeed"}}}""")).contains(
        Diagnostic.error(MISSING_TARGET, "Missing 'Next' target: Nowhere", "/StartAt"));
  }

  @Test
  void anUnknownNextIsAMissingTransitionTargetAtThatNext() {
    assertThat(problems("""
        {"StartAt":"A","States":{"A":{"Type":"Pass","Next":"X"}}}""")).contains(
        Diagnostic.error(MISSING_TARGET, "Missing 'Next' target: X", "/States/A/Next"));
  }

  @Test
  void anUnknownChoiceDefaultIsReportedAtDefault() {
    Diagnostic d = onlyProblem("""
        {"StartAt":"C","States":{"C":{"Type":"Choice","Choices":[{"Variable":"$.a","IsPresent":true,"Next":"D"}],
          "Default":"Gone"},"D":{"Type":"Succeed"}}}""");

    assertThat(d).isEqualTo(Diagnostic.error(MISSING_TARGET, "Missing 'Next' target: Gone", "/States/C/Default"));
  }

  @Test
  void anUnknownCatchNextIsReportedAtThatCatcher() {
    Diagnostic d = onlyProblem(taskWith("\"Catch\":[{\"ErrorEquals\":[\"States.ALL\"],\"Next\":\"Gone\"}],"));

    assertThat(d).isEqualTo(Diagnostic.error(MISSING_TARGET, "Missing 'Next' target: Gone", "/States/T/Catch/0/Next"));
  }

  @Test
  void anUnreachableStateIsReportedAtThatState() {
    assertThat(onlyProblem("""
        {"StartAt":"A","States":{"A":{"Type":"Succeed"},"Orphan":{"Type":"Pass","End":true}}}""")).isEqualTo(
        Diagnostic.error(MISSING_TARGET, "State \"Orphan\" is not reachable.", "/States/Orphan"));
  }

  @Test
  void aStateWithBothNextAndEndIsRejected() {
    List<Diagnostic> found = problems("""
        {"StartAt":"A","States":{"A":{"Type":"Pass","Next":"B","End":true},"B":{"Type":"Succeed"}}}""");

    assertThat(found).contains(Diagnostic.schema("Only one of these fields is allowed: [Next, End]", "/States/A"));
  }

  @Test
  void aStateWithNeitherNextNorEndIsRejected() {
    Diagnostic d = onlyProblem("""
        {"StartAt":"A","States":{"A":{"Type":"Pass"}}}""");

    assertThat(d.code()).isEqualTo(SCHEMA);
    assertThat(d.location()).isEqualTo("/States/A");
    assertThat(d.message()).contains("Next").contains("End");
  }

  @Test
  void statesAllMustBeAloneInItsErrorEquals() {
    Diagnostic d = onlyProblem(taskWith("\"Retry\":[{\"ErrorEquals\":[\"States.ALL\",\"MyError\"]}],"));

    assertThat(d.code()).isEqualTo(SCHEMA);
    assertThat(d.location()).isEqualTo("/States/T/Retry/0/ErrorEquals");
  }

  @Test
  void aRetrierWithStatesAllMustBeTheLast() {
    Diagnostic d = onlyProblem(taskWith(
        "\"Retry\":[{\"ErrorEquals\":[\"States.ALL\"]},{\"ErrorEquals\":[\"MyError\"]}],"));

    assertThat(d.code()).isEqualTo(SCHEMA);
    assertThat(d.location()).isEqualTo("/States/T/Retry/0/ErrorEquals");
  }

  @Test
  void aCatcherWithStatesAllMustBeTheLast() {
    Diagnostic d = onlyProblem(taskWith(
        "\"Catch\":[{\"ErrorEquals\":[\"States.ALL\"],\"Next\":\"Done\"},{\"ErrorEquals\":[\"E\"],\"Next\":\"Done\"}],"));

    assertThat(d.code()).isEqualTo(SCHEMA);
    assertThat(d.location()).isEqualTo("/States/T/Catch/0/ErrorEquals");
  }

  @Test
  void negativeMaxAttemptsIsRejected() {
    assertThat(onlyProblem(taskWith("\"Retry\":[{\"ErrorEquals\":[\"E\"],\"MaxAttempts\":-1}],")))
        .isEqualTo(Diagnostic.schema("Number must be >= 0", "/States/T/Retry/0/MaxAttempts"));
  }

  @Test
  void backoffRateBelowOneIsRejected() {
    assertThat(onlyProblem(taskWith("\"Retry\":[{\"ErrorEquals\":[\"E\"],\"BackoffRate\":0.5}],")))
        .isEqualTo(Diagnostic.schema("Number must be >= 1.0", "/States/T/Retry/0/BackoffRate"));
  }

  @Test
  void intervalSecondsZeroIsRejected() {
    assertThat(onlyProblem(taskWith("\"Retry\":[{\"ErrorEquals\":[\"E\"],\"IntervalSeconds\":0}],")))
        .isEqualTo(Diagnostic.schema("Number must be >= 1", "/States/T/Retry/0/IntervalSeconds"));
  }

  @Test
  void maxDelaySecondsZeroIsRejected() {
    Diagnostic d = onlyProblem(taskWith("\"Retry\":[{\"ErrorEquals\":[\"E\"],\"MaxDelaySeconds\":0}],"));

    assertThat(d.code()).isEqualTo(SCHEMA);
    assertThat(d.location()).isEqualTo("/States/T/Retry/0/MaxDelaySeconds");
  }

  @Test
  void anUnknownJitterStrategyIsRejected() {
    Diagnostic d = onlyProblem(taskWith("\"Retry\":[{\"ErrorEquals\":[\"E\"],\"JitterStrategy\":\"SOME\"}],"));

    assertThat(d.code()).isEqualTo(SCHEMA);
    assertThat(d.location()).isEqualTo("/States/T/Retry/0/JitterStrategy");
  }

  @Test
  void aRetrierWithoutErrorEqualsIsRejected() {
    Diagnostic d = onlyProblem(taskWith("\"Retry\":[{\"MaxAttempts\":1}],"));

    assertThat(d).isEqualTo(Diagnostic.schema("These fields are required: [ErrorEquals]", "/States/T/Retry/0"));
  }

  @Test
  void anInvalidJsonPathInInputPathIsRejected() {
    assertThat(onlyProblem("""
        {"StartAt":"P","States":{"P":{"Type":"Pass","InputPath":"$.a[1","End":true}}}""")).isEqualTo(
        Diagnostic.schema("The value for the field 'InputPath' must be a valid JSONPath", "/States/P/InputPath"));
  }

  @Test
  void anInputPathThatIsNotAPathIsRejected() {
    assertThat(onlyProblem("""
        {"StartAt":"P","States":{"P":{"Type":"Pass","InputPath":"a.b","End":true}}}""")).isEqualTo(
        Diagnostic.schema("The value for the field 'InputPath' must be a valid JSONPath", "/States/P/InputPath"));
  }

  @Test
  void aResultPathThatIsNotAReferencePathIsRejected() {
    Diagnostic d = onlyProblem("""
        {"StartAt":"P","States":{"P":{"Type":"Pass","ResultPath":"$.items[*]","End":true}}}""");

    assertThat(d).isEqualTo(
        Diagnostic.schema("The value for the field 'ResultPath' must be a valid JSONPath", "/States/P/ResultPath"));
  }

  @Test
  void anInvalidIntrinsicInADollarKeyIsReportedAtItsTemplate() {
    assertThat(onlyProblem("""
        {"StartAt":"IntrinsicEscape","States":{"IntrinsicEscape":{"Type":"Pass",
          "Parameters":{"parsed.$":"States.StringToJson('{\\"text\\":\\"An \\\\\\"escaped double quote\\\\\\" here\\"}')"},
          "End":true}}}""")).isEqualTo(Diagnostic.schema(
        "The value for the field 'parsed.$' must be a valid JSONPath or a valid intrinsic function call",
        "/States/IntrinsicEscape/Parameters"));
  }

  @Test
  void anUnknownIntrinsicFunctionIsRejected() {
    Diagnostic d = onlyProblem("""
        {"StartAt":"P","States":{"P":{"Type":"Pass","Parameters":{"x.$":"States.NoSuchFunction($.a)"},"End":true}}}""");

    assertThat(d.code()).isEqualTo(SCHEMA);
    assertThat(d.location()).isEqualTo("/States/P/Parameters");
    assertThat(d.message()).contains("'x.$'");
  }

  @Test
  void aDollarKeyWhoseValueIsNotAPathIsRejected() {
    assertThat(onlyProblem("""
        {"StartAt":"P","States":{"P":{"Type":"Pass","Parameters":{"nested":{"v.$":"hello"}},"End":true}}}""")).isEqualTo(
        Diagnostic.schema("The value for the field 'v.$' must be a valid JSONPath or a valid intrinsic function call",
            "/States/P/Parameters/nested"));
  }

  @Test
  void aDollarKeyWhoseValueIsNotAStringIsRejected() {
    assertThat(onlyProblem("""
        {"StartAt":"P","States":{"P":{"Type":"Pass","Parameters":{"n.$":42},"End":true}}}""")).isEqualTo(
        Diagnostic.schema("The value for the field 'n.$' must be a valid JSONPath or a valid intrinsic function call",
            "/States/P/Parameters"));
  }

  @Test
  void aFieldThatTheStateTypeDoesNotHaveIsRejected() {
    assertThat(onlyProblem("""
        {"StartAt":"P","States":{"P":{"Type":"Pass","Seconds":5,"End":true}}}""")).isEqualTo(
        Diagnostic.schema("Field 'Seconds' is not supported", "/States/P/Seconds"));
  }

  @Test
  void retryIsNotAllowedOnAPassState() {
    assertThat(onlyProblem("""
        {"StartAt":"P","States":{"P":{"Type":"Pass","Retry":[{"ErrorEquals":["E"]}],"End":true}}}""")).isEqualTo(
        Diagnostic.schema("Field 'Retry' is not supported", "/States/P/Retry"));
  }

  @Test
  void anUnknownTopLevelFieldIsRejected() {
    assertThat(onlyProblem("""
        {"StartAt":"A","Bogus":1,"States":{"A":{"Type":"Succeed"}}}""")).isEqualTo(
        Diagnostic.schema("Field 'Bogus' is not supported", "/Bogus"));
  }

  @Test
  void anUnknownStateTypeIsRejectedAtType() {
    Diagnostic d = onlyProblem("""
        {"StartAt":"A","States":{"A":{"Type":"Sleep","End":true}}}""");

    assertThat(d.code()).isEqualTo(SCHEMA);
    assertThat(d.location()).isEqualTo("/States/A/Type");
  }

  @Test
  void aTaskWithoutResourceIsRejected() {
    assertThat(onlyProblem("""
        {"StartAt":"T","States":{"T":{"Type":"Task","End":true}}}""")).isEqualTo(
        Diagnostic.schema("These fields are required: [Resource]", "/States/T"));
  }

  @Test
  void heartbeatSecondsMustBeBelowTimeoutSeconds() {
    Diagnostic d = onlyProblem(taskWith("\"TimeoutSeconds\":10,\"HeartbeatSeconds\":10,"));

    assertThat(d.code()).isEqualTo(SCHEMA);
    assertThat(d.location()).isEqualTo("/States/T/HeartbeatSeconds");
  }

  @Test
  void aWaitNeedsExactlyOneOfItsDelayFields() {
    Diagnostic d = onlyProblem("""
        {"StartAt":"W","States":{"W":{"Type":"Wait","Seconds":1,"SecondsPath":"$.s","End":true}}}""");

    assertThat(d.code()).isEqualTo(SCHEMA);
    assertThat(d.location()).isEqualTo("/States/W");
  }

  @Test
  void aTimestampWithoutTIsNotRfc3339() {
    assertThat(onlyProblem("""
        {"StartAt":"WaitUntil","States":{"WaitUntil":{"Type":"Wait","Timestamp":"2016-12-05 21:29:29Z","End":true}}}"""))
        .isEqualTo(Diagnostic.schema("String does not match RFC3339 timestamp", "/States/WaitUntil/Timestamp"));
  }

  @Test
  void aTimestampWithAnImpossibleTimeIsNotRfc3339() {
    assertThat(onlyProblem("""
        {"StartAt":"WaitUntil","States":{"WaitUntil":{"Type":"Wait","Timestamp":"2016-12-05T25:29:29Z","End":true}}}"""))
        .isEqualTo(Diagnostic.schema("String does not match RFC3339 timestamp", "/States/WaitUntil/Timestamp"));
  }

  @Test
  void aJsonataExpressionIsNotATimestampInAJsonPathMachine() {
    assertThat(onlyProblem("""
        {"StartAt":"WaitUntil","States":{"WaitUntil":{"Type":"Wait","Timestamp":"{% '2016-03-14T01:59:00Z' %}","End":true}}}"""))
        .isEqualTo(Diagnostic.schema("String does not match RFC3339 timestamp", "/States/WaitUntil/Timestamp"));
  }

  @Test
  void timestampsWithAnOffsetOrFractionalSecondsAreRfc3339() {
    assertThat(problems("""
        {"StartAt":"A","States":{
          "A":{"Type":"Wait","Timestamp":"2016-12-05T21:29:29+02:00","Next":"B"},
          "B":{"Type":"Wait","Timestamp":"2016-12-05T21:29:29.123Z","End":true}}}""")).isEmpty();
  }

  @Test
  void problemsInsideAParallelBranchAreReportedAtTheirNestedLocation() {
    assertThat(problems("""
        {"StartAt":"Par","States":{"Par":{"Type":"Parallel","End":true,"Branches":[
          {"StartAt":"A","States":{"A":{"Type":"Succeed"}}},
          {"StartAt":"B","States":{"B":{"Type":"Pass","Next":"Outside"}}}]}}}""")).contains(
        Diagnostic.error(MISSING_TARGET, "Missing 'Next' target: Outside", "/States/Par/Branches/1/States/B/Next"));
  }

  @Test
  void aBranchCannotTransitionToAStateOutsideIt() {
    assertThat(problems("""
        {"StartAt":"Par","States":{
          "Par":{"Type":"Parallel","Next":"After","Branches":[{"StartAt":"B","States":{"B":{"Type":"Pass","Next":"After"}}}]},
          "After":{"Type":"Succeed"}}}""")).contains(
        Diagnostic.error(MISSING_TARGET, "Missing 'Next' target: After", "/States/Par/Branches/0/States/B/Next"));
  }

  @Test
  void problemsInsideAMapProcessorAreReportedAtTheirNestedLocation() {
    assertThat(onlyProblem("""
        {"StartAt":"M","States":{"M":{"Type":"Map","End":true,"ItemProcessor":{"StartAt":"A","States":{
          "A":{"Type":"Succeed"},"Lost":{"Type":"Pass","End":true}}}}}}""")).isEqualTo(
        Diagnostic.error(MISSING_TARGET, "State \"Lost\" is not reachable.", "/States/M/ItemProcessor/States/Lost"));
  }

  @Test
  void problemsInsideALegacyIteratorAreReportedUnderIterator() {
    assertThat(onlyProblem("""
        {"StartAt":"M","States":{"M":{"Type":"Map","End":true,"Iterator":{"StartAt":"A","States":{
          "A":{"Type":"Pass","InputPath":"nope","End":true}}}}}}""")).isEqualTo(
        Diagnostic.schema("The value for the field 'InputPath' must be a valid JSONPath", "/States/M/Iterator/States/A/InputPath"));
  }

  @Test
  void aMapWithoutAProcessorIsRejected() {
    Diagnostic d = onlyProblem("""
        {"StartAt":"M","States":{"M":{"Type":"Map","End":true}}}""");

    assertThat(d.code()).isEqualTo(SCHEMA);
    assertThat(d.location()).isEqualTo("/States/M");
  }

  @Test
  void aStateNameUsedInABranchAndAtTopLevelIsRejected() {
    List<Diagnostic> found = problems("""
        {"StartAt":"Par","States":{
          "Par":{"Type":"Parallel","Next":"A","Branches":[{"StartAt":"A","States":{"A":{"Type":"Pass","End":true}}}]},
          "A":{"Type":"Pass","End":true}}}""");

    assertThat(found).isNotEmpty();
    assertThat(found).extracting(Diagnostic::location).anyMatch(location -> location.endsWith("/States/A"));
  }

  @Test
  void aStateNameWrittenTwiceIsRejected() {
    assertThat(problems("""
        {"StartAt":"A","States":{"A":{"Type":"Pass","Next":"B"},"A":{"Type":"Pass","Next":"B"},"B":{"Type":"Succeed"}}}"""))
        .isNotEmpty();
  }

  @Test
  void allProblemsAreCollectedAtOnce() {
    List<Diagnostic> found = problems("""
        {"StartAt":"A","States":{
          "A":{"Type":"Pass","InputPath":"not a path","Next":"T"},
          "T":{"Type":"Task","Resource":"arn:aws:lambda:us-east-1:123456789012:function:F",
               "Retry":[{"ErrorEquals":["E"],"BackoffRate":0.1}],
               "Catch":[{"ErrorEquals":["States.ALL"],"Next":"Gone"}],"End":true}}}""");

    assertThat(found).containsExactlyInAnyOrder(
        Diagnostic.schema("The value for the field 'InputPath' must be a valid JSONPath", "/States/A/InputPath"),
        Diagnostic.schema("Number must be >= 1.0", "/States/T/Retry/0/BackoffRate"),
        Diagnostic.error(MISSING_TARGET, "Missing 'Next' target: Gone", "/States/T/Catch/0/Next"));
  }

  @Test
  void severalProblemsInOneStateAreAllReported() {
    List<Diagnostic> found = problems("""
        {"StartAt":"A","States":{"A":{"Type":"Pass","OutputPath":"bad","Seconds":3,"ResultPath":"$.x[*]","End":true}}}""");

    assertThat(found).extracting(Diagnostic::location)
        .containsExactlyInAnyOrder("/States/A/OutputPath", "/States/A/Seconds", "/States/A/ResultPath");
  }

  @Test
  void theExceptionMessageIsAwsInvalidDefinitionMessage() {
    InvalidDefinitionException e = parseFailure("""
        {"StartAt":"IntrinsicEscape","States":{"IntrinsicEscape":{"Type":"Pass",
          "Parameters":{"parsed.$":"States.Nope("},"End":true}}}""");

    assertThat(e.getMessage()).isEqualTo("Invalid State Machine Definition: 'SCHEMA_VALIDATION_FAILED: The value for the "
        + "field 'parsed.$' must be a valid JSONPath or a valid intrinsic function call at /States/IntrinsicEscape/Parameters'");
  }

  @Test
  void severalProblemsAreJoinedWithCommasInOneMessage() {
    InvalidDefinitionException e = parseFailure("""
        {"StartAt":"A","States":{"A":{"Type":"Pass","Next":"X"},"B":{"Type":"Pass","Next":"Y"}}}""");

    assertThat(e.diagnostics()).hasSizeGreaterThanOrEqualTo(2);
    String expected = "Invalid State Machine Definition: '" + String.join(", ",
        e.diagnostics().stream().map(d -> d.code() + ": " + d.message() + " at " + d.location()).toList()) + "'";
    assertThat(e.getMessage()).isEqualTo(expected);
    assertThat(e.getMessage()).contains(
        "MISSING_TRANSITION_TARGET: Missing 'Next' target: X at /States/A/Next",
        "MISSING_TRANSITION_TARGET: Missing 'Next' target: Y at /States/B/Next",
        ", ");
  }

  @Test
  void parseThrowsWithTheSameDiagnosticsThatValidateReturns() {
    String definition = """
        {"StartAt":"A","States":{"A":{"Type":"Pass"}}}""";

    assertThatThrownBy(() -> StateMachine.parse(definition))
        .isInstanceOf(InvalidDefinitionException.class)
        .satisfies(t -> assertThat(((InvalidDefinitionException) t).diagnostics())
            .isEqualTo(StateMachine.validate(definition)));
  }

  @Test
  void textThatIsNotJsonIsAnInvalidJsonDescription() {
    Diagnostic d = onlyProblem("{\"StartAt\": ");

    assertThat(d.code()).isEqualTo("INVALID_JSON_DESCRIPTION");
  }
}
