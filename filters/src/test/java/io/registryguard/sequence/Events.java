package io.registryguard.sequence;

import java.time.Instant;

import io.registryguard.sequence.SensitiveEvent.Kind;

/** Short ways to write the events of a test's story. */
final class Events {

    private Events() {
    }

    static SensitiveEvent invite(Instant at, String inviter, String project, String invitee) {
        return new SensitiveEvent(at, inviter, Kind.INVITE, project, invitee, "Owner");
    }

    static SensitiveEvent accept(Instant at, String invitee) {
        return new SensitiveEvent(at, invitee, Kind.INVITE_ACCEPTED, null, null, null);
    }

    /** A removal as Warehouse's form tells it: the confirmed name, never the role. */
    static SensitiveEvent removal(Instant at, String remover, String project, String removed) {
        return new SensitiveEvent(at, remover, Kind.ROLE_REMOVED, project, removed, null);
    }

    /** A role change as Warehouse's form tells it: the new role, never the account. */
    static SensitiveEvent change(Instant at, String changer, String project, String newRole) {
        return new SensitiveEvent(at, changer, Kind.ROLE_CHANGED, project, null, newRole);
    }

    static SensitiveEvent deletion(Instant at, String account) {
        return new SensitiveEvent(at, account, Kind.ACCOUNT_DELETED, null, null, null);
    }
}
