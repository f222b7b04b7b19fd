package io.camaudit.diligence;

import io.camaudit.diligence.DiligenceViews.SupplierView;
import io.camaudit.diligence.persistence.DiligenceRows;
import io.camaudit.diligence.persistence.DiligenceRows.RequestRow;
import io.camaudit.mail.DueMail;
import io.camaudit.mail.Letter;
import io.camaudit.mail.Outbox;
import io.camaudit.mail.Placeholders;
import io.camaudit.mail.Posted;
import io.camaudit.register.Register;
import io.camaudit.shared.Viewer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The due-diligence mail, queued in the service's {@link Outbox}: requests, follow-ups, reminders
 * (a set number of days before the deadline) and escalations (the day after it), at most one
 * reminder and one escalation per request. A one-time link is made only as its message goes out,
 * and only its hash is kept.
 */
@Component
public class DiligenceMail implements DueMail, Placeholders {

    static final String LINK = "{one-time link}";
    static final String TOPIC = "diligence";
    private static final SecureRandom RANDOM = new SecureRandom();

    private final DiligenceRows rows;
    private final Register register;
    private final Outbox outbox;
    private final Clock clock;
    private final int remindDays;
    private final @Nullable String escalateTo;

    DiligenceMail(
            DiligenceRows rows,
            Register register,
            Outbox outbox,
            Clock clock,
            @Value("${camaudit.diligence.remind-days:7}") int remindDays,
            @Value("${camaudit.diligence.escalate-to:}") String escalateTo) {
        this.rows = rows;
        this.register = register;
        this.outbox = outbox;
        this.clock = clock;
        this.remindDays = remindDays;
        this.escalateTo = escalateTo.isBlank() ? null : escalateTo.strip();
    }

    // -- queueing ---------------------------------------------------------------------------------

    void queueRequest(
            long requestId,
            @Nullable Long organisationId,
            SupplierView supplier,
            String requester,
            String title,
            LocalDate deadline,
            String access) {
        String body = greeting(supplier) + requester + " asks " + supplier.name() + " to answer a due-diligence"
                + " questionnaire: " + title + ".\n\nPlease answer by " + deadline + ". " + how(access)
                + "\n\nYou can save your answers as you go and submit them when they are complete. If you will not"
                + " answer, you can say so there, with your reasons.\n\nThe request, its dates and whether it was"
                + " answered may be published.\n";
        outbox.queue(new Letter(
                TOPIC,
                requestId,
                organisationId,
                "REQUEST",
                "request:" + requestId + ":sent",
                supplier.contactEmail(),
                "Due diligence request from " + requester,
                body));
    }

    void queueMessage(RequestRow row, SupplierView supplier, String requester) {
        String body = greeting(supplier) + requester + " has written to you about its due-diligence request."
                + " Read it and reply where you answer the questionnaire. " + how(row.access()) + "\n";
        outbox.queue(letter(
                row,
                "MESSAGE",
                "request:" + row.id() + ":message:" + Instant.now(clock).toEpochMilli(),
                supplier.contactEmail(),
                "A message about the due diligence request from " + requester,
                body));
    }

    private String how(String access) {
        return access.equals("LINK")
                ? "Open the questionnaire with this link, which works once and then keeps you signed in to this"
                        + " request: " + LINK
                : "Sign in to your supplier account at " + outbox.link("/supplier");
    }

    private static String greeting(SupplierView supplier) {
        return greeting(supplier.name(), supplier.contactName());
    }

    private static String greeting(String name, @Nullable String contact) {
        return "Dear " + (contact == null ? name : contact) + ",\n\n";
    }

    /**
     * Tells the requester what the supplier did (answered, refused, wrote), at the body's address
     * for information requests, or for the Commissioner's office at {@code camaudit.diligence
     * .escalate-to}; nothing where there is no address (the request's page shows it either way).
     */
    void tellRequester(RequestRow r, String supplier, String kind, String dedupe, String subject, String what) {
        String to = r.organisationId() == null
                ? escalateTo
                : register.organisation(Viewer.SYSTEM, r.organisationId()).contactEmail();
        if (to == null) {
            return;
        }
        outbox.queue(letter(
                r,
                kind,
                "request:" + r.id() + ":" + dedupe,
                to,
                subject,
                supplier + " " + what + ".\n\nSee the request, score the answers and reply: "
                        + outbox.link("/diligence/requests/" + r.id()) + "\n"));
    }

