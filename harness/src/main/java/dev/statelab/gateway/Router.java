package dev.statelab.gateway;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.StringJoiner;

/**
 * Picks the service and operation for a request from its target, path and credential scope.
 *
 * <p>Built once from the registered services and immutable afterwards, so lookups need no locks.
 * Order of evidence: the {@code X-Amz-Target} prefix, then the REST routes (those of the service
 * named by the credential scope first), then the credential scope alone, to choose between
 * {@code UnknownOperationException} and {@code UnknownServiceException}.
 */
final class Router {

  /** A routing outcome: a service and operation, or an error rendered in {@code protocol}. */
  record Route(
      AwsService service,
      String operation,
      Map<String, String> pathParams,
      AwsServiceException error,
      AwsProtocol protocol) {

    static Route found(AwsService service, String operation, Map<String, String> pathParams) {
      return new Route(service, operation, pathParams, null, service.spec().protocol());
    }

    static Route failed(AwsServiceException error, AwsProtocol protocol) {
      return new Route(null, null, Map.of(), error, protocol);
    }
  }

  private record Binding(AwsService service, RestRoute route) {}

  private static final Comparator<Binding> MOST_SPECIFIC_FIRST =
      Comparator.comparingInt((Binding b) -> b.route().specificity()).reversed();

  private final List<AwsService> services;
  private final Map<String, AwsService> byTargetPrefix = new HashMap<>();
  private final Map<String, List<AwsService>> bySigningName = new HashMap<>();
  private final Map<String, List<Binding>> restByMethod = new HashMap<>();
  private final Map<String, Map<String, List<Binding>>> restBySigningName = new HashMap<>();
  private final String served;

  Router(List<AwsService> services) {
    this.services = List.copyOf(services);
    Map<String, Binding> seenRoutes = new LinkedHashMap<>();
    for (AwsService service : this.services) {
      ServiceSpec spec = service.spec();
      bySigningName.computeIfAbsent(spec.signingName(), k -> new ArrayList<>()).add(service);
      if (spec.protocol().isTargetRouted()) {
        AwsService previous = byTargetPrefix.putIfAbsent(spec.targetPrefix(), service);
        if (previous != null) {
          throw new IllegalArgumentException("Two services use X-Amz-Target prefix '"
              + spec.targetPrefix() + "': " + previous + " and " + service);
        }
        continue;
      }
      for (RestRoute route : spec.routes()) {
        String key = spec.signingName() + " " + route.method() + " " + route.pathTemplate();
        Binding binding = new Binding(service, route);
        if (seenRoutes.putIfAbsent(key, binding) != null) {
          throw new IllegalArgumentException("Two services with signing name '"
              + spec.signingName() + "' claim " + route.method() + " " + route.pathTemplate());
        }
        if (spec.protocol() != AwsProtocol.REST_XML) {
          // restXml (S3) paths are /{Bucket}/{Key+}: they would swallow every unknown path, so
          // they answer only requests signed for their service (or addressed to a bucket host).
          restByMethod.computeIfAbsent(route.method(), k -> new ArrayList<>()).add(binding);
        }
        restBySigningName
            .computeIfAbsent(spec.signingName(), k -> new HashMap<>())
            .computeIfAbsent(route.method(), k -> new ArrayList<>())
            .add(binding);
      }
    }
    restByMethod.values().forEach(list -> list.sort(MOST_SPECIFIC_FIRST));
    restBySigningName.values().forEach(m -> m.values().forEach(l -> l.sort(MOST_SPECIFIC_FIRST)));
    StringJoiner names = new StringJoiner(", ");
    for (AwsService service : this.services) {
      ServiceSpec spec = service.spec();
      names.add(spec.displayName() + " (" + spec.signingName() + ")");
    }
    this.served = this.services.isEmpty() ? "nothing" : names.toString();
  }

  List<AwsService> services() {
    return services;
  }

