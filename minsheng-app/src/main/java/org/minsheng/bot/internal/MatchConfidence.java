package org.minsheng.bot.internal;

import java.util.List;

import org.minsheng.knowledge.SearchHit;

/**
 * How sure the bot is that the best article answers the question, from 0 to 1: mostly how much of
 * the question the article covers (the share of the question's words it contains), and a little
 * how far it stands ahead of the next one. BM25 scores alone are not comparable between questions;
 * coverage is. The hand-off threshold is tuned on the FAQ benchmark (docs/benchmarks.md).
 */
final class MatchConfidence {

	static final double COVERAGE_WEIGHT = 0.8;

	private MatchConfidence() {
	}

	static double of(List<SearchHit> hits) {
		if (hits.isEmpty()) {
			return 0;
		}
		var top = hits.get(0);
		double lead = hits.size() < 2 || top.score() <= 0 ? 1 : Math.max(0, (top.score() - hits.get(1).score()) / top.score());
		double value = COVERAGE_WEIGHT * top.coverage() + (1 - COVERAGE_WEIGHT) * lead;
		return Math.round(value * 1000) / 1000.0;
	}

	/** A short turn that leans on the one before (那需要带什么材料？ 还有呢？ 在哪里办). */
	static boolean looksLikeFollowUp(String question) {
		var q = question.strip();
		if (q.length() <= 8) {
			return true;
		}
		for (var start : List.of("那", "还有", "另外", "它", "这个", "那个", "如果", "要是", "然后")) {
			if (q.startsWith(start)) {
				return q.length() <= 20;
			}
		}
		return false;
	}
}