    /** Makes a one-time link to a request, keeping only its hash; the link lasts until two weeks after the deadline. */
    String link(long requestId, LocalDate deadline) {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        String token = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        Instant now = Instant.now(clock);
        Instant until = deadline.plusDays(14).atStartOfDay().toInstant(ZoneOffset.UTC);
        if (until.isBefore(now.plus(Duration.ofDays(7)))) {
            until = now.plus(Duration.ofDays(7));
        }
        rows.expireLinks(requestId, now);
        rows.insertLink(hash(token), requestId, now, until);
        return outbox.link("/respond/" + token);
    }

    static String hash(String token) {
        try {
            return HexFormat.of()
                    .formatHex(MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java has SHA-256", e);
        }
    }

    String requesterName(@Nullable Long organisationId) {
        if (organisationId == null) {
            return Diligence.COMMISSIONER;
        }
        return register.organisation(Viewer.SYSTEM, organisationId).name();
    }

    // -- what falls due, and the link as it goes out ----------------------------------------------

    /** Queues the reminders and escalations that are due: at most one of each per request. */
    @Override
    public void queueDue(Outbox outbox, LocalDate today) {
        for (RequestRow r : rows.waiting()) {
            DiligenceRows.SupplierRow s = rows.supplier(r.supplierId()).orElseThrow();
            String requester = requesterName(r.organisationId());
            String dear = greeting(s.name(), s.contactName());
            if (!today.isAfter(r.deadline()) && !today.isBefore(r.deadline().minusDays(remindDays))) {
                outbox.queue(letter(
                        r,
                        "REMINDER",
                        "request:" + r.id() + ":reminder",
                        s.contactEmail(),
                        "Reminder: due diligence for " + requester + " is due by " + r.deadline(),
                        dear + "This is a reminder that " + requester + " asked " + s.name() + " on " + r.askedOn()
                                + " to answer a due-diligence questionnaire by " + r.deadline() + ". " + how(r.access())
                                + "\n"));
            }
            if (today.isAfter(r.deadline())) {
                String words = "asked on " + r.askedOn() + "; the deadline of " + r.deadline() + " has passed with no"
                        + " reply";
                outbox.queue(letter(
                        r,
                        "ESCALATION",
                        "request:" + r.id() + ":escalation",
                        s.contactEmail(),
                        "Overdue: due diligence for " + requester,
                        dear + s.name() + " was " + words + ". Until it answers, the procurement check treats it as a"
                                + " supplier that has not answered due diligence. " + how(r.access()) + "\n"));
                if (escalateTo != null) {
                    outbox.queue(letter(
                            r,
                            "ESCALATION",
                            "request:" + r.id() + ":escalation:requester",
                            escalateTo,
                            "Overdue: " + s.name() + " has not answered due diligence",
                            requester + "'s request " + r.id() + " to " + s.name() + " was " + words + ".\n"));
                }
            }
        }
    }

    @Override
    public String topic() {
        return TOPIC;
    }

    /** Makes the one-time link as the message goes out; the outbox keeps the text without it. */
    @Override
    public Filled fill(long requestId, String body) {
        if (!body.contains(LINK)) {
            return new Filled(body, body);
        }
        RequestRow r = rows.request(requestId).orElseThrow();
        return new Filled(
                body.replace(LINK, link(r.id(), r.deadline())), body.replace(LINK, "(a one-time link, not kept)"));
    }

    /** The messages about a request, oldest first. */
    List<Posted> mails(long requestId) {
        return outbox.about(TOPIC, requestId);
    }

    /** Whether mail can go out: an SMTP server is configured. */
    public boolean configured() {
        return outbox.configured();
    }

    private static Letter letter(RequestRow r, String kind, String dedupe, String to, String subject, String body) {
        return new Letter(TOPIC, r.id(), r.organisationId(), kind, dedupe, to, subject, body);
    }
}
