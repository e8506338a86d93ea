package io.registryguard.risk;

import java.util.Locale;

/**
 * A coarse family of a user agent ({@code firefox}, {@code chrome}, {@code pip}, …): versions change every few
 * weeks, the family of a user's client rarely does.
 */
final class UserAgentFamily {

    private UserAgentFamily() {
    }

    static String of(String userAgent) {
        String agent = userAgent == null ? "" : userAgent.strip().toLowerCase(Locale.ROOT);
        if (agent.isEmpty()) {
            return "none";
        }
        if (agent.startsWith("mozilla/")) {
            // Order matters: Edge and Opera also say Chrome, Chrome also says Safari.
            for (String family : new String[] { "edg/", "opr/", "firefox/", "chrome/", "safari/" }) {
                if (agent.contains(family)) {
                    return family.substring(0, family.length() - 1);
                }
            }
            return "browser";
        }
        int end = 0;
        while (end < agent.length() && agent.charAt(end) != '/' && agent.charAt(end) != ' ') {
            end++;
        }
        return agent.substring(0, Math.min(end, 40));
    }
}
