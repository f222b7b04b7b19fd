package io.camaudit.intel.web;

import io.camaudit.intel.Intel;
import io.camaudit.intel.engine.Company;
import io.camaudit.intel.engine.Listing;
import org.springframework.stereotype.Component;

/** Names for the ids the intel uses, for templates ({@code @intelNames.company(id)}). */
@Component("intelNames")
public class IntelNames {

    private final Intel intel;

    IntelNames(Intel intel) {
        this.intel = intel;
    }

    public String company(String id) {
        return intel.bundle().company(id).map(Company::name).orElse(id);
    }

    public String listing(String id) {
        return intel.bundle().listing(id).map(Listing::name).orElse(id);
    }

    public java.util.List<Listing> listings() {
        return intel.bundle().listings();
    }
}
