package dev.statelab.reports.data;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;

/**
 * The chaos sweep ({@code chaos.json}): one cell per fault rate, retry policy, jitter and seed.
 *
 * @param cells the cells in file order
 */
public record ChaosData(List<Cell> cells) {

  /**
   * One cell of the sweep. Missing numbers are NaN.
   *
   * @param faultRate the injected fault probability, 0..1
   * @param retryPolicy the retry policy's name
   * @param jitter the jitter strategy (FULL/NONE, or true/false as text)
   * @param seed the world seed
   * @param successRate the fraction of executions that succeeded, 0..1
   * @param attempts task attempts (per execution when the file says so)
   * @param latencyP50 median execution latency, virtual ms
   * @param latencyP90 90th percentile latency, virtual ms
   * @param latencyP99 99th percentile latency, virtual ms
   * @param transitions billed state transitions
   * @param cost cost in USD
   */
  public record Cell(
      double faultRate,
      String retryPolicy,
      String jitter,
      String seed,
      double successRate,
      double attempts,
      double latencyP50,
      double latencyP90,
      double latencyP99,
      double transitions,
      double cost) {

    /** The series this cell belongs to: retry policy, plus the jitter when one is given. */
    public String series() {
      return jitter.isEmpty() ? retryPolicy : retryPolicy + " / jitter " + jitter;
    }
  }

  /**
   * Reads {@code chaos.json}: an array of cells, or an object with the cells under
   * {@code cells}, {@code results} or {@code points}. Latencies may be flat
   * ({@code latencyP50}) or nested ({@code latency}, {@code latencyMs} or {@code latencyMillis}: {p50, p90, p99}); a success rate over 1 is
   * taken as a percentage.
   */
  public static ChaosData from(JsonNode root) {
    return new ChaosData(Fields.list(root, ChaosData::cell, "cells", "results", "points"));
  }

  private static Cell cell(JsonNode c) {
    JsonNode latency = Fields.first(c, "latency", "latencyMs", "latencyMillis");
    double success = Fields.number(c, "successRate", "success");
    if (success > 1) {
      success = success / 100;
    }
    return new Cell(
        Fields.number(c, "faultRate", "failureRate"),
        Fields.text(c, "default", "retryPolicy", "policy"),
        Fields.text(c, "", "jitter", "jitterStrategy"),
        Fields.text(c, "", "seed"),
        success,
        Fields.number(c, "attempts", "attemptsPerExecution"),
        pick(c, latency, "latencyP50", "p50"),
        pick(c, latency, "latencyP90", "p90"),
        pick(c, latency, "latencyP99", "p99"),
        Fields.number(c, "transitions"),
        Fields.number(c, "cost", "costUsd", "totalCost"));
  }

  private static double pick(JsonNode cell, JsonNode latency, String flat, String nested) {
    double v = Fields.number(cell, flat, flat + "Ms");
    return Double.isNaN(v) ? Fields.number(latency, nested) : v;
  }
}
