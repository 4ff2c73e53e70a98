package org.guichet.cart.regie;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import java.util.List;

public record RegieRequest(@NotBlank @Size(max = 200) String name, @Size(max = 50) String accountingCode,
                           @NotNull CartMode cartMode, @NotNull @Size(max = 20) List<@NotBlank @Email String> agents) {
}
