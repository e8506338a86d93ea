/**
 * Mail: the gateway's one {@link io.registryguard.email.EmailSender} bean (inject it by that type).
 *
 * <ul>
 *   <li><b>SMTP</b> (no {@code demo} profile, {@code spring.mail.host} set): Spring Boot's
 *       {@code JavaMailSender}; the blocking SMTP exchange runs on {@code Schedulers.boundedElastic()}.
 *       Failures are {@link io.registryguard.email.EmailSendException} ("try again later") and one WARN line
 *       with the masked recipient and the cause, never the text. Socket timeouts default to 5 s connect,
 *       10 s read and write where {@code spring.mail.properties.mail.smtp.*} sets none (Jakarta Mail's own
 *       default is to wait forever).</li>
 *   <li><b>No SMTP server</b> (no {@code demo} profile, no {@code spring.mail.host}): a sender whose every
 *       send fails naming {@code SPRING_MAIL_HOST}; a WARN at start-up says codes cannot be sent.</li>
 *   <li><b>Dev mailbox</b> (profile {@code demo}, whatever {@code spring.mail.*} says): mail is kept in
 *       memory (last 50) and listed at {@code GET /_guard/dev/mailbox}, a self-contained, escaped,
 *       {@code no-store} page. Neither exists without the profile.</li>
 * </ul>
 *
 * Configuration: {@code guard.mail.from} ({@code GUARD_MAIL_FROM}, default {@code registry-guard@localhost});
 * the server is Spring Boot's own {@code spring.mail.host}, {@code .port}, {@code .username},
 * {@code .password} ({@code SPRING_MAIL_HOST}, {@code SPRING_MAIL_PORT}, {@code SPRING_MAIL_USERNAME},
 * {@code SPRING_MAIL_PASSWORD}) and {@code spring.mail.properties.*} for Jakarta Mail (STARTTLS:
 * {@code spring.mail.properties.mail.smtp.starttls.enable=true}, {@code .required=true}).
 */
package io.registryguard.gateway.mail;