  Route resolve(String method, String rawPath, String target, CredentialScope scope,
      String contentType) {
    String signingName = scope == null ? null : scope.service();
    if (target != null) {
      return resolveTarget(method, target, signingName, contentType);
    }
    Route rest = resolveRest(method, rawPath, signingName);
    if (rest != null) {
      return rest;
    }
    List<AwsService> named = signingName == null ? null : bySigningName.get(signingName);
    if (named != null) {
      AwsService service = named.get(0);
      ServiceSpec spec = service.spec();
      if (spec.protocol().isTargetRouted()) {
        return Route.failed(new AwsServiceException(GatewayErrors.UNKNOWN_OPERATION,
            "Missing X-Amz-Target header: " + spec.signingName() + " operations are named as "
                + spec.targetPrefix() + ".<Operation>", 400), spec.protocol());
      }
      return Route.failed(new AwsServiceException(GatewayErrors.UNKNOWN_OPERATION,
          "StateLab's " + spec.signingName() + " serves no operation at " + method + " "
              + rawPath, 404), spec.protocol());
    }
    return Route.failed(new AwsServiceException(GatewayErrors.UNKNOWN_SERVICE,
        "StateLab serves no operation at " + method + " " + rawPath
            + (signingName == null ? "" : " for signing name '" + signingName + "'")
            + "; it serves: " + served, 400), guessProtocol(contentType));
  }

  private Route resolveTarget(String method, String target, String signingName,
      String contentType) {
    int dot = target.lastIndexOf('.');
    String prefix = dot < 0 ? target : target.substring(0, dot);
    String operation = dot < 0 ? "" : target.substring(dot + 1);
    AwsService service = byTargetPrefix.get(prefix);
    if (service == null) {
      List<AwsService> named = signingName == null ? null : bySigningName.get(signingName);
      if (named != null && named.get(0).spec().protocol().isTargetRouted()) {
        ServiceSpec spec = named.get(0).spec();
        return Route.failed(new AwsServiceException(GatewayErrors.UNKNOWN_OPERATION,
            "X-Amz-Target '" + target + "' names no operation of " + spec.signingName()
                + "; its operations are " + spec.targetPrefix() + ".<Operation>", 400),
            spec.protocol());
      }
      return Route.failed(new AwsServiceException(GatewayErrors.UNKNOWN_SERVICE,
          "StateLab serves no service with X-Amz-Target prefix '" + prefix + "'"
              + (signingName == null ? "" : " (signing name '" + signingName + "')")
              + "; it serves: " + served, 400), guessProtocol(contentType));
    }
    ServiceSpec spec = service.spec();
    if (!spec.operations().contains(operation)) {
      return Route.failed(new AwsServiceException(GatewayErrors.UNKNOWN_OPERATION,
          "StateLab's " + spec.targetPrefix() + " does not serve operation '" + operation + "'",
          400), spec.protocol());
    }
    if (!"POST".equals(method)) {
      return Route.failed(new AwsServiceException(GatewayErrors.UNKNOWN_OPERATION,
          spec.targetPrefix() + " operations are called with POST, not " + method, 400),
          spec.protocol());
    }
    return Route.found(service, operation, Map.of());
  }

  private Route resolveRest(String method, String rawPath, String signingName) {
    if (restByMethod.isEmpty() && restBySigningName.isEmpty()) {
      return null;
    }
    String[] segments = (rawPath.startsWith("/") ? rawPath.substring(1) : rawPath).split("/", -1);
    try {
      if (signingName != null) {
        Map<String, List<Binding>> own = restBySigningName.get(signingName);
        Route route = own == null ? null : firstMatch(own.get(method), segments);
        if (route != null) {
          return route;
        }
      }
      return firstMatch(restByMethod.get(method), segments);
    } catch (IllegalArgumentException e) {
      return Route.failed(GatewayErrors.serialization(e.getMessage()), AwsProtocol.REST_JSON_1);
    }
  }

  private static Route firstMatch(List<Binding> bindings, String[] segments) {
    if (bindings == null) {
      return null;
    }
    for (Binding binding : bindings) {
      Map<String, String> params = binding.route().match(segments);
      if (params != null) {
        return Route.found(binding.service(), binding.route().operation(), Map.copyOf(params));
      }
    }
    return null;
  }

  private static AwsProtocol guessProtocol(String contentType) {
    if (contentType != null) {
      if (contentType.startsWith(AwsProtocol.AWS_JSON_1_0.contentType())) {
        return AwsProtocol.AWS_JSON_1_0;
      }
      if (contentType.startsWith(AwsProtocol.AWS_JSON_1_1.contentType())) {
        return AwsProtocol.AWS_JSON_1_1;
      }
    }
    return AwsProtocol.REST_JSON_1;
  }
}
