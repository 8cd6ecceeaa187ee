/**
 * The JSONata query language of the Amazon States Language, as AWS Step Functions runs it.
 *
 * <p>{@link dev.statelab.asl.jsonata.JsonataTemplate} compiles a field's value (whose strings may
 * be {@code "{% expression %}"}) once, and evaluates it against {@link
 * dev.statelab.asl.jsonata.JsonataBindings} ({@code $states}, workflow variables, randomness,
 * clock). Failures are {@code States.QueryEvaluationError}s with AWS's cause texts, built by {@link
 * dev.statelab.asl.jsonata.JsonataErrors}. Evaluation is done by com.dashjoin.jsonata, with the
 * functions Step Functions adds ({@code $partition}, {@code $range}, {@code $hash}, {@code
 * $random}, {@code $uuid}, {@code $parse}) and its error messages worded as jsonata-js words them.
 */
package dev.statelab.asl.jsonata;
