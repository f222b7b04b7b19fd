package io.camaudit.diligence.web;

import io.camaudit.diligence.DiligenceViews.RequestDetail;
import io.camaudit.diligence.SupplierPortal;
import io.camaudit.shared.BadInputException;
import io.camaudit.shared.NotFoundException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The supplier portal: a supplier account's requests, one-time links, and answering one request.
 * The request pages are open at the URL level so that a link's holder, who has no account, can
 * reach them; each handler admits only a supplier account for that request's supplier, or a
 * session a one-time link for that request was used in.
 */
@Controller
class SupplierPortalController {

    /** The requests this browser session was let into by one-time links. */
    static final String GRANTS = "camaudit.diligence.grants";

    private final SupplierPortal portal;

    SupplierPortalController(SupplierPortal portal) {
        this.portal = portal;
    }

    @GetMapping("/supplier")
    @PreAuthorize("hasRole('SUPPLIER')")
    String home(HttpSession session, Model model) {
        model.addAttribute("requests", portal.requests(answerer(session)));
        return "supplier/home";
    }

    /** A one-time link's page: it is used only when the button is pressed (a mail scanner's visit does not use it). */
    @GetMapping("/respond/{token}")
    @PreAuthorize("permitAll()")
    String respond(@PathVariable String token, Model model) {
        model.addAttribute("token", token);
        return "supplier/respond";
    }

    @PostMapping("/respond/{token}")
    @PreAuthorize("permitAll()")
    String redeem(@PathVariable String token, HttpServletRequest request, Model model) {
        SupplierPortal.Redeemed redeemed = portal.redeem(token);
        if (redeemed.requestId() == null) {
            model.addAttribute("refusal", redeemed.refusal());
            return "supplier/link-refused";
        }
        HttpSession session = request.getSession(true);
        request.changeSessionId(); // the grant goes to a session id no one could have planted
        grants(session).add(redeemed.requestId());
        return "redirect:/supplier/requests/" + redeemed.requestId();
    }

    @GetMapping("/supplier/requests/{id}")
    @PreAuthorize("permitAll()")
    String request(@PathVariable long id, HttpSession session, Model model) {
        RequestDetail detail = portal.request(answerer(session), id);
        model.addAttribute("detail", detail);
        return "supplier/request";
    }

    /** Saves the answers; with {@code action=submit} submits them too. Answers are {@code answer-<question>}. */
    @PostMapping("/supplier/requests/{id}")
    @PreAuthorize("permitAll()")
    String save(
            @PathVariable long id,
            @RequestParam Map<String, String> form,
            @RequestParam(name = "action", defaultValue = "save") String action,
            HttpServletRequest request,
            HttpSession session,
            RedirectAttributes redirect) {
        Map<String, String> answers = new HashMap<>();
        form.forEach((k, v) -> {
            if (k.startsWith("answer-")) {
                answers.put(k.substring("answer-".length()), v);
            }
        });
        // Several choices come as repeated parameters: joined here, one a line.
        request.getParameterMap().forEach((k, values) -> {
            if (k.startsWith("answer-") && values.length > 1) {
                answers.put(k.substring("answer-".length()), String.join("\n", values));
            }
        });
        boolean submit = action.equals("submit");
        try {
            portal.save(answerer(session), id, answers, submit);
            redirect.addFlashAttribute(
                    "notice",
                    submit
                            ? "Your answers are submitted. Thank you."
                            : "Your answers are" + " saved. Submit them when they are complete.");
        } catch (BadInputException e) {
            redirect.addFlashAttribute("problem", e.getMessage());
        }
        return "redirect:/supplier/requests/" + id;
    }

