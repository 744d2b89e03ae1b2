package org.minsheng.knowledge;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;

/**
 * What the knowledge base learns from use (自学习): hot questions with their trend, questions
 * without a good answer grouped into candidate FAQ entries (one call makes one a draft), articles
 * never used, articles readers found unhelpful, articles about to expire. Reports need the edit or
 * review right; feedback needs only the read right.
 */
public interface KnowledgeLearning {

	/** A reader's (agent's, citizen's through a channel) verdict on an article. */
	void feedback(ArticleId id, boolean helpful, String comment, String source);

	/** The most asked questions of the day or week ending on {@code day}, against the period before. */
	List<HotQuestion> hotQuestions(Period period, LocalDate day, int top);

	/**
	 * Questions the knowledge base did not answer well between the days (no result, the best
	 * article covering less than half of the question, or a bot's hand-off), similar ones grouped.
	 */
	List<QuestionCluster> unanswered(LocalDate from, LocalDate to, int top);

	/** A FAQ draft from a group of questions, for an editor to write the answer. */
	ArticleView draftFromQuestions(List<String> questions, Long departmentId);

	/** Published articles in scope that nobody used, published at least {@code days} ago. */
	List<ArticleUse> neverUsed(int days);

	/** Published articles in scope with unhelpful feedback between the days, most first. */
	List<ArticleFeedback> negativeFeedback(LocalDate from, LocalDate to);

	/** Published articles in scope that expire within the days. */
	List<ArticleUse> expiringWithin(int days);

	enum Period {
		DAY, WEEK
	}

	record HotQuestion(String question, long count, long previousCount, double change) {
	}

	record QuestionCluster(String question, long count, List<String> examples, OffsetDateTime lastAsked) {
	}

	record ArticleUse(long id, String title, ArticleType type, String departmentName, long usedCount,
			LocalDate expiresAt) {
	}

	record ArticleFeedback(long id, String title, String departmentName, long helpful, long unhelpful,
			List<String> comments) {
	}
}
