/**
 * JSONPath-mode Choice rules of the Amazon States Language: parsing with AWS-shaped diagnostics
 * ({@link dev.statelab.asl.choice.ChoiceRuleParser}) and evaluation
 * ({@link dev.statelab.asl.choice.ChoiceRule#matches}).
 *
 * <p>Depends only on {@code dev.statelab.json}, {@code dev.statelab.asl.errors} and
 * {@code dev.statelab.asl.query}.
 */
package dev.statelab.asl.choice;
