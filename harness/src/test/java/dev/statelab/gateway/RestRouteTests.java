package dev.statelab.gateway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;

class RestRouteTests {

  private static String[] segments(String rawPath) {
    return rawPath.substring(1).split("/", -1);
  }

  @Test
  void literalRouteMatchesOnlyItsPath() {
    RestRoute route = RestRoute.of("post", "/v1/submitjob", "SubmitJob");

    assertThat(route.method()).isEqualTo("POST");
    assertThat(route.match(segments("/v1/submitjob"))).isEmpty();
    assertThat(route.match(segments("/v1/submitjob/"))).isNull();
    assertThat(route.match(segments("/v1/submitjobs"))).isNull();
    assertThat(route.match(segments("/v1"))).isNull();
  }

  @Test
  void labelBindsOneDecodedSegment() {
    RestRoute route = RestRoute.of("POST", "/2015-03-31/functions/{FunctionName}/invocations",
        "Invoke");

    assertThat(route.match(segments(
        "/2015-03-31/functions/arn%3Aaws%3Alambda%3Aus-east-1%3A1%3Afunction%3Af/invocations")))
        .isEqualTo(Map.of("FunctionName", "arn:aws:lambda:us-east-1:1:function:f"));
    assertThat(route.match(segments("/2015-03-31/functions//invocations"))).isNull();
    assertThat(route.match(segments("/2015-03-31/functions/a/b/invocations"))).isNull();
  }

  @Test
  void plusStaysPlusAndUtf8IsDecoded() {
    RestRoute route = RestRoute.of("GET", "/things/{Name}", "GetThing");

    assertThat(route.match(segments("/things/a+b%20%C3%A9"))).isEqualTo(Map.of("Name", "a+b é"));
  }

  @Test
  void greedyLabelTakesTheRestOfThePath() {
    RestRoute route = RestRoute.of("GET", "/objects/{Bucket}/{Key+}", "GetObject");

    assertThat(route.match(segments("/objects/b/a/b%2Fc/d.txt")))
        .isEqualTo(Map.of("Bucket", "b", "Key", "a/b/c/d.txt"));
    assertThat(route.match(segments("/objects/b/"))).isNull();
    assertThat(route.match(segments("/objects/b"))).isNull();
  }

  @Test
  void moreLiteralSegmentsMeanMoreSpecific() {
    RestRoute specific = RestRoute.of("GET", "/functions/{Name}/configuration", "GetConfig");
    RestRoute general = RestRoute.of("GET", "/functions/{Name}/{Part}", "GetPart");
    RestRoute greedy = RestRoute.of("GET", "/functions/{Rest+}", "Any");

    assertThat(specific.specificity()).isGreaterThan(general.specificity());
    assertThat(general.specificity()).isGreaterThan(greedy.specificity());
  }

  @Test
  void malformedPercentEscapeIsRejected() {
    RestRoute route = RestRoute.of("GET", "/things/{Name}", "GetThing");

    assertThatThrownBy(() -> route.match(segments("/things/a%2")))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("percent-escape");
    assertThatThrownBy(() -> route.match(segments("/things/a%zz")))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void badTemplatesAreRejectedWhenBuilt() {
    assertThatThrownBy(() -> RestRoute.of("GET", "things", "X"))
        .hasMessageContaining("must start with '/'");
    assertThatThrownBy(() -> RestRoute.of("GET", "/a/{K+}/b", "X"))
        .hasMessageContaining("last segment");
    assertThatThrownBy(() -> RestRoute.of("GET", "/a/x{K}", "X"))
        .hasMessageContaining("mixes literal text and a label");
    assertThatThrownBy(() -> RestRoute.of("GET", "/a/{K}/{K}", "X"))
        .hasMessageContaining("appears twice");
    assertThatThrownBy(() -> RestRoute.of("GET", "/a?tagging", "X"))
        .hasMessageContaining("Query literals");
    assertThatThrownBy(() -> RestRoute.of("G T", "/a", "X"))
        .hasMessageContaining("Not an HTTP method");
  }
}
