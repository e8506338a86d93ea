package io.registryguard.policy;

import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * Finds rules that match exactly the same requests: methods overlap, the paths have the same shape and the
 * form-field and header conditions are equal. Such a pair is a copy-paste slip or an edit that missed its
 * twin; which one applies would depend on class precedence, not on what the operator meant.
 */
final class RouteConflicts {

    private RouteConflicts() {
    }

    static void report(List<LocatedRule> rules, boolean caseInsensitive, Problems problems) {
        for (int j = 1; j < rules.size(); j++) {
            for (int i = 0; i < j; i++) {
                LocatedRule first = rules.get(i);
                LocatedRule second = rules.get(j);
                Set<String> methods = overlap(first.rule().methods(), second.rule().methods());
                if (!methods.isEmpty() && sameRequests(first.rule(), second.rule(), caseInsensitive)) {
                    problems.add(second.line(), "routes." + second.rule().name(), "matches the same requests as routes."
                            + first.rule().name() + " (line " + first.line() + "): " + String.join(", ", methods)
                            + " " + first.rule().path().shape(caseInsensitive) + " with the same form-fields and headers;"
                            + " remove one, or make them differ by methods, path, form-fields or headers");
                }
            }
        }
    }

    private static boolean sameRequests(RouteRule a, RouteRule b, boolean caseInsensitive) {
        return a.path().shape(caseInsensitive).equals(b.path().shape(caseInsensitive))
                && a.formFields().equals(b.formFields())
                && a.headers().equals(b.headers());
    }

    private static Set<String> overlap(Set<String> a, Set<String> b) {
        Set<String> both = new TreeSet<>(a);
        both.retainAll(b);
        return both;
    }
}
