package de.allmende.domain.report;

import java.util.List;

/**
 * A report a municipality files from its app (docs.joinmastodon.org/methods/reports): the account, some of its posts,
 * why, and whether the account's server should hear of it too ({@code forward}, only for a remote account).
 */
public record NewReport(long targetAccountId, List<Long> statusIds, String comment, ReportCategory category, List<String> ruleIds,
                        boolean forward) {}
