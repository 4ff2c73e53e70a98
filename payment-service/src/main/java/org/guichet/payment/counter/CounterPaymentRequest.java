package org.guichet.payment.counter;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;
import org.guichet.platform.money.Money;

import java.util.List;

/**
 * Money taken at the counter (R4, R24): for an account (oldest bills first), for the bills
 * selected, or as a deposit on its prepaid credit (R14); {@code institution} names another institution of the group whose bills are paid (R10).
 * {@code mode} is one of the codes the account's institution configures; its kind says what else is needed:
 * cash what was tendered, a cheque its number and bank, a reference mode (card terminal, bank transfer) its
 * {@code reference}.
 */
public record CounterPaymentRequest(@NotBlank @Size(max = 100) String accountId,
                                    @Size(max = 100) String institution,
                                    @Size(max = 100) List<@NotBlank String> invoiceIds,
                                    @NotNull @Positive @Max(Money.MAX_AMOUNT) Long amount,
                                    @NotBlank @Size(max = 30) String mode,
                                    @PositiveOrZero @Max(Money.MAX_AMOUNT) Long tendered,
                                    @Valid Cheque cheque,
                                    Boolean deposit,
                                    @Size(max = 100) String reference) {

    /** The money goes on the account's prepaid credit (R14) instead of paying bills. */
    public boolean isDeposit() {
        return Boolean.TRUE.equals(deposit);
    }

    public record Cheque(@NotBlank @Size(max = 50) String number, @NotBlank @Size(max = 200) String bank) {
    }
}
