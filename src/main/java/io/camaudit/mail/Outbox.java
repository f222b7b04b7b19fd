package io.camaudit.mail;

import io.camaudit.mail.persistence.OutboxRows;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
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
import org.springframework.stereotype.Service;

/**
 * The outbox. Every minute (and on {@code camaudit … --send-mail}) it asks each {@link DueMail}
 * what has fallen due, reports messages a stopped sender left claimed and unsent (never sending
 * them again, since they may have gone), then claims and sends what is queued through the
 * administrator's SMTP server ({@code spring.mail.*}). Without SMTP the queue waits.
 */
@Service
public class Outbox {

    private static final Logger LOG = LoggerFactory.getLogger(Outbox.class);
    private static final Duration STUCK = Duration.ofMinutes(10);
    static final String STOPPED = "the service stopped while sending it";

    private final OutboxRows rows;
    private final ObjectProvider<JavaMailSender> sender;
    private final ObjectProvider<DueMail> due;
    private final ObjectProvider<Placeholders> placeholders;
    private final Clock clock;
    private final String from;
    private final String publicUrl;
    private final boolean scheduled;
    private final ScheduledExecutorService ticker = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "mail-outbox");
        t.setDaemon(true);
        return t;
    });

    Outbox(
            OutboxRows rows,
            ObjectProvider<JavaMailSender> sender,
            ObjectProvider<DueMail> due,
            ObjectProvider<Placeholders> placeholders,
            Clock clock,
            @Value("${camaudit.mail.from:camaudit@localhost}") String from,
            @Value("${camaudit.public-url:http://localhost:8080}") String publicUrl,
            @Value("${camaudit.mail.scheduled:true}") boolean scheduled) {
        this.rows = rows;
        this.sender = sender;
        this.due = due;
        this.placeholders = placeholders;
        this.clock = clock;
        this.from = from;
        this.publicUrl = publicUrl.replaceAll("/+$", "");
        this.scheduled = scheduled;
    }

    /** Queues a letter unless one with its dedupe key was queued before: true when queued now. */
    public boolean queue(Letter letter) {
        return rows.queue(letter, Instant.now(clock));
    }

    /** The messages about one thing, oldest first, as its page lists them. */
    public List<Posted> about(String topic, long subjectId) {
        return rows.about(topic, subjectId);
    }

    /** The latest messages about a body, newest first. */
    public List<Posted> ofOrganisation(long organisationId, int limit) {
        return rows.ofOrganisation(organisationId, limit);
    }

    /** A page of the service as its readers reach it ({@code camaudit.public-url}), for the links in mail. */
    public String link(String path) {
        return publicUrl + path;
    }

    /** Whether mail can go out: an SMTP server is configured. */
    public boolean configured() {
        return sender.getIfAvailable() != null;
    }

    /** Queues what has fallen due, reports what a stopped sender left, and sends what is queued. */
    public synchronized void tick() {
        LocalDate today = LocalDate.now(clock);
        due.orderedStream().forEach(d -> {
            try {
                d.queueDue(this, today);
            } catch (RuntimeException e) { // one feature's failure must not hold back the others' mail
                LOG.error("{} could not queue the mail due today", d.getClass().getSimpleName(), e);
            }
        });
        Instant now = Instant.now(clock);
        for (OutboxRows.Queued m : rows.interrupted(now.minus(STUCK))) {
            rows.failed(
                    m.id(),
                    STOPPED + ": not sent again, so that it is never sent twice; send it by hand if it did not"
                            + " arrive",
                    false);
        }
        JavaMailSender smtp = sender.getIfAvailable();
        if (smtp == null) {
            return; // no SMTP server configured: the queue waits, and each page that lists mail says so
        }
        for (OutboxRows.Queued m : rows.unclaimed()) {
            if (rows.claim(m.id(), Instant.now(clock))) {
                send(smtp, m);
            }
        }
    }

    private void send(JavaMailSender smtp, OutboxRows.Queued m) {
        Placeholders.Filled filled = placeholders
                .orderedStream()
                .filter(p -> p.topic().equals(m.topic()))
                .findFirst()
                .map(p -> p.fill(m.subjectId(), m.body()))
                .orElse(new Placeholders.Filled(m.body(), m.body()));
        SimpleMailMessage message = new SimpleMailMessage();
        message.setFrom(from);
        message.setTo(m.recipient());
        message.setSubject(m.subject());
        message.setText(filled.sent());
        try {
            smtp.send(message);
            rows.sent(m.id(), Instant.now(clock), filled.kept());
        } catch (MailException e) {
            LOG.warn("mail {} ({} {}) was not sent: {}", m.id(), m.topic(), m.subjectId(), e.getMessage());
            rows.failed(m.id(), "not sent: " + e.getMessage(), true);
        }
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
            LOG.error("the outbox could not send its mail", e);
        }
    }

    @EventListener(ContextClosedEvent.class)
    void stop() {
        ticker.shutdownNow();
    }
}
