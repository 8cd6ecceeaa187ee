package dev.statelab.asl.model;

/**
 * What every state has.
 *
 * @param name the state's name
 * @param type the ASL type name ({@code Pass}, {@code Task}, ...)
 * @param location the state's JSON Pointer ({@code /States/Fetch})
 * @param queryLanguage the effective query language
 * @param transition where it goes on success; null for Choice, Succeed and Fail
 * @param io input and output processing
 * @param assign the Assign block, or null
 */
public record StateCommon(
    String name, String type, String location, QueryLanguage queryLanguage, Transition transition, Io io, Assignment assign) {}
