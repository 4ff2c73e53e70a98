package org.guichet.billing.account;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

import java.time.LocalDate;

/** An account as the library system or an agent registers it; a proxy names its principal (R9). */
public record AccountRequest(@NotBlank @Size(max = 100) String accountId,
                             @NotBlank @Size(max = 300) String name,
                             @Size(max = 100) String city,
                             @Size(max = 20) String postalCode,
                             @Size(max = 40) String phone,
                             @Email @Size(max = 300) String email,
                             @Size(max = 10) String language,
                             @Size(max = 50) String patronType,
                             LocalDate registrationValidUntil,
                             @Size(max = 100) String principalAccountId) {
}
