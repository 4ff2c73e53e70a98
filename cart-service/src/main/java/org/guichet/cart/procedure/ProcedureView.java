package org.guichet.cart.procedure;

import java.time.LocalDate;
import java.util.List;

public record ProcedureView(String code, String regie, String title, String currency, long basePrice,
                            List<Criterion> criteria, LocalDate validFrom, LocalDate validUntil) {
    static ProcedureView of(Procedure p) {
        return new ProcedureView(p.code, p.regie, p.title, p.currency, p.basePrice, p.criterionList(), p.validFrom,
                p.validUntil);
    }
}
