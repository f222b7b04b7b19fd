package io.camaudit.web;

import io.camaudit.shared.BadInputException;
import io.camaudit.shared.ConflictException;
import io.camaudit.shared.ForbiddenException;
import io.camaudit.shared.NotFoundException;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;

/** GOV.UK error pages for the web pages; the API has its own handler with problem details. */
@ControllerAdvice(annotations = Controller.class)
class PageErrors {

    @ExceptionHandler(NotFoundException.class)
    String notFound(HttpServletResponse response) {
        response.setStatus(HttpServletResponse.SC_NOT_FOUND);
        return "error/404";
    }

    @ExceptionHandler({ForbiddenException.class, AccessDeniedException.class})
    String forbidden(HttpServletResponse response) {
        response.setStatus(HttpServletResponse.SC_FORBIDDEN);
        return "error/403";
    }

    @ExceptionHandler({ConflictException.class, BadInputException.class})
    String conflict(RuntimeException e, HttpServletResponse response, Model model) {
        response.setStatus(HttpServletResponse.SC_CONFLICT);
        model.addAttribute("message", e.getMessage());
        return "error/conflict";
    }
}
