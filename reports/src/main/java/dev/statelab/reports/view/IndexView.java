package dev.statelab.reports.view;

import java.util.List;

/**
 * The index page's content.
 *
 * @param generatedAt when the report was generated (wall clock)
 * @param dataDir the data folder read
 * @param executions one row per execution page
 * @param sections the other pages and what they hold
 */
public record IndexView(String generatedAt, String dataDir, List<ExecutionRow> executions, List<Section> sections) {

  /**
   * One execution in the summary.
   *
   * @param scenario the scenario
   * @param href its page
   * @param type STANDARD or EXPRESS
   * @param status the final status
   * @param duration the virtual duration
   * @param transitions billed transitions
   * @param statesEntered state entries
   * @param incidents retries and catches in words
   * @param standardCost the run's cost as Standard
   * @param expressCost the run's cost as Express
   */
  public record ExecutionRow(String scenario, String href, String type, String status, String duration,
      String transitions, int statesEntered, String incidents, String standardCost, String expressCost) {}

  /**
   * A page other than the executions.
   *
   * @param title the page's name
   * @param href its address, empty when the data is absent
   * @param summary what it holds, or why it is absent
   */
  public record Section(String title, String href, String summary) {}
}
