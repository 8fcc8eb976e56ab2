package de.allmende.store;

import de.allmende.db.tables.records.ReportRecord;
import de.allmende.domain.report.Report;
import de.allmende.domain.report.ReportCategory;
import org.jooq.DSLContext;

import java.net.URI;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

import static de.allmende.db.Tables.REPORT;

/** Reports kept for moderation (migration V20): filed from apps here, and received as Flags. */
public final class ReportStore {
    /** A report to keep; {@code iri} is the Flag that carried it, if any (a second one with the same IRI is not kept). */
    public record New(Optional<URI> iri, boolean received, long accountId, long targetAccountId, List<Long> statusIds,
                      String comment, ReportCategory category, List<String> ruleIds, boolean forwarded) {}

    /** Keeps the report; empty if one with its Flag's IRI is kept already (a redelivery). */
    public Optional<Report> insert(DSLContext tx, New r) {
        return tx.insertInto(REPORT)
                .set(REPORT.IRI, r.iri().map(URI::toString).orElse(null))
                .set(REPORT.RECEIVED, r.received())
                .set(REPORT.ACCOUNT_ID, r.accountId())
                .set(REPORT.TARGET_ACCOUNT_ID, r.targetAccountId())
                .set(REPORT.STATUS_IDS, r.statusIds().toArray(Long[]::new))
                .set(REPORT.COMMENT, r.comment())
                .set(REPORT.CATEGORY, r.category().wire())
                .set(REPORT.RULE_IDS, r.ruleIds().toArray(String[]::new))
                .set(REPORT.FORWARDED, r.forwarded())
                .onConflictDoNothing()
                .returning().fetchOptional().map(ReportStore::read);
    }

    /** The newest reports first; only those about {@code targetAccountId} if given. */
    public List<Report> newest(DSLContext tx, Optional<Long> targetAccountId, int limit) {
        return tx.selectFrom(REPORT).where(targetAccountId.map(REPORT.TARGET_ACCOUNT_ID::eq).orElse(org.jooq.impl.DSL.noCondition()))
                .orderBy(REPORT.ID.desc()).limit(limit).fetch(ReportStore::read);
    }

    private static Report read(ReportRecord r) {
        return new Report(r.getId(), Optional.ofNullable(r.getIri()).map(URI::create), r.getReceived(), r.getAccountId(),
                r.getTargetAccountId(), Arrays.asList(r.getStatusIds()), r.getComment(),
                ReportCategory.byWire(r.getCategory()).orElse(ReportCategory.OTHER), Arrays.asList(r.getRuleIds()), r.getForwarded(),
                Optional.ofNullable(r.getActionTakenAt()).map(java.time.OffsetDateTime::toInstant), r.getCreated().toInstant());
    }
}
