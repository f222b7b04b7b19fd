package io.camaudit.intel.engine;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Applies a policy to a resolved supplier. Every rule whose conditions all hold gives its verdict
 * and reason; the check's verdict is the most severe of them, and a supplier no rule catches is
 * eligible, with that said as a reason too.
 */
public final class PolicyEngine {

    private final IntelBundle bundle;
    private final DiligenceRecords diligence;

    public PolicyEngine(IntelBundle bundle, DiligenceRecords diligence) {
        this.bundle = bundle;
        this.diligence = diligence;
    }

    public CheckResult check(String subject, Resolution resolution, Policy policy, CheckContext context) {
        Optional<Company> maker = Optional.ofNullable(resolution.maker()).flatMap(bundle::company);
        List<Reason> reasons = new ArrayList<>();
        Verdict verdict = Verdict.ELIGIBLE;
        for (PolicyRule rule : policy.rules()) {
            List<String> details = new ArrayList<>();
            boolean holds = true;
            for (Condition condition : rule.conditions()) {
                Optional<String> detail = holds(condition, maker, policy, context);
                if (detail.isEmpty()) {
                    holds = false;
                    break;
                }
                if (!detail.get().isEmpty()) {
                    details.add(detail.get());
                }
            }
            if (holds) {
                String text = rule.reason() + (details.isEmpty() ? "" : " " + String.join(" ", details));
                reasons.add(new Reason(rule.verdict(), rule.when(), text, policy.sources(bundle, rule.sources())));
                verdict = verdict.worst(rule.verdict());
            }
        }
        if (reasons.isEmpty()) {
            String who = maker.map(Company::name).orElse("this supplier");
            reasons.add(new Reason(
                    Verdict.ELIGIBLE,
                    "",
                    "No rule of the policy \u201c" + policy.name() + "\u201d applies to " + who + ".",
                    policy.sources(bundle, policy.sources())));
        }
        return new CheckResult(
                subject,
                resolution,
                policy,
                context.sensitiveSite(),
                verdict,
                List.copyOf(reasons),
                maker.map(bundle::entriesCovering).orElse(List.of()),
                maker.map(company -> ownershipOf(company)).orElse(List.of()),
                maker.map(bundle::findingsAbout).orElse(List.of()),
                bundle.version().text());
    }

    private List<Ownership> ownershipOf(Company company) {
        List<Ownership> owners = new ArrayList<>();
        for (Company member : bundle.groupOf(company)) {
            owners.addAll(bundle.ownersOf(member.id()));
        }
        return owners;
    }

    /** Empty if the condition does not hold; otherwise what to add to the reason (may be blank). */
    private Optional<String> holds(Condition condition, Optional<Company> maker, Policy policy, CheckContext context) {
        if (condition instanceof Condition.Unresolved) {
            return maker.isEmpty() ? Optional.of("") : Optional.empty();
        }
        if (condition instanceof Condition.SensitiveSite) {
            return context.sensitiveSite() ? Optional.of("") : Optional.empty();
        }
        if (maker.isEmpty()) {
            return Optional.empty();
        }
        Company company = maker.get();
        if (condition instanceof Condition.Listed listed) {
            return bundle.entriesCovering(company).stream()
                    .filter(entry -> entry.listing().equals(listed.listing()))
                    .findFirst()
                    .map(entry -> describe(company, entry));
        }
        if (condition instanceof Condition.Country country) {
            return country.code().equals(company.country())
                    ? Optional.of(company.name() + " is a company of " + country.code() + ".")
                    : Optional.empty();
        }
        if (condition instanceof Condition.StateShareAtLeast share) {
            return bundle.groupOf(company).stream()
                    .flatMap(member -> bundle.ownersOf(member.id()).stream())
                    .filter(o -> Boolean.TRUE.equals(o.stateOwned())
                            && o.sharePercent() != null
                            && o.sharePercent() >= share.percent())
                    .findFirst()
                    .map(o -> bundle.company(o.owner()).map(Company::name).orElse(o.owner()) + ", a state body, holds "
                            + o.sharePercent() + "% of "
                            + bundle.company(o.company()).map(Company::name).orElse(o.company())
                            + ".");
        }
        if (condition instanceof Condition.DiligenceRejected) {
            return diligence
                    .of(company.id())
                    .filter(DiligenceState::rejected)
                    .map(state -> company.name() + "'s due-diligence answers"
                            + (state.requester() == null ? "" : " to " + state.requester()) + " (asked on "
                            + state.requestedOn() + ") were rejected by the reviewers.");
        }
        // Condition.DiligenceOverdue
        return diligence
                .of(company.id())
                .filter(state -> state.overdue(context.today(), policy.diligenceDeadlineDays()))
                .map(state -> company.name() + " was asked"
                        + (state.requester() == null ? "" : " by " + state.requester()) + " on " + state.requestedOn()
                        + (state.refusedOn() != null
                                ? ", refused to answer on " + state.refusedOn() + ","
                                : " and has not answered")
                        + " in " + state.daysWaiting(context.today()) + " days (the deadline is "
                        + policy.diligenceDeadlineDays() + ").");
    }

    private String describe(Company company, ListingEntry entry) {
        String listing = bundle.listing(entry.listing()).map(Listing::name).orElse(entry.listing());
        String who = entry.company() != null
                ? bundle.company(entry.company()).map(Company::name).orElse(entry.company())
                : company.name() + " (as a company of " + entry.country() + ")";
        String through = entry.company() != null && !entry.company().equals(company.id())
                ? " (" + company.name() + " is in its group)"
                : "";
        String on = entry.company() != null ? " is on the " : " is covered by the ";
        return who + through + on + listing + " since " + entry.listedOn() + ": " + entry.scope() + ".";
    }
}
