/**
 * Sequence rules: a sensitive action judged by what came before it. Nov 2023: with only a password, an attacker
 * created a fresh account (08:42:33), invited it from the victim to four projects (08:44:55), accepted (08:47:25),
 * removed the owner (08:47:35) and deleted the victim's account (08:50:27). Each step alone looks like an owner
 * managing a project; the order and the pace do not.
 *
 * <p><b>Events.</b> {@link io.registryguard.sequence.WarehouseEvents#from} maps a classified request to a
 * {@link io.registryguard.sequence.SensitiveEvent} (and says what a request cannot tell). The gateway remembers
 * the events it forwarded in a {@link io.registryguard.sequence.SequenceHistory}, per account (what it did, what
 * was done to it) and per project, for the longest window of the rules: in memory, or in Redis as one sorted set
 * per history ({@code guard:{account}:seq}, {@code guard:project:{project}:seq}; score epoch ms).
 *
 * <p><b>Rules</b>, thresholds and actions from the policy's {@code sequence-rules}
 * ({@link io.registryguard.policy.SequencePolicy}):
 * <ul>
 * <li>{@code owner-removal-after-invite}: removing an Owner (or demoting one) on a project within 24h of an invite
 *     to it of an account younger than 7 days, by its sender or its receiver. Deny.</li>
 * <li>{@code account-deletion-after-role-loss}: deleting an account within 24h of it losing a project role.
 *     Deny.</li>
 * <li>{@code invite-burst}: one account inviting to 3 projects within an hour. Require a step-up for that very
 *     action.</li>
 * </ul>
 * {@link io.registryguard.sequence.SequenceRules#evaluate} answers a
 * {@link io.registryguard.sequence.SequenceDecision} with the rule's name and reasons in words, for the audit trail
 * and the email to the account's owner. Account ages come from {@link io.registryguard.sequence.AccountAges}; the
 * registry does not publish them yet, so by default every invitee's age is unknown and counts as young.
 */
package io.registryguard.sequence;
