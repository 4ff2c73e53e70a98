package org.guichet.billing.credit;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;
import org.guichet.platform.money.Money;

import java.util.List;

/**
 * Pay bills from the account's credit (R14): the selected bills, or all open ones oldest first;
 * the whole of what they owe (up to the credit) unless an amount is given.
 */
public record PayFromCreditRequest(@Size(max = 500) List<String> invoiceIds, @Positive @Max(Money.MAX_AMOUNT) Long amount) {
}
