/**
 * Email proof before enrolling a second factor: one-time codes sent to the address on file.
 *
 * <p>Why: in March/April 2024 attackers logged into ~170 PyPI accounts without 2FA with leaked passwords and
 * enrolled <em>their own</em> second factor. So an account with no factor proves control of its email
 * before it may enroll one: the gateway mails a code to the address on file and shows enrollment only once
 * the code comes back.
 *
 * <h2>Using it (the login/enrollment flow)</h2>
 * <pre>{@code
 * EmailVerification codes = EmailVerification.create(EmailCodeSettings.defaults(),
 *         new InMemoryEmailCodeStore(clock), hashKey, clock);
 * EmailCodeDelivery delivery = new EmailCodeDelivery(directory, codes, emailSender);
 *
 * // "Send me a code" (after your own send rate limit said yes):
 * delivery.send(account, CodePurpose.ENROLL)          // Mono<Optional<Sent>>
 *   // Optional.of(sent): "we sent a code to " + sent.maskedAddress()
 *   // Optional.empty():  no address on file: refuse enrollment, "contact the operators"
 *   // AccountDirectoryException / EmailSendException: "try again later"
 *
 * // The user typed a code:
 * codes.check(account, CodePurpose.ENROLL, typed)     // Mono<CheckResult>
 *   // ACCEPTED: show enrollment (the code is used up)
 *   // WRONG: "wrong code", result.triesLeft() more tries (0: ask for a new code)
 *   // EXPIRED_OR_BURNED, NONE: "ask for a new code"
 * }</pre>
 * Parts, for callers that need them separately: {@link io.registryguard.email.EmailVerification#issue}
 * (a code and its expiry, replacing any earlier one), {@link io.registryguard.email.CodeMessage} (the mail's
 * subject and text), {@link io.registryguard.email.AccountDirectory}, {@link io.registryguard.email.EmailSender}.
 *
 * <h2>Codes</h2>
 * 8 random digits ({@code SecureRandom} DRBG; 6 to 8 configurable), valid 10 minutes, burned after 5 checks,
 * accepted once, bound to (account, {@link io.registryguard.email.CodePurpose purpose}): a code for
 * {@code enroll} never satisfies {@code step-up}. Accounts are case-folded, as Warehouse's usernames are
 * unique regardless of case. The store keeps only HMAC-SHA-256(server key, account, purpose, code): 10^8
 * codes are enumerated offline in seconds, so a plain hash would protect nothing if the store leaked; with
 * a key held outside the store it does. Every replica sharing a store needs the same key. Comparison is
 * constant-time ({@code MessageDigest.isEqual}). An expired code is remembered for one more TTL so the user
 * hears "expired" rather than "no code".
 *
 * <h2>Stores</h2>
 * {@link io.registryguard.email.EmailCodeStore} has three operations, each one atomic Redis step (a script):
 * {@code put} (replace), {@code reserveTry} (use up a try, hand out the hash), {@code consume} (delete if
 * the hash is still the same). Key: {@code guard:{<account>}:email-code:<purpose>}, the account as hash
 * tag; layout in the interface's documentation. {@link io.registryguard.email.InMemoryEmailCodeStore}: one
 * node, bounded (100,000 codes by default), drops forgotten entries as it goes.
 *
 * <h2>Account directories</h2>
 * {@link io.registryguard.email.HttpAccountDirectory}: {@code GET} a registry-internal URL template with
 * {@code {username}} (percent-encoded as one path segment) and read the address at an RFC 6901 JSON pointer;
 * 404 is "no such account", anything unexpected is an {@link io.registryguard.email.AccountDirectoryException}.
 * {@link io.registryguard.email.YamlAccountDirectory}: a static file for the demo,
 * {@code accounts: {alice: alice@example.test}}, read once.
 *
 * <h2>Never logged</h2>
 * Codes and mail texts ({@code toString()} of {@link io.registryguard.email.Issued},
 * {@link io.registryguard.email.CodeMessage}, {@link io.registryguard.email.StoredCode} hides them), nor
 * addresses (log {@link io.registryguard.email.EmailAddresses#mask} instead).
 */
package io.registryguard.email;
