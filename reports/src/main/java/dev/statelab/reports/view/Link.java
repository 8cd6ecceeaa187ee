package dev.statelab.reports.view;

/**
 * A navigation link.
 *
 * @param label the text
 * @param href the relative address
 * @param active true on the page it names
 */
public record Link(String label, String href, boolean active) {}
