package dev.statelab.cost;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.statelab.json.Json;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A dated, region-aware list of {@link Price}s, loaded from JSON: the default one ships as the
 * resource {@code dev/statelab/cost/prices.json}; a file can replace it ({@link #load(Path)}) or
 * override single prices ({@link #withOverrides(Path)}, {@link #withAmount}).
 *
 * <p>Format: {@code {"date": "2026-11-25", "currency": "USD", "prices": [{"id", "service",
 * "usageType", "unit", "region", "amount", "tiers": [{"upTo", "amount"}], "freeTier", "source",
 * "date", "note"}]}}; amounts are strings or numbers, USD per one unit. In an override file an
 * entry naming an existing id needs only the fields it changes; a new id needs them all.
 *
 * <pre>{@code
 * PriceCatalogue prices = PriceCatalogue.defaults().withAmount("sfn-standard-transition", new BigDecimal("0.00003"));
 * Price p = prices.find(Services.STEP_FUNCTIONS, "StateTransition", "us-east-1").orElseThrow();
 * }</pre>
 *
 * <p>A region without its own price for a usage type is priced as {@link #FALLBACK_REGION}.
 * Instances are immutable.
 */
public final class PriceCatalogue {

  /** The resource the default catalogue is read from. */
  public static final String RESOURCE = "/dev/statelab/cost/prices.json";

  /** The region whose prices stand in for regions the catalogue does not list. */
  public static final String FALLBACK_REGION = "us-east-1";

  private static volatile PriceCatalogue defaults;

  private final String date;
  private final String currency;
  private final Map<String, Price> prices;

  private PriceCatalogue(String date, String currency, Map<String, Price> prices) {
    this.date = date;
    this.currency = currency;
    this.prices = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(prices));
  }

  /** The catalogue shipped with StateLab. */
  public static PriceCatalogue defaults() {
    PriceCatalogue d = defaults;
    if (d == null) {
      try (InputStream in = PriceCatalogue.class.getResourceAsStream(RESOURCE)) {
        if (in == null) {
          throw new IllegalStateException("Missing resource " + RESOURCE);
        }
        d = parse(Json.parse(new String(in.readAllBytes(), StandardCharsets.UTF_8)));
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
      defaults = d;
    }
    return d;
  }

  /** A catalogue read from a JSON file, replacing the defaults entirely. */
  public static PriceCatalogue load(Path file) {
    return parse(read(file));
  }

  /** A catalogue from its JSON form. */
  public static PriceCatalogue parse(JsonNode json) {
    Map<String, Price> out = new LinkedHashMap<>();
    for (JsonNode p : json.path("prices")) {
      Price price = price(p, null);
      out.put(price.id(), price);
    }
    return new PriceCatalogue(json.path("date").asText(""), json.path("currency").asText("USD"), out);
  }

  /** This catalogue with the prices of an override file merged in by id. */
  public PriceCatalogue withOverrides(Path file) {
    return withOverrides(read(file));
  }

  /** This catalogue with the prices of an override document ({@code {"prices": [...]}}) merged in by id. */
  public PriceCatalogue withOverrides(JsonNode json) {
    Map<String, Price> out = new LinkedHashMap<>(prices);
    for (JsonNode p : json.path("prices")) {
      String id = p.path("id").asText(null);
      if (id == null) {
        throw new IllegalArgumentException("An override price has no id: " + p);
      }
      out.put(id, price(p, prices.get(id)));
    }
    String newDate = json.hasNonNull("date") ? json.get("date").asText() : date;
    return new PriceCatalogue(newDate, currency, out);
  }

  /** This catalogue with one price added or replaced (by id). */
  public PriceCatalogue with(Price price) {
    Map<String, Price> out = new LinkedHashMap<>(prices);
    out.put(price.id(), price);
    return new PriceCatalogue(date, currency, out);
  }

  /** This catalogue with one price's amount replaced (its tiers dropped). */
  public PriceCatalogue withAmount(String id, BigDecimal amount) {
    return with(require(id).withAmount(amount));
  }

  /** The catalogue's date: when its figures were last checked. */
  public String date() {
    return date;
  }

  /** The currency of every amount ({@code USD}). */
  public String currency() {
    return currency;
  }

  /** Every price, in file order. */
  public Collection<Price> prices() {
    return prices.values();
  }

  /** The price with this id, if any. */
  public Optional<Price> byId(String id) {
    return Optional.ofNullable(prices.get(id));
  }

  /** The price with this id. @throws IllegalArgumentException when there is none */
  public Price require(String id) {
    Price p = prices.get(id);
    if (p == null) {
      throw new IllegalArgumentException("No price " + id);
    }
    return p;
  }

  /** The price of a service's usage type in a region, else in {@link #FALLBACK_REGION}. */
  public Optional<Price> find(String service, String usageType, String region) {
    Price fallback = null;
    for (Price p : prices.values()) {
      if (p.service().equals(service) && p.usageType().equals(usageType)) {
        if (p.region().equals(region)) {
          return Optional.of(p);
        }
        if (p.region().equals(FALLBACK_REGION)) {
          fallback = p;
        }
      }
    }
    return Optional.ofNullable(fallback);
  }

  /** The catalogue as JSON, in the format it loads from. */
  public ObjectNode toJson() {
    ObjectNode root = Json.object();
    root.put("date", date);
    root.put("currency", currency);
    ArrayNode arr = root.putArray("prices");
    prices.values().forEach(p -> arr.add(toJson(p)));
    return root;
  }

  /** One price as JSON: {@code {id, service, usageType, unit, region, amount, tiers?, freeTier?, source, date, note}}. */
  public static ObjectNode toJson(Price p) {
    ObjectNode o = Json.object();
    o.put("id", p.id());
    o.put("service", p.service());
    o.put("usageType", p.usageType());
    o.put("unit", p.unit());
    o.put("region", p.region());
    o.put("amount", p.amount().toPlainString());
    if (!p.tiers().isEmpty()) {
      ArrayNode tiers = o.putArray("tiers");
      for (Price.Tier t : p.tiers()) {
        ObjectNode to = tiers.addObject();
        if (t.upTo() != null) {
          to.put("upTo", t.upTo().toPlainString());
        }
        to.put("amount", t.amount().toPlainString());
      }
    }
    if (p.freeTier().signum() > 0) {
      o.put("freeTier", p.freeTier().toPlainString());
    }
    o.put("source", p.source());
    o.put("date", p.date());
    o.put("note", p.note());
    return o;
  }

  private static JsonNode read(Path file) {
    Objects.requireNonNull(file, "file");
    try {
      return Json.parse(Files.readString(file));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** A price from JSON; fields missing from {@code json} come from {@code base} when given. */
  private static Price price(JsonNode json, Price base) {
    ObjectNode merged = base == null ? Json.object() : toJson(base);
    if (base != null && json.has("amount") && !json.has("tiers")) {
      merged.remove("tiers");
    }
    for (Iterator<Map.Entry<String, JsonNode>> it = json.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> e = it.next();
      merged.set(e.getKey(), e.getValue());
    }
    List<Price.Tier> tiers = new ArrayList<>();
    for (JsonNode t : merged.path("tiers")) {
      tiers.add(new Price.Tier(t.hasNonNull("upTo") ? decimal(t.get("upTo")) : null, decimal(t.get("amount"))));
    }
    for (String field : List.of("id", "service", "usageType", "unit", "region", "amount", "source", "date")) {
      if (!merged.hasNonNull(field)) {
        throw new IllegalArgumentException("Price " + merged.path("id").asText("?") + " has no " + field);
      }
    }
    return new Price(merged.get("id").asText(), merged.get("service").asText(), merged.get("usageType").asText(),
        merged.get("unit").asText(), merged.get("region").asText(), decimal(merged.get("amount")), tiers,
        merged.hasNonNull("freeTier") ? decimal(merged.get("freeTier")) : BigDecimal.ZERO,
        merged.get("source").asText(), merged.get("date").asText(), merged.path("note").asText(""));
  }

  private static BigDecimal decimal(JsonNode n) {
    if (n == null || n.isNull()) {
      throw new IllegalArgumentException("Missing amount");
    }
    return n.isNumber() ? n.decimalValue() : new BigDecimal(n.asText());
  }
}
