package io.camaudit.diligence.api;

import io.camaudit.diligence.Diligence;
import io.camaudit.diligence.DiligenceViews.QuestionnaireView;
import io.camaudit.diligence.DiligenceViews.RequestDetail;
import io.camaudit.diligence.DiligenceViews.RequestSummary;
import io.camaudit.diligence.DiligenceViews.SupplierView;
import io.camaudit.diligence.Questionnaires;
import io.camaudit.shared.BadInputException;
import io.camaudit.shared.Viewer;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.LocalDate;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** Supplier due diligence as JSON: suppliers, questionnaires, requests and their standing, and the public list. */
@RestController
@RequestMapping("/api/v1")
@Tag(name = "Due diligence", description = "Due-diligence requests to suppliers, their clock and outcome")
class DiligenceApi {

    private final Diligence diligence;
    private final Questionnaires questionnaires;

    DiligenceApi(Diligence diligence, Questionnaires questionnaires) {
        this.diligence = diligence;
        this.questionnaires = questionnaires;
    }

    record NewSupplier(
            String name,
            @Nullable String companyId,
            @Nullable String contactName,
            String email) {}

    /** A request to send: organisationId null for the Commissioner's office; askedOn null for today. */
    record NewRequest(
            long supplierId,
            long questionnaireId,
            @Nullable Long organisationId,
            @Nullable LocalDate askedOn,
            LocalDate deadline,
            @Nullable String access,
            @Nullable Boolean published,
            @Nullable Boolean email) {}

    @GetMapping("/diligence/suppliers")
    @PreAuthorize("hasAnyRole('ADMINISTRATOR', 'OFFICER', 'AUDITOR')")
    @Operation(summary = "The suppliers that can be asked")
    List<SupplierView> suppliers(Viewer viewer) {
        return diligence.suppliers(viewer);
    }

    @PostMapping("/diligence/suppliers")
    @PreAuthorize("hasAnyRole('ADMINISTRATOR', 'OFFICER', 'AUDITOR')")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Add a supplier (companyId: the reference data's company it is, if any)")
    SupplierView addSupplier(Viewer viewer, @RequestBody NewSupplier body) {
        long id = diligence.addSupplier(viewer, body.name(), body.companyId(), body.contactName(), body.email());
        return diligence.supplier(viewer, id);
    }

    @GetMapping("/diligence/questionnaires")
    @PreAuthorize("hasAnyRole('ADMINISTRATOR', 'OFFICER', 'AUDITOR')")
    @Operation(summary = "Every questionnaire version")
    List<QuestionnaireView> questionnaires() {
        return questionnaires.all();
    }

    @GetMapping("/diligence/requests")
    @PreAuthorize("hasAnyRole('ADMINISTRATOR', 'OFFICER', 'AUDITOR')")
    @Operation(summary = "The requests the caller may see, newest first, with where each stands")
    List<RequestSummary> requests(Viewer viewer) {
        return diligence.requests(viewer);
    }

    @GetMapping("/diligence/requests/{id}")
    @PreAuthorize("hasAnyRole('ADMINISTRATOR', 'OFFICER', 'AUDITOR')")
    @Operation(summary = "One request: its questionnaire, answers, files, scores, messages and mail")
    RequestDetail request(Viewer viewer, @PathVariable long id) {
        return diligence.request(viewer, id);
    }

    @PostMapping("/diligence/requests")
    @PreAuthorize("hasAnyRole('ADMINISTRATOR', 'OFFICER', 'AUDITOR')")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Send (or record) a due-diligence request")
    RequestDetail send(Viewer viewer, @RequestBody NewRequest body) {
        if (body.deadline() == null) {
            throw new BadInputException("Give the deadline");
        }
        long id = diligence.send(
                viewer,
                new Diligence.Ask(
                        body.supplierId(),
                        body.questionnaireId(),
                        body.organisationId(),
                        body.askedOn(),
                        body.deadline(),
                        body.access() == null ? "LINK" : body.access(),
                        body.published() == null || body.published(),
                        body.email() == null || body.email()));
        return diligence.request(viewer, id);
    }

    @GetMapping("/public/diligence")
    @PreAuthorize("permitAll()")
    @Operation(summary = "The public list: every published request, by whom, when, and where it stands")
    List<Diligence.PublicEntry> published() {
        return diligence.publicList();
    }
}
