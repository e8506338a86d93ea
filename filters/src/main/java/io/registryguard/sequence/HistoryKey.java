package io.registryguard.sequence;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/** Whose history to read: one account's, or one project's. Names are canonical, as in {@link SensitiveEvent}. */
public sealed interface HistoryKey permits HistoryKey.ByAccount, HistoryKey.ByProject {

    /** What the account did, and what was done to it (it was the target). */
    record ByAccount(String account) implements HistoryKey {

        public ByAccount {
            account = SensitiveEvent.account(Objects.requireNonNull(account, "account"), "account");
        }
    }

    /** What was done on the project. */
    record ByProject(String project) implements HistoryKey {

        public ByProject {
            project = SensitiveEvent.project(Objects.requireNonNull(project, "project"));
        }
    }

    /** Every history the event belongs to: its actor's, its target's (when another account) and its project's. */
    static List<HistoryKey> of(SensitiveEvent event) {
        List<HistoryKey> keys = new ArrayList<>(3);
        keys.add(new ByAccount(event.actor()));
        if (event.target() != null && !event.target().equals(event.actor())) {
            keys.add(new ByAccount(event.target()));
        }
        if (event.project() != null) {
            keys.add(new ByProject(event.project()));
        }
        return keys;
    }
}
