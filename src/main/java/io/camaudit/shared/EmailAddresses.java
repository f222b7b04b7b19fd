package io.camaudit.shared;

import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/** The one check the service makes of an email address it will write to: one @, a dotted domain, no spaces. */
public final class EmailAddresses {

    private static final Pattern SHAPE = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");
    public static final String FORMAT = "Enter an email address in the correct format, like name@example.com";

    private EmailAddresses() {}

    public static boolean looksValid(@Nullable String address) {
        return address != null
                && address.length() <= 320
                && SHAPE.matcher(address).matches();
    }
}
