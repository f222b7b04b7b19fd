package io.camaudit.diligence;

import io.camaudit.diligence.persistence.DiligenceRows;
import io.camaudit.diligence.persistence.DiligenceRows.RequestRow;
import io.camaudit.intel.engine.DiligenceRecords;
import io.camaudit.intel.engine.DiligenceState;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * What the procurement check learns of a company's due diligence: of its suppliers' requests not
 * withdrawn, the oldest still unanswered or refused (silence anywhere is silence); else the
 * newest answered one, with its outcome.
 */
@Component
class DiligenceStandings implements DiligenceRecords {

    private final DiligenceRows rows;
    private final DiligenceMail mail;

    DiligenceStandings(DiligenceRows rows, DiligenceMail mail) {
        this.rows = rows;
        this.mail = mail;
    }

    @Override
    public Optional<DiligenceState> of(String companyId) {
        List<RequestRow> requests = rows.requestsOfCompany(companyId).stream()
                .filter(r -> r.withdrawnOn() == null)
                .toList();
        Optional<RequestRow> silent =
                requests.stream().filter(r -> r.submittedOn() == null).findFirst();
        Optional<RequestRow> chosen =
                silent.isPresent() ? silent : requests.stream().reduce((first, second) -> second);
        return chosen.map(r -> new DiligenceState(
                r.askedOn(), r.submittedOn(), r.refusedOn(), r.outcome(), mail.requesterName(r.organisationId())));
    }
}
