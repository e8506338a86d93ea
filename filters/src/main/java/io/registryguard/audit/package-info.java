/**
 * The audit trail: every login outcome, factor event, step-up, sensitive action and admin action as an
 * {@link io.registryguard.audit.AuditEvent} (time, account, client address, user agent, route class, path without
 * the query, type, decision, reasons, details), kept by an {@link io.registryguard.audit.AuditTrail} after the
 * registry has deleted the account (Nov 2023: the deleted account took the evidence with it).
 *
 * <p>Each recorded event is one JSON line on the logger {@code registryguard.audit}, then a stored copy: a ring of
 * the newest 10,000 in memory ({@link io.registryguard.audit.InMemoryAuditTrail}), or the Redis stream
 * {@code guard:audit} trimmed to about 1,000,000 ({@link io.registryguard.audit.RedisAuditTrail}). Recording never
 * fails the request it audits. Queries filter by account, address and time window, newest first, at most 1,000.
 */
package io.registryguard.audit;
