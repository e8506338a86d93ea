package io.registryguard.login;

import java.util.LinkedHashMap;
import java.util.Map;

import io.registryguard.risk.RiskAssessment;

/** The risk part of a login's audit event: the score, the action and the reasons, when there were any. */
final class RiskDetails {

    private RiskDetails() {
    }

    static Map<String, String> of(RiskAssessment assessment, Map<String, String> others) {
        if (assessment.reasons().isEmpty()) {
            return others;
        }
        Map<String, String> details = new LinkedHashMap<>(others);
        details.put("risk-score", String.valueOf(assessment.score()));
        details.put("risk-action", assessment.action().name().toLowerCase(java.util.Locale.ROOT).replace('_', '-'));
        details.put("risk-reasons", String.join(",", assessment.reasonIds()));
        return details;
    }
}
