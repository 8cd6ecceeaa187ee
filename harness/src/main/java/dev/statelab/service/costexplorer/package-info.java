/**
 * The AWS Cost Explorer stand-in: {@code GetCostAndUsage} and {@code GetDimensionValues}
 * ({@code awsJson1_1}, target prefix {@code AWSInsightsIndexService}, signing name {@code ce}),
 * answered from the world's {@link dev.statelab.cost.UsageLedger} priced by a {@link
 * dev.statelab.cost.PriceCatalogue}. Each request is itself metered at the catalogue's
 * {@code APIRequest} price ($0.01).
 */
package dev.statelab.service.costexplorer;
