package org.guichet.billing.account;

import io.smallrye.mutiny.Uni;

import java.util.ArrayList;
import java.util.List;

/**
 * R9: an account with its proxy links. A principal and its proxies see each other's bills; only the
 * principal pays them. {@code members} are the principal and all its proxies.
 */
public record Family(String accountId, String principal, List<String> members, boolean collections) {

    public boolean isProxy() {
        return !principal.equals(accountId);
    }

    /** The family of an account (an unregistered account is a family of one). */
    public static Uni<Family> of(String tenant, String accountId) {
        return Account.<Account>find("tenant = ?1 and accountId = ?2", tenant, accountId).firstResult()
                .flatMap(account -> {
                    String principal = account == null || account.principalAccountId == null ? accountId
                            : account.principalAccountId;
                    return Account.<Account>list("tenant = ?1 and (accountId = ?2 or principalAccountId = ?2) "
                                    + "order by accountId", tenant, principal)
                            .map(linked -> {
                                List<String> members = new ArrayList<>();
                                members.add(principal);
                                boolean collections = false;
                                for (Account a : linked) {
                                    if (!a.accountId.equals(principal)) {
                                        members.add(a.accountId);
                                    } else {
                                        collections = a.collectionsSince != null;
                                    }
                                }
                                if (!members.contains(accountId)) {
                                    members.add(accountId);
                                }
                                return new Family(accountId, principal, List.copyOf(members), collections);
                            });
                });
    }
}
