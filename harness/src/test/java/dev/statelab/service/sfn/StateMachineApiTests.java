package dev.statelab.service.sfn;

import dev.statelab.server.StateLabServer;

import static dev.statelab.service.sfn.SfnAssertions.assertAwsError;
import static dev.statelab.service.sfn.SfnServers.PASS;
import static dev.statelab.service.sfn.SfnServers.PREFIX;
import static dev.statelab.service.sfn.SfnServers.ROLE;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.sfn.SfnClient;
import software.amazon.awssdk.services.sfn.model.ConflictException;
import software.amazon.awssdk.services.sfn.model.CreateStateMachineResponse;
import software.amazon.awssdk.services.sfn.model.DescribeStateMachineResponse;
import software.amazon.awssdk.services.sfn.model.ExecutionStatus;
import software.amazon.awssdk.services.sfn.model.InvalidArnException;
import software.amazon.awssdk.services.sfn.model.InvalidDefinitionException;
import software.amazon.awssdk.services.sfn.model.InvalidNameException;
import software.amazon.awssdk.services.sfn.model.InvalidTokenException;
import software.amazon.awssdk.services.sfn.model.ListStateMachinesResponse;
import software.amazon.awssdk.services.sfn.model.MissingRequiredParameterException;
import software.amazon.awssdk.services.sfn.model.ResourceNotFoundException;
import software.amazon.awssdk.services.sfn.model.StateMachineAlreadyExistsException;
import software.amazon.awssdk.services.sfn.model.StateMachineDeletingException;
import software.amazon.awssdk.services.sfn.model.StateMachineDoesNotExistException;
import software.amazon.awssdk.services.sfn.model.StateMachineListItem;
import software.amazon.awssdk.services.sfn.model.StateMachineStatus;
import software.amazon.awssdk.services.sfn.model.StateMachineType;
import software.amazon.awssdk.services.sfn.model.Tag;
import software.amazon.awssdk.services.sfn.model.TooManyTagsException;
import software.amazon.awssdk.services.sfn.model.ValidateStateMachineDefinitionResponse;
import software.amazon.awssdk.services.sfn.model.ValidateStateMachineDefinitionResultCode;
import software.amazon.awssdk.services.sfn.model.ValidationException;

/** State machines, versions, aliases, tags and validation through the real SDK v2 client. */
class StateMachineApiTests {

  private static StateLabServer server;
  private static SfnClient sfn;

