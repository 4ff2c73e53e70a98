package org.guichet.cart.regie;

import java.util.List;

public record RegieView(String code, String name, String accountingCode, String cartMode, List<String> agents) {
    public static RegieView of(Regie r) {
        return new RegieView(r.code, r.name, r.accountingCode, r.cartMode.name(), r.agentList());
    }
}
