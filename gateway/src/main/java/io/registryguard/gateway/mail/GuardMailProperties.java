package io.registryguard.gateway.mail;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * The gateway's mail settings, under {@code guard.mail.*}. The SMTP server itself is Spring Boot's
 * {@code spring.mail.*} ({@code SPRING_MAIL_HOST}, {@code SPRING_MAIL_PORT}, {@code SPRING_MAIL_USERNAME},
 * {@code SPRING_MAIL_PASSWORD}), so its password never passes through this record.
 *
 * @param from the sender address of every mail ({@code GUARD_MAIL_FROM})
 */
@ConfigurationProperties("guard.mail")
@Validated
public record GuardMailProperties(@DefaultValue("registry-guard@localhost") @NotBlank @Email String from) {
}
