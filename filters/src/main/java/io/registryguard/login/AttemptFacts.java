package io.registryguard.login;

import java.time.Instant;

import io.registryguard.clientip.ClientAddress;
import io.registryguard.policy.RouteClass;
import io.registryguard.policy.Subnets;
import io.registryguard.risk.LoginAttempt;
import io.registryguard.risk.LoginChannel;
import org.springframework.http.HttpHeaders;
import org.springframework.web.server.ServerWebExchange;

/** What the risk signals get to see of one login attempt: the client, its headers, the account, a password hash. */
final class AttemptFacts {

    private AttemptFacts() {
    }

    /** Null when the attempt names no account: nothing to score (an API token, the registry's own 2FA form). */
    static LoginAttempt of(ServerWebExchange exchange, RouteClass routeClass, AttemptCredential credential,
            Subnets subnets, Instant time) {
        if (credential.username() == null) {
            return null;
        }
        ClientAddress client = ClientAddress.of(exchange);
        HttpHeaders headers = exchange.getRequest().getHeaders();
        return new LoginAttempt(time, client.text(), subnets.of(client.address()), credential.username(),
                routeClass == RouteClass.LOGIN ? LoginChannel.BROWSER : LoginChannel.API,
                headers.getFirst(HttpHeaders.USER_AGENT), headers.getFirst(HttpHeaders.ORIGIN),
                headers.getFirst("Sec-Fetch-Site"), headers.getFirst("Sec-Fetch-Mode"),
                headers.getFirst(HttpHeaders.ACCEPT_LANGUAGE), credential.passwordSha1());
    }
}
