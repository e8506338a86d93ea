/**
 * Credential-stuffing risk: signals that look at populations (distinct usernames per address, failure ratios,
 * the global failure rate) and at the client (headers a browser always sends, scripted user agents, breached
 * passwords), combined by {@link io.registryguard.risk.RiskEngine} into a score and an action.
 *
 * <p>Why: in the 2024 stuffing incident the attackers used correct passwords at an ordinary rate from many
 * addresses, so per-IP, per-user and global counters saw nothing. Plain Java + Reactor, no Spring.
 */
package io.registryguard.risk;
