package io.registryguard.gateway.simulator;

/**
 * Who a simulated client looks like to the gateway.
 *
 * @param address        the client address (sent in {@code X-Forwarded-For}; loopback is the trusted proxy)
 * @param userAgent      the {@code User-Agent}
 * @param acceptLanguage the {@code Accept-Language} of a browser
 * @param browser        whether the client sends the headers a browser sends with a form ({@code Origin},
 *                       {@code Sec-Fetch-*}, {@code Accept-Language}); scripts usually do not
 */
record ClientProfile(String address, String userAgent, String acceptLanguage, boolean browser) {

    ClientProfile withAddress(String value) {
        return new ClientProfile(value, userAgent, acceptLanguage, browser);
    }

    ClientProfile withUserAgent(String value) {
        return new ClientProfile(address, value, acceptLanguage, browser);
    }
}
