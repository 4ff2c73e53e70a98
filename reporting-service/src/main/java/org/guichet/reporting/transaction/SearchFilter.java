package org.guichet.reporting.transaction;

import jakarta.ws.rs.QueryParam;

/** The filters every transaction search takes from its query string (listing and exports alike). */
public class SearchFilter {
    @QueryParam("q")
    String q;
    @QueryParam("regie")
    String regie;
    @QueryParam("status")
    String status;
    @QueryParam("gateway")
    String gateway;
    @QueryParam("from")
    String from;
    @QueryParam("to")
    String to;
    @QueryParam("minAmount")
    Long minAmount;
    @QueryParam("maxAmount")
    Long maxAmount;
    @QueryParam("sort")
    String sort;

    /** The checked search of the caller's institution, from {@code after} (null: from the start). */
    TransactionQuery query(String tenant, String after) {
        return TransactionQuery.parse(tenant, q, regie, status, gateway, from, to, minAmount, maxAmount, sort, after);
    }
}
