package dev.statelab.reports.view;

import java.util.List;

/**
 * What every page shares: title, navigation and the inlined assets.
 *
 * @param title the page title
 * @param nav the navigation links
 * @param assets the CSS and scripts to inline
 * @param charts true when the page draws uPlot charts
 */
public record PageFrame(String title, List<Link> nav, Assets assets, boolean charts) {}
