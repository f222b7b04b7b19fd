package io.camaudit.intel.engine;

import java.util.List;

/**
 * One reason a resolution says what it says: a brand name matched, a model grammar, a MAC block,
 * an administrator's confirmed mapping, or a conflict or lead that needs a person to look.
 */
public record Evidence(Kind kind, String text, List<String> sources) {

    public enum Kind {
        BRAND,
        MODEL,
        MAC,
        LOCAL,
        LEAD,
        CONFLICT,
        NONE
    }
}
