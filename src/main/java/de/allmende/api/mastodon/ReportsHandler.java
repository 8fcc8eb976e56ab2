package de.allmende.api.mastodon;

import com.fasterxml.jackson.databind.node.ObjectNode;
import de.allmende.api.MediaTypes;
import de.allmende.api.Responses;
import de.allmende.domain.report.NewReport;
import de.allmende.domain.report.Report;
import de.allmende.domain.report.ReportCategory;
import de.allmende.service.ReportService;
import de.allmende.service.client.AccountReads;
import de.allmende.support.ApiException;
import io.vertx.ext.web.RoutingContext;

import java.util.List;
import java.util.Optional;

/**
 * Reports from an app (docs.joinmastodon.org/methods/reports): {@code account_id}, {@code status_ids[]}, {@code comment},
 * {@code forward}, {@code category} and {@code rule_ids[]}, as a form or JSON; answered with Mastodon's Report entity.
 */
public final class ReportsHandler {
    private static final String NOT_FOUND = "Record not found";

    private final ReportService reports;
    private final AccountReads accounts;
    private final AccountJson accountJson;

    ReportsHandler(ReportService reports, AccountReads accounts, AccountJson accountJson) {
        this.reports = reports;
        this.accounts = accounts;
        this.accountJson = accountJson;
    }

    public void create(RoutingContext ctx) {
        ClientParams p = ClientParams.of(ctx);
        List<String> rules = p.list("rule_ids");
        // As Mastodon: cited rules make it a violation, whatever the category says; none given is "other".
        ReportCategory category = !rules.isEmpty() ? ReportCategory.VIOLATION : Optional.ofNullable(p.get("category"))
                .filter(c -> !c.isBlank()).map(c -> ReportCategory.byWire(c.strip()).orElseThrow(() ->
                        ApiException.unprocessable("Validation failed: Category is not included in the list"))).orElse(ReportCategory.OTHER);
        NewReport report = new NewReport(id(p.get("account_id")), p.list("status_ids").stream().map(ReportsHandler::id).toList(),
                Optional.ofNullable(p.get("comment")).orElse(""), category, rules,
                StatusWritesHandler.bool(p.get("forward")).orElse(false));
        ReportService.Filed filed = reports.file(StatusWritesHandler.poster(ctx, accounts), report);
        Responses.json(ctx, 200, MediaTypes.JSON, json(filed));
    }

    /** Mastodon's Report entity. */
    private ObjectNode json(ReportService.Filed filed) {
        Report r = filed.report();
        ObjectNode o = com.fasterxml.jackson.databind.node.JsonNodeFactory.instance.objectNode();
        o.put("id", Long.toString(r.id()));
        o.put("action_taken", r.actionTakenAt().isPresent());
        if (r.actionTakenAt().isPresent()) o.put("action_taken_at", AccountJson.time(r.actionTakenAt().get()));
        else o.putNull("action_taken_at");
        o.put("category", r.category().wire());
        o.put("comment", r.comment());
        o.put("forwarded", r.forwarded());
        o.put("created_at", AccountJson.time(r.created()));
        var statuses = o.putArray("status_ids");
        r.statusIds().forEach(id -> statuses.add(Long.toString(id)));
        var rules = o.putArray("rule_ids");
        r.ruleIds().forEach(rules::add);
        o.putArray("collection_ids");
        o.set("target_account", accountJson.account(filed.target()));
        return o;
    }

    /** An account or status id; anything else (none given too) names nothing: 404, as Mastodon's find answers. */
    private static long id(String value) {
        if (value == null || !value.strip().matches("[0-9]{1,18}")) throw ApiException.notFound(NOT_FOUND);
        return Long.parseLong(value.strip());
    }
}
