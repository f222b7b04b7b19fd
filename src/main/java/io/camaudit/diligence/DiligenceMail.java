package io.camaudit.diligence;

import io.camaudit.diligence.DiligenceViews.SupplierView;
import io.camaudit.diligence.persistence.DiligenceRows;
import io.camaudit.diligence.persistence.DiligenceRows.RequestRow;
import io.camaudit.register.Register;
import io.camaudit.shared.Role;
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
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.ContextClosedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.mail.MailException;
import org.springframework.mail.SimpleMailMessage;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.stereotype.Component;

/**
 * The due-diligence mail: an outbox in the database. Requests, follow-ups, reminders (a set number
 * of days before the deadline) and escalations (the day after it) are queued, at most one
 * reminder and one escalation per request, then sent through the administrator's SMTP server
 * ({@code spring.mail.*}). Each message is claimed before it is sent: after a restart a message
 * claimed but not marked sent is reported, never sent again. A one-time link is made only as its
 * message goes out, and only its hash is kept.
 */
@Component
public class DiligenceMail {

    private static final Logger LOG = LoggerFactory.getLogger(DiligenceMail.class);
    static final String LINK = "{one-time link}";
    private static final Duration STUCK = Duration.ofMinutes(10);
    private static final SecureRandom RANDOM = new SecureRandom();

