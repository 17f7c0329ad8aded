/**
 * Performance audits: rules written the way a product owner reads them ({@code recall >= 0.90 for
 * every accent with n >= 50}), checked against predictions into a pass/fail table with evidence and
 * failing examples; {@link dev.errata.audit.AuditMain} runs the same audit in CI.
 */
package dev.errata.audit;
