package org.guichet.web.counter;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The bill table's column choice is remembered in the table's order; nonsense falls back to the default set. */
class BillColumnsTest {

    @Test
    void the_chosen_columns_are_remembered_in_the_tables_order() {
        assertEquals("number.title.amount", BillColumns.cookieValue(List.of("amount", "title", "number", "bogus")));
        assertEquals(List.of("number", "title", "amount"), BillColumns.chosen("amount.title.number"));
        assertEquals(BillColumns.DEFAULT, BillColumns.chosen("nothing.we.know"));
        assertEquals(BillColumns.DEFAULT, BillColumns.chosen(null));
    }
}