  @BeforeAll
  static void start() {
    server = SfnServers.real();
    sfn = server.sfnClient();
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  private static String create(String name, String definition) {
    return sfn.createStateMachine(b -> b.name(name).definition(definition).roleArn(ROLE))
        .stateMachineArn();
  }

  @Test
  void createReturnsArnInTheWorldsRegionAndAccountAndDescribeShowsIt() {
    CreateStateMachineResponse created = sfn.createStateMachine(b -> b.name("describe-me")
        .definition(PASS).roleArn(ROLE));

    DescribeStateMachineResponse d = sfn.describeStateMachine(b -> b.stateMachineArn(
        created.stateMachineArn()));

    assertThat(created.stateMachineArn()).isEqualTo(PREFIX + "stateMachine:describe-me");
    assertThat(created.creationDate()).isNotNull();
    assertThat(d.name()).isEqualTo("describe-me");
    assertThat(d.definition()).isEqualTo(PASS);
    assertThat(d.roleArn()).isEqualTo(ROLE);
    assertThat(d.type()).isEqualTo(StateMachineType.STANDARD);
    assertThat(d.status()).isEqualTo(StateMachineStatus.ACTIVE);
    assertThat(d.creationDate()).isEqualTo(created.creationDate());
    assertThat(d.revisionId()).isNotBlank();
    assertThat(d.loggingConfiguration().levelAsString()).isEqualTo("OFF");
    assertThat(d.tracingConfiguration().enabled()).isFalse();
  }

  @Test
  void createIsIdempotentForTheSameConfigurationEvenWithAnotherRole() {
    String first = create("idem", PASS);

    String again = sfn.createStateMachine(b -> b.name("idem").definition(PASS)
        .roleArn("arn:aws:iam::123456789012:role/Other")).stateMachineArn();

    assertThat(again).isEqualTo(first);
    assertThat(sfn.describeStateMachine(b -> b.stateMachineArn(first)).roleArn()).isEqualTo(ROLE);
  }

  @Test
  void createWithTheSameNameAndAnotherDefinitionIsStateMachineAlreadyExists() {
    create("taken", PASS);

    assertAwsError(() -> create("taken", SfnServers.FAIL), StateMachineAlreadyExistsException.class,
        "StateMachineAlreadyExists", "State Machine Already Exists: '" + PREFIX
            + "stateMachine:taken'");
  }

  @Test
  void createWithABrokenDefinitionIsInvalidDefinitionInAwsWords() {
    assertAwsError(() -> create("broken", "{\"StartAt\": \"Nope\", \"States\": {\"A\": "
            + "{\"Type\": \"Pass\", \"End\": true}}}"), InvalidDefinitionException.class,
        "InvalidDefinition", "Invalid State Machine Definition: '");
  }

  @Test
  void createWithSpacesInTheNameIsInvalidName() {
    assertAwsError(() -> create("has space", PASS), InvalidNameException.class, "InvalidName",
        "Invalid Name: 'has space'");
  }

  @Test
  void createWithAnEightyOneCharacterNameIsValidationException() {
    String name = "n".repeat(81);
    assertAwsError(() -> create(name, PASS), ValidationException.class, "ValidationException",
        "1 validation error detected: Value '" + name + "' at 'name' failed to satisfy constraint:"
            + " Member must have length less than or equal to 80");
  }

  @Test
  void createWithoutARoleIsValidationException() {
    assertAwsError(() -> sfn.createStateMachine(b -> b.name("norole").definition(PASS)),
        ValidationException.class, "ValidationException",
        "1 validation error detected: Value null at 'roleArn' failed to satisfy constraint: "
            + "Member must not be null");
  }

  @Test
  void createWithAMalformedRoleIsInvalidArn() {
    assertAwsError(() -> sfn.createStateMachine(b -> b.name("badrole").definition(PASS)
        .roleArn("not-an-arn")), InvalidArnException.class, "InvalidArn", "Invalid Arn: '");
  }

  @Test
  void expressMachinesRejectCallbacksSyncJobsAndActivitiesAtCreation() {
    String callback = task("arn:aws:states:::sqs:sendMessage.waitForTaskToken");
    String sync = task("arn:aws:states:::states:startExecution.sync:2");
    String activity = task(PREFIX + "activity:work");

    for (String definition : List.of(callback, sync, activity)) {
      assertAwsError(() -> sfn.createStateMachine(b -> b.name("express-bad").definition(definition)
              .roleArn(ROLE).type(StateMachineType.EXPRESS)), InvalidDefinitionException.class,
          "InvalidDefinition",
          "Invalid State Machine Definition: 'SCHEMA_VALIDATION_FAILED: Express state machine "
              + "does not support");
    }
    assertThat(create("standard-callback", callback)).endsWith(":standard-callback");
  }

  static String task(String resource) {
    return "{\"StartAt\": \"T\", \"States\": {\"T\": {\"Type\": \"Task\", \"Resource\": \""
        + resource + "\", \"End\": true}}}";
  }

  @Test
  void describeOfAnUnknownMachineIsStateMachineDoesNotExist() {
    String arn = PREFIX + "stateMachine:ghost";
    assertAwsError(() -> sfn.describeStateMachine(b -> b.stateMachineArn(arn)),
        StateMachineDoesNotExistException.class, "StateMachineDoesNotExist",
        "State Machine Does Not Exist: '" + arn + "'");
  }

  @Test
  void describeWithAnActivityArnIsInvalidArn() {
    assertAwsError(() -> sfn.describeStateMachine(b -> b.stateMachineArn(PREFIX + "activity:a")),
        InvalidArnException.class, "InvalidArn",
        "Invalid Arn: 'Resource type not valid in this context: activity'");
  }

  @Test
  void updateReplacesTheDefinitionAndRevisionAndRunningExecutionsKeepTheOld() {
    String arn = create("updatable", SfnServers.WAIT_LONG);
    String exec = sfn.startExecution(b -> b.stateMachineArn(arn)).executionArn();
    String before = sfn.describeStateMachine(b -> b.stateMachineArn(arn)).revisionId();

    var updated = sfn.updateStateMachine(b -> b.stateMachineArn(arn).definition(PASS));

    DescribeStateMachineResponse d = sfn.describeStateMachine(b -> b.stateMachineArn(arn));
    assertThat(d.definition()).isEqualTo(PASS);
    assertThat(d.revisionId()).isEqualTo(updated.revisionId()).isNotEqualTo(before);
    assertThat(updated.updateDate()).isNotNull();
    assertThat(sfn.describeStateMachineForExecution(b -> b.executionArn(exec)).definition())
        .isEqualTo(SfnServers.WAIT_LONG);
    sfn.stopExecution(b -> b.executionArn(exec));
  }

  @Test
  void updateWithNothingToChangeIsMissingRequiredParameter() {
    String arn = create("nothing-to-update", PASS);
    assertAwsError(() -> sfn.updateStateMachine(b -> b.stateMachineArn(arn)),
        MissingRequiredParameterException.class, "MissingRequiredParameter",
        "Either the definition, the role ARN, the LoggingConfiguration, or the "
            + "TracingConfiguration must be specified");
  }

  @Test
  void deleteRemovesAnIdleMachineAndDeletingAnUnknownOneSucceeds() {
    String arn = create("short-lived", PASS);

    sfn.deleteStateMachine(b -> b.stateMachineArn(arn));
    sfn.deleteStateMachine(b -> b.stateMachineArn(PREFIX + "stateMachine:never-was"));

    assertAwsError(() -> sfn.describeStateMachine(b -> b.stateMachineArn(arn)),
        StateMachineDoesNotExistException.class, "StateMachineDoesNotExist", "State Machine");
  }

  @Test
  void deleteWithARunningExecutionLeavesTheMachineDeletingUntilItEnds() throws Exception {
    String arn = create("deleting", SfnServers.WAIT_LONG);
    String exec = sfn.startExecution(b -> b.stateMachineArn(arn)).executionArn();

    sfn.deleteStateMachine(b -> b.stateMachineArn(arn));

    assertThat(sfn.describeStateMachine(b -> b.stateMachineArn(arn)).status())
        .isEqualTo(StateMachineStatus.DELETING);
    assertAwsError(() -> sfn.startExecution(b -> b.stateMachineArn(arn)),
        StateMachineDeletingException.class, "StateMachineDeleting", "State Machine is being");
    sfn.stopExecution(b -> b.executionArn(exec));
    assertThat(sfn.describeExecution(b -> b.executionArn(exec)).status())
        .isEqualTo(ExecutionStatus.ABORTED);
    assertAwsError(() -> sfn.describeStateMachine(b -> b.stateMachineArn(arn)),
        StateMachineDoesNotExistException.class, "StateMachineDoesNotExist", "State Machine");
  }

  @Test
  void listPagesThroughEveryMachineWithNextToken() {
    for (int i = 0; i < 5; i++) {
      create("paged-" + i, PASS);
    }
    Set<String> names = new HashSet<>();
    String token = null;
    int pages = 0;
    do {
      String t = token;
      ListStateMachinesResponse page = sfn.listStateMachines(b -> b.maxResults(2).nextToken(t));
      assertThat(page.stateMachines()).hasSizeLessThanOrEqualTo(2);
      page.stateMachines().stream().map(StateMachineListItem::name).forEach(names::add);
      token = page.nextToken();
      pages++;
    } while (token != null);

    assertThat(names).contains("paged-0", "paged-1", "paged-2", "paged-3", "paged-4");
    assertThat(pages).isGreaterThanOrEqualTo(3);
  }

  @Test
  void listWithAForeignTokenIsInvalidToken() {
    assertAwsError(() -> sfn.listStateMachines(b -> b.nextToken("not-a-token")),
        InvalidTokenException.class, "InvalidToken", "Invalid Token: 'not-a-token'");
  }

  @Test
  void listWithMaxResultsAboveOneThousandIsValidationException() {
    assertAwsError(() -> sfn.listStateMachines(b -> b.maxResults(1001)),
        ValidationException.class, "ValidationException",
        "1 validation error detected: Value '1001' at 'maxResults' failed to satisfy constraint: "
            + "Member must have value less than or equal to 1000");
  }

  @Test
  void publishOnCreateAndUpdateMakesNumberedVersionsListedNewestFirst() {
    var created = sfn.createStateMachine(b -> b.name("versioned").definition(PASS).roleArn(ROLE)
        .publish(true).versionDescription("first"));
    String arn = created.stateMachineArn();
    var updated = sfn.updateStateMachine(b -> b.stateMachineArn(arn)
        .definition(SfnServers.FAIL).publish(true));

    assertThat(created.stateMachineVersionArn()).isEqualTo(arn + ":1");
    assertThat(updated.stateMachineVersionArn()).isEqualTo(arn + ":2");
    assertThat(sfn.listStateMachineVersions(b -> b.stateMachineArn(arn)).stateMachineVersions())
        .extracting(v -> v.stateMachineVersionArn()).containsExactly(arn + ":2", arn + ":1");
    DescribeStateMachineResponse v1 = sfn.describeStateMachine(b -> b.stateMachineArn(arn + ":1"));
    assertThat(v1.definition()).isEqualTo(PASS);
    assertThat(v1.description()).isEqualTo("first");
    assertThat(v1.stateMachineArn()).isEqualTo(arn + ":1");
  }

  @Test
  void publishingTheSameRevisionTwiceReturnsTheSameVersion() {
    String arn = create("republish", PASS);

    String first = sfn.publishStateMachineVersion(b -> b.stateMachineArn(arn))
        .stateMachineVersionArn();
    String second = sfn.publishStateMachineVersion(b -> b.stateMachineArn(arn))
        .stateMachineVersionArn();

    assertThat(second).isEqualTo(first).isEqualTo(arn + ":1");
  }

  @Test
  void publishingAStaleRevisionIsConflictException() {
    String arn = create("stale", PASS);
    String old = sfn.describeStateMachine(b -> b.stateMachineArn(arn)).revisionId();
    sfn.updateStateMachine(b -> b.stateMachineArn(arn).definition(SfnServers.FAIL));

    assertAwsError(() -> sfn.publishStateMachineVersion(b -> b.stateMachineArn(arn)
            .revisionId(old)), ConflictException.class, "ConflictException",
        "Failed to publish the State Machine version for revision " + old);
  }

  @Test
  void startingAVersionRunsThatVersionAndReportsIt() {
    String arn = sfn.createStateMachine(b -> b.name("run-version").definition(PASS).roleArn(ROLE)
        .publish(true)).stateMachineArn();
    sfn.updateStateMachine(b -> b.stateMachineArn(arn).definition(SfnServers.FAIL));

    String exec = sfn.startExecution(b -> b.stateMachineArn(arn + ":1")).executionArn();

    var d = awaitDone(exec);
    assertThat(d.status()).isEqualTo(ExecutionStatus.SUCCEEDED);
    assertThat(d.stateMachineVersionArn()).isEqualTo(arn + ":1");
    assertThat(d.stateMachineArn()).isEqualTo(arn);
    assertThat(sfn.listExecutions(b -> b.stateMachineArn(arn + ":1")).executions())
        .extracting(e -> e.executionArn()).containsExactly(exec);
  }

  @Test
  void aliasesRouteExecutionsByWeightAcrossTwoVersions() {
    String arn = sfn.createStateMachine(b -> b.name("aliased").definition(PASS).roleArn(ROLE)
        .publish(true)).stateMachineArn();
    sfn.updateStateMachine(b -> b.stateMachineArn(arn).definition(SfnServers.FAIL).publish(true));

    String alias = sfn.createStateMachineAlias(b -> b.name("live").description("canary")
        .routingConfiguration(r -> r.stateMachineVersionArn(arn + ":1").weight(70),
            r -> r.stateMachineVersionArn(arn + ":2").weight(30))).stateMachineAliasArn();
    Set<String> versions = new HashSet<>();
    for (int i = 0; i < 30; i++) {
      String exec = sfn.startExecution(b -> b.stateMachineArn(alias)).executionArn();
      var d = sfn.describeExecution(b -> b.executionArn(exec));
      assertThat(d.stateMachineAliasArn()).isEqualTo(alias);
      versions.add(d.stateMachineVersionArn());
    }

    assertThat(alias).isEqualTo(arn + ":live");
    assertThat(versions).containsExactlyInAnyOrder(arn + ":1", arn + ":2");
    var described = sfn.describeStateMachineAlias(b -> b.stateMachineAliasArn(alias));
    assertThat(described.name()).isEqualTo("live");
    assertThat(described.description()).isEqualTo("canary");
    assertThat(described.routingConfiguration()).hasSize(2);
    assertThat(sfn.listStateMachineAliases(b -> b.stateMachineArn(arn)).stateMachineAliases())
        .extracting(a -> a.stateMachineAliasArn()).containsExactly(alias);
  }

  @Test
  void aliasUpdateDeleteAndTheVersionsItProtects() {
    String arn = sfn.createStateMachine(b -> b.name("alias-life").definition(PASS).roleArn(ROLE)
        .publish(true)).stateMachineArn();
    String alias = sfn.createStateMachineAlias(b -> b.name("prod")
        .routingConfiguration(r -> r.stateMachineVersionArn(arn + ":1").weight(100)))
        .stateMachineAliasArn();

    assertAwsError(() -> sfn.deleteStateMachineVersion(b -> b.stateMachineVersionArn(arn + ":1")),
        ConflictException.class, "ConflictException",
        "Version to be deleted must not be referenced by an alias.");
    sfn.updateStateMachineAlias(b -> b.stateMachineAliasArn(alias).description("updated"));
    assertThat(sfn.describeStateMachineAlias(b -> b.stateMachineAliasArn(alias)).description())
        .isEqualTo("updated");
    sfn.deleteStateMachineAlias(b -> b.stateMachineAliasArn(alias));
    sfn.deleteStateMachineVersion(b -> b.stateMachineVersionArn(arn + ":1"));
    assertThat(sfn.listStateMachineVersions(b -> b.stateMachineArn(arn)).stateMachineVersions())
        .isEmpty();
    assertAwsError(() -> sfn.describeStateMachineAlias(b -> b.stateMachineAliasArn(alias)),
        ResourceNotFoundException.class, "ResourceNotFound", "Resource not found: '" + alias);
  }

  @Test
  void aliasWeightsThatDoNotAddUpToOneHundredAreValidationException() {
    String arn = sfn.createStateMachine(b -> b.name("bad-weights").definition(PASS).roleArn(ROLE)
        .publish(true)).stateMachineArn();
    assertAwsError(() -> sfn.createStateMachineAlias(b -> b.name("half")
            .routingConfiguration(r -> r.stateMachineVersionArn(arn + ":1").weight(50))),
        ValidationException.class, "ValidationException", "Sum of routing configuration weights");
  }

  @Test
  void tagsAreAddedListedAndRemoved() {
    String arn = sfn.createStateMachine(b -> b.name("tagged").definition(PASS).roleArn(ROLE)
        .tags(Tag.builder().key("team").value("core").build())).stateMachineArn();

    sfn.tagResource(b -> b.resourceArn(arn).tags(Tag.builder().key("env").value("test").build()));
    sfn.untagResource(b -> b.resourceArn(arn).tagKeys("team"));

    assertThat(sfn.listTagsForResource(b -> b.resourceArn(arn)).tags())
        .extracting(Tag::key, Tag::value)
        .containsExactly(org.assertj.core.api.Assertions.tuple("env", "test"));
  }

  @Test
  void taggingAnUnknownResourceIsResourceNotFound() {
    String arn = PREFIX + "stateMachine:untaggable";
    assertAwsError(() -> sfn.listTagsForResource(b -> b.resourceArn(arn)),
        ResourceNotFoundException.class, "ResourceNotFound", "Resource not found: '" + arn + "'");
  }

  @Test
  void moreThanFiftyTagsIsTooManyTags() {
    String arn = create("too-many-tags", PASS);
    List<Tag> tags = new java.util.ArrayList<>();
    for (int i = 0; i < 51; i++) {
      tags.add(Tag.builder().key("k" + i).value("v").build());
    }
    assertAwsError(() -> sfn.tagResource(b -> b.resourceArn(arn).tags(tags)),
        TooManyTagsException.class, "TooManyTags", "Too many tags");
  }

  @Test
  void validateReportsOkForAGoodDefinitionAndDiagnosticsForABadOne() {
    ValidateStateMachineDefinitionResponse ok = sfn.validateStateMachineDefinition(b ->
        b.definition(PASS));
    ValidateStateMachineDefinitionResponse bad = sfn.validateStateMachineDefinition(b ->
        b.definition("{\"StartAt\": \"X\", \"States\": {}}"));
    ValidateStateMachineDefinitionResponse express = sfn.validateStateMachineDefinition(b ->
        b.definition(task("arn:aws:states:::sqs:sendMessage.waitForTaskToken"))
            .type(StateMachineType.EXPRESS));

    assertThat(ok.result()).isEqualTo(ValidateStateMachineDefinitionResultCode.OK);
    assertThat(ok.diagnostics()).isEmpty();
    assertThat(bad.result()).isEqualTo(ValidateStateMachineDefinitionResultCode.FAIL);
    assertThat(bad.diagnostics()).isNotEmpty();
    assertThat(bad.diagnostics().get(0).severityAsString()).isEqualTo("ERROR");
    assertThat(express.result()).isEqualTo(ValidateStateMachineDefinitionResultCode.FAIL);
    assertThat(express.diagnostics().get(0).location()).isEqualTo("/States/T/Resource");
  }

  static software.amazon.awssdk.services.sfn.model.DescribeExecutionResponse awaitDone(
      String exec) {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
    while (true) {
      var d = sfn.describeExecution(b -> b.executionArn(exec));
      if (d.status() != ExecutionStatus.RUNNING || System.nanoTime() > deadline) {
        return d;
      }
      try {
        Thread.sleep(5);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return d;
      }
    }
  }
}