    @PostMapping("/supplier/requests/{id}/files")
    @PreAuthorize("permitAll()")
    String upload(
            @PathVariable long id,
            @RequestParam(defaultValue = "") String question,
            @RequestParam(name = "file", required = false) MultipartFile file,
            HttpSession session,
            RedirectAttributes redirect)
            throws IOException {
        try {
            if (file == null || file.isEmpty()) {
                throw new BadInputException("Choose a file to attach");
            }
            if (file.getSize() > io.camaudit.diligence.engine.UploadCheck.MAX_BYTES) {
                throw new BadInputException("\"" + file.getOriginalFilename() + "\" is larger than "
                        + (io.camaudit.diligence.engine.UploadCheck.MAX_BYTES >> 20) + " MB");
            }
            String name = file.getOriginalFilename() == null ? "" : file.getOriginalFilename();
            portal.upload(answerer(session), id, question, name, file.getBytes());
            redirect.addFlashAttribute("notice", "The file is attached.");
        } catch (BadInputException e) {
            redirect.addFlashAttribute("problem", e.getMessage());
        }
        return "redirect:/supplier/requests/" + id + "#question-" + question;
    }

    @PostMapping("/supplier/requests/{id}/files/{fileId}/delete")
    @PreAuthorize("permitAll()")
    String removeFile(
            @PathVariable long id, @PathVariable long fileId, HttpSession session, RedirectAttributes redirect) {
        try {
            portal.removeFile(answerer(session), id, fileId);
            redirect.addFlashAttribute("notice", "The file is removed.");
        } catch (BadInputException e) {
            redirect.addFlashAttribute("problem", e.getMessage());
        }
        return "redirect:/supplier/requests/" + id;
    }

    @GetMapping("/supplier/requests/{id}/files/{fileId}")
    @PreAuthorize("permitAll()")
    ResponseEntity<byte[]> file(@PathVariable long id, @PathVariable long fileId, HttpSession session) {
        return Downloads.of(portal.file(answerer(session), id, fileId));
    }

    @PostMapping("/supplier/requests/{id}/refuse")
    @PreAuthorize("permitAll()")
    String refuse(
            @PathVariable long id,
            @RequestParam(defaultValue = "") String reason,
            HttpSession session,
            RedirectAttributes redirect) {
        try {
            portal.refuse(answerer(session), id, reason);
            redirect.addFlashAttribute("notice", "Your refusal and its reasons are recorded.");
        } catch (BadInputException e) {
            redirect.addFlashAttribute("problem", e.getMessage());
        }
        return "redirect:/supplier/requests/" + id;
    }

    @PostMapping("/supplier/requests/{id}/messages")
    @PreAuthorize("permitAll()")
    String message(
            @PathVariable long id,
            @RequestParam(defaultValue = "") String body,
            HttpSession session,
            RedirectAttributes redirect) {
        try {
            portal.message(answerer(session), id, body);
            redirect.addFlashAttribute("notice", "Your message is on the record.");
        } catch (BadInputException e) {
            redirect.addFlashAttribute("problem", e.getMessage());
        }
        return "redirect:/supplier/requests/" + id + "#messages";
    }

    /** Who this is: a supplier account's supplier (if signed in as one), and the session's link grants. */
    private SupplierPortal.Answerer answerer(HttpSession session) {
        Authentication who = SecurityContextHolder.getContext().getAuthentication();
        Long supplier = null;
        String actor = "one-time link";
        if (who != null && who.getAuthorities().stream().anyMatch(a -> "ROLE_SUPPLIER".equals(a.getAuthority()))) {
            supplier = portal.supplierOf(who.getName()).orElse(null);
            actor = who.getName();
        }
        Set<Long> granted = grants(session);
        if (supplier == null && granted.isEmpty()) {
            throw new NotFoundException("This request");
        }
        return new SupplierPortal.Answerer(actor, supplier, granted);
    }

    @SuppressWarnings("unchecked")
    private static Set<Long> grants(HttpSession session) {
        Object held = session.getAttribute(GRANTS);
        if (held instanceof Set<?> set) {
            return (Set<Long>) set;
        }
        Set<Long> fresh = new HashSet<>();
        session.setAttribute(GRANTS, fresh);
        return fresh;
    }
}