    private final DiligenceRows rows;
    private final Register register;
    private final ObjectProvider<JavaMailSender> sender;
    private final Clock clock;
    private final String publicUrl;
    private final String from;
    private final int remindDays;
    private final @Nullable String escalateTo;
    private final boolean scheduled;
    private final ScheduledExecutorService ticker = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "diligence-mail");
        t.setDaemon(true);
        return t;
    });

    DiligenceMail(
            DiligenceRows rows,
            Register register,
            ObjectProvider<JavaMailSender> sender,
            Clock clock,
            @Value("${camaudit.public-url:http://localhost:8080}") String publicUrl,
            @Value("${camaudit.diligence.mail-from:camaudit@localhost}") String from,
            @Value("${camaudit.diligence.remind-days:7}") int remindDays,
            @Value("${camaudit.diligence.escalate-to:}") String escalateTo,
            @Value("${camaudit.diligence.scheduled:true}") boolean scheduled) {
        this.rows = rows;
        this.register = register;
        this.sender = sender;
        this.clock = clock;
        this.publicUrl = publicUrl.replaceAll("/+$", "");
        this.from = from;
        this.remindDays = remindDays;
        this.escalateTo = escalateTo.isBlank() ? null : escalateTo.strip();
        this.scheduled = scheduled;
    }

    // -- queueing ---------------------------------------------------------------------------------

    void queueRequest(
            long requestId, SupplierView supplier, String requester, String title, LocalDate deadline, String access) {
        String body = greeting(supplier) + requester + " asks " + supplier.name() + " to answer a due-diligence"
                + " questionnaire: " + title + ".\n\nPlease answer by " + deadline + ". " + how(access)
                + "\n\nYou can save your answers as you go and submit them when they are complete. If you will not"
                + " answer, you can say so there, with your reasons.\n\nThe request, its dates and whether it was"
                + " answered may be published.\n";
        rows.queueMail(
                requestId,
                "REQUEST",
                "request:" + requestId + ":sent",
                supplier.contactEmail(),
                "Due diligence request from " + requester,
                body,
                Instant.now(clock));
    }

    void queueMessage(RequestRow row, SupplierView supplier, String requester) {
        String body = greeting(supplier) + requester + " has written to you about its due-diligence request."
                + " Read it and reply where you answer the questionnaire. " + how(row.access()) + "\n";
        rows.queueMail(
                row.id(),
                "MESSAGE",
                "request:" + row.id() + ":message:" + Instant.now(clock).toEpochMilli(),
                supplier.contactEmail(),
                "A message about the due diligence request from " + requester,
                body,
                Instant.now(clock));
    }

    private String how(String access) {
        return access.equals("LINK")
                ? "Open the questionnaire with this link, which works once and then keeps you signed in to this"
                        + " request: " + LINK
                : "Sign in to your supplier account at " + publicUrl + "/supplier";
    }

    private static String greeting(SupplierView supplier) {
        return greeting(supplier.name(), supplier.contactName());
    }

    private static String greeting(String name, @Nullable String contact) {
        return "Dear " + (contact == null ? name : contact) + ",\n\n";
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
        return publicUrl + "/respond/" + token;
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
        return register.organisation(new Viewer("system", Role.ADMINISTRATOR, null), organisationId)
                .name();
    }

    // -- the clock and the sending ----------------------------------------------------------------

    /** Queues reminders and escalations that are due, reports messages a stopped sender left, sends what is queued. */
    public synchronized void tick() {
        LocalDate today = LocalDate.now(clock);
        Instant now = Instant.now(clock);
        for (RequestRow r : rows.waiting()) {
            DiligenceRows.SupplierRow s = rows.supplier(r.supplierId()).orElseThrow();
            String requester = requesterName(r.organisationId());
            String dear = greeting(s.name(), s.contactName());
            if (!today.isAfter(r.deadline()) && !today.isBefore(r.deadline().minusDays(remindDays))) {
                rows.queueMail(
                        r.id(),
                        "REMINDER",
                        "request:" + r.id() + ":reminder",
                        s.contactEmail(),
                        "Reminder: due diligence for " + requester + " is due by " + r.deadline(),
                        dear + "This is a reminder that " + requester + " asked " + s.name() + " on " + r.askedOn()
                                + " to answer a due-diligence questionnaire by " + r.deadline() + ". " + how(r.access())
                                + "\n",
                        now);
            }
            if (today.isAfter(r.deadline())) {
                String words = "asked on " + r.askedOn() + "; the deadline of " + r.deadline() + " has passed with no"
                        + " reply";
                rows.queueMail(
                        r.id(),
                        "ESCALATION",
                        "request:" + r.id() + ":escalation",
                        s.contactEmail(),
                        "Overdue: due diligence for " + requester,
                        dear + s.name() + " was " + words + ". Until it answers, the procurement check treats it as a"
                                + " supplier that has not answered due diligence. " + how(r.access()) + "\n",
                        now);
                if (escalateTo != null) {
                    rows.queueMail(
                            r.id(),
                            "ESCALATION",
                            "request:" + r.id() + ":escalation:requester",
                            escalateTo,
                            "Overdue: " + s.name() + " has not answered due diligence",
                            requester + "'s request " + r.id() + " to " + s.name() + " was " + words + ".\n",
                            now);
                }
            }
        }
        for (DiligenceRows.MailRow m : rows.interrupted(now.minus(STUCK))) {
            rows.mailFailed(
                    m.id(),
                    "the service stopped while sending it: not sent again, so that it is never sent"
                            + " twice; send it by hand if it did not arrive",
                    false);
        }
        JavaMailSender smtp = sender.getIfAvailable();
        if (smtp == null) {
            return; // no SMTP server configured: the queue waits, and each request's page says so
        }
        for (DiligenceRows.MailRow m : rows.unsent()) {
            if (m.failure() != null && m.failure().startsWith("the service stopped")) {
                continue;
            }
            if (!rows.claimMail(m.id(), Instant.now(clock))) {
                continue;
            }
            send(smtp, m);
        }
    }

    private void send(JavaMailSender smtp, DiligenceRows.MailRow m) {
        String body = m.body();
        String kept = body;
        if (body.contains(LINK)) {
            RequestRow r = rows.request(m.requestId()).orElseThrow();
            body = body.replace(LINK, link(r.id(), r.deadline()));
            kept = m.body().replace(LINK, "(a one-time link, not kept)");
        }
        SimpleMailMessage message = new SimpleMailMessage();
        message.setFrom(from);
        message.setTo(m.recipient());
        message.setSubject(m.subject());
        message.setText(body);
        try {
            smtp.send(message);
            rows.mailSent(m.id(), Instant.now(clock), kept);
        } catch (MailException e) {
            LOG.warn("due-diligence mail {} to request {} was not sent: {}", m.id(), m.requestId(), e.getMessage());
            rows.mailFailed(m.id(), "not sent: " + e.getMessage(), true);
        }
    }

    /** Whether mail can go out: an SMTP server is configured. */
    public boolean configured() {
        return sender.getIfAvailable() != null;
    }

    @EventListener(ApplicationReadyEvent.class)
    void startTicking() {
        if (scheduled) {
            ticker.scheduleWithFixedDelay(this::safeTick, 5, 60, TimeUnit.SECONDS);
        }
    }

    private void safeTick() {
        try {
            tick();
        } catch (RuntimeException e) {
            LOG.error("the due-diligence mail could not be sent", e);
        }
    }

    @EventListener(ContextClosedEvent.class)
    void stop() {
        ticker.shutdownNow();
    }
}
