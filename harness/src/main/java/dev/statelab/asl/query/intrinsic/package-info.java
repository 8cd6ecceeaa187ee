/**
 * The eighteen Amazon States Language intrinsic functions ({@code States.Format}, {@code
 * States.ArrayRange}, ...), parsed once at definition load and evaluated against a {@link
 * dev.statelab.asl.query.QueryScope}.
 *
 * <p>Entry points: {@link dev.statelab.asl.query.intrinsic.IntrinsicParser#looksLikeIntrinsic},
 * {@link dev.statelab.asl.query.intrinsic.IntrinsicParser#parse} (throws {@link
 * dev.statelab.asl.query.intrinsic.IntrinsicSyntaxException}, which the engine turns into AWS's
 * {@code SCHEMA_VALIDATION_FAILED: The value for the field '<key>.$' must be a valid JSONPath or a
 * valid intrinsic function call}) and {@link dev.statelab.asl.query.intrinsic.Intrinsic#evaluate}.
 *
 * <p>Runtime failures are {@link dev.statelab.asl.errors.StatesError}s named {@code
 * States.Runtime}, as real AWS reports them (the documented {@code States.IntrinsicFailure} is not
 * what AWS raises), with the cause AWS writes after the engine's {@code An error occurred while
 * executing the state ...} prefix:
 *
 * <ul>
 *   <li>a function given values it cannot take: {@code The function '<whole expression>' had the
 *       following error: Invalid arguments in States.<Name>};
 *   <li>a path argument that selects nothing: {@code The function '<whole expression>' had the
 *       following error: The JsonPath argument for the field '<path>' could not be found in the
 *       input '<state input, compact>'} (no field name is needed, so no separate exception);
 *   <li>a path indexing a non-array: the JSONPath library's message after {@code had the following
 *       error: }, as AWS passes it through.
 * </ul>
 *
 * <p>A variable path naming no visible variable propagates as {@link
 * dev.statelab.asl.query.UndefinedVariableException} for the engine to report.
 */
package dev.statelab.asl.query.intrinsic;
