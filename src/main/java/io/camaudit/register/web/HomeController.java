package io.camaudit.register.web;

import io.camaudit.register.Register;
import io.camaudit.shared.Viewer;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/** The overview: how big the register is, for what the viewer may see. */
@Controller
class HomeController {

    private final Register register;

    HomeController(Register register) {
        this.register = register;
    }

    @GetMapping("/")
    @PreAuthorize("isAuthenticated()")
    String home(Viewer viewer, Model model) {
        model.addAttribute("organisationCount", register.organisations(viewer).size());
        model.addAttribute("deviceCount", register.deviceCount(viewer));
        model.addAttribute("inService", register.inServiceCount(viewer));
        if (!viewer.seesEverything()) {
            model.addAttribute("organisation", register.organisation(viewer, viewer.organisationId()));
        }
        return "home";
    }
}
